#include "viewer/app/series_slot.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <exception>
#include <stdexcept>

#include "viewer/gl/gl.h"

namespace nadir::viewer {

void LoadSink::CopySlice(int k, const std::int16_t* hu, int done, int total) {
  const std::span<std::int16_t> to = SliceBuffer(k);
  std::copy_n(hu, to.size(), to.data());
  SliceDone(k, done, total);
}

// Shared by the worker (producer) and the main thread (consumer). The loader decodes into a
// buffer allocated here per slice; a finished slice's buffer moves to the main thread.
class SeriesSlot::Channel : public LoadSink {
 public:
  using Arrived = std::pair<int, std::unique_ptr<std::int16_t[]>>;

  void Begin(const Volume& v) override {
    Volume header;  // everything but the voxels
    static_cast<VolumeGeometry&>(header) = v;
    header.sop_uids = v.sop_uids;
    std::lock_guard lock(mutex_);
    geometry_ = std::move(header);
    slice_voxels_ = std::size_t(v.size[0]) * v.size[1];
    decoding_.clear();
    decoding_.resize(std::size_t(std::max(v.size[2], 0)));
  }
  std::span<std::int16_t> SliceBuffer(int k) override {
    std::lock_guard lock(mutex_);
    if (k < 0 || k >= int(decoding_.size()))
      throw std::out_of_range("slice " + std::to_string(k) + " outside the series' " +
                              std::to_string(decoding_.size()) + " slices");
    // Not value-initialised: the loader writes every voxel.
    decoding_[k] = std::make_unique_for_overwrite<std::int16_t[]>(slice_voxels_);
    return {decoding_[k].get(), slice_voxels_};
  }
  void SliceDone(int k, int, int) override {
    std::lock_guard lock(mutex_);
    if (k >= 0 && k < int(decoding_.size()) && decoding_[k])
      arrived_.emplace_back(k, std::move(decoding_[k]));
  }
  bool Cancelled() const override { return cancel_.load(); }
  void Warnings(std::vector<dicom::Warning> warnings) override {
    std::lock_guard lock(mutex_);
    warnings_ = std::move(warnings);
  }

  void Cancel() { cancel_ = true; }
  void Done(std::string error) {
    std::lock_guard lock(mutex_);
    done_ = true;
    error_ = std::move(error);
    finished_.notify_all();
  }
  void WaitDone() {
    std::unique_lock lock(mutex_);
    finished_.wait(lock, [&] { return done_; });
  }
  // Main thread: takes what arrived since the last call.
  void Take(std::optional<Volume>& geometry, std::deque<Arrived>& slices, bool& done,
            std::string& error) {
    std::lock_guard lock(mutex_);
    if (geometry_) geometry = std::move(geometry_), geometry_.reset();
    while (!arrived_.empty()) slices.push_back(std::move(arrived_.front())), arrived_.pop_front();
    done = done_;
    error = error_;
  }
  // Main thread, once the load is done and every slice is uploaded.
  std::vector<dicom::Warning> TakeWarnings() {
    std::lock_guard lock(mutex_);
    return std::move(warnings_);
  }

 private:
  std::mutex mutex_;
  std::condition_variable finished_;
  std::optional<Volume> geometry_;
  std::size_t slice_voxels_ = 0;
  std::vector<std::unique_ptr<std::int16_t[]>> decoding_;  // handed to the loader, not done
  std::deque<Arrived> arrived_;
  std::vector<dicom::Warning> warnings_;
  bool done_ = false;
  std::string error_;
  std::atomic<bool> cancel_{false};
};

SeriesSlot::SeriesSlot(SeriesSummary summary, LoadFunction load)
    : summary_(std::move(summary)), load_(std::move(load)) {}

SeriesSlot::~SeriesSlot() {
  if (channel_) channel_->Cancel();
  if (worker_.joinable()) worker_.join();
}

void SeriesSlot::StartLoading() {
  if (state_ != State::kListed) return;
  state_ = State::kLoading;
  started_at = std::chrono::steady_clock::now();
  channel_ = std::make_shared<Channel>();
  worker_ = std::thread([channel = channel_, load = load_] {
    std::string error;
    try {
      load(*channel);
    } catch (const std::exception& e) {
      error = e.what();
    } catch (...) {
      error = "unknown error while loading";
    }
    channel->Done(std::move(error));
  });
}

bool SeriesSlot::Pump(std::chrono::microseconds budget) {
  if (!channel_ || state_ == State::kReady || state_ == State::kFailed) return false;
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  std::optional<Volume> geometry;
  bool done = false;
  std::string error;
  channel_->Take(geometry, arrived_, done, error);
  bool changed = false;
  if (geometry) {
    geometry_at = Clock::now();
    geometry_ = VolumeGeometry(*geometry);
    sop_uids_ = std::move(geometry->sop_uids);
    slices_.clear();
    slices_.resize(geometry_.size[2]);
    held_slices_ = 0;
    loaded_.assign(geometry_.size[2], false);
    filled_.assign(geometry_.size[2], false);
    const auto t0 = Clock::now();
    try {
      texture_.Allocate(geometry_.size);
    } catch (const std::exception& e) {
      // Too big for this GPU: this series fails, the reading room goes on.
      channel_->Cancel();
      state_ = State::kFailed;
      error_ = summary_.series_description + ": " + e.what();
      return true;
    }
    allocate_ms_ = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    upload_ms_ += allocate_ms_;
    has_geometry_ = true;
    changed = true;
  }
  // Upload slice by slice; when the frame's budget is spent the rest waits in arrived_ for the
  // next frame, so scrolling stays smooth while a series streams in.
  while (!arrived_.empty()) {
    auto& [k, hu] = arrived_.front();
    const auto t0 = Clock::now();
    texture_.UploadSlices(k, 1, {hu.get(), std::size_t(geometry_.size[0]) * geometry_.size[1]});
    upload_ms_ += std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    if (!loaded_[k]) loaded_[k] = true, filled_[k] = true, ++uploaded_;
    if (!slices_[k]) ++held_slices_;
    slices_[k] = std::move(hu);
    if (uploaded_ == 1) first_slice_at = Clock::now();
    arrived_.pop_front();
    changed = true;
    if (Clock::now() - start > budget && !arrived_.empty()) break;
  }
  // Slices that have not arrived are set to air, after the first real ones (time to first
  // image does not wait for 200 MB of air) and within the frame's budget.
  if (uploaded_ > 0) {
    const int n = int(filled_.size());
    for (int k = 0; k < n && Clock::now() - start < budget;) {
      if (filled_[k]) {
        ++k;
        continue;
      }
      int end = k;
      while (end < n && !filled_[end] && end - k < 16) ++end;
      const auto t0 = Clock::now();
      texture_.FillSlices(k, end - k, std::int16_t(-1000));
      upload_ms_ += std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
      for (int i = k; i < end; ++i) filled_[i] = true;
      k = end;
    }
  }
  if (!arrived_.empty()) return changed;  // budget spent: the rest next frame
  if (done) {
    if (!error.empty()) {
      state_ = State::kFailed;
      error_ = error;
    } else {
      state_ = State::kReady;
    }
    warnings_ = channel_->TakeWarnings();
    // A line scripts can wait for instead of sleeping (tests/x_window.sh).
    std::printf("nadir-viewer: %s series %d %s\n", state_ == State::kReady ? "loaded" : "failed",
                summary_.series_number, summary_.series_description.c_str());
    std::fflush(stdout);
    if (worker_.joinable()) worker_.join();
    changed = true;
  }
  return changed;
}

std::optional<int> SeriesSlot::HuAt(int i, int j, int k) const {
  const auto& g = geometry_;
  if (!SliceLoaded(k) || i < 0 || j < 0 || i >= g.size[0] || j >= g.size[1]) return std::nullopt;
  return slices_[k][std::size_t(j) * g.size[0] + i];
}

std::optional<Volume> SeriesSlot::CopyBox(const Vec3& centre, double half_mm,
                                          std::string* why) const {
  const auto& g = geometry_;
  if (!has_geometry_ || g.Empty()) {
    if (why) *why = "the series has not loaded yet";
    return std::nullopt;
  }
  const Vec3 c = g.ToIndex(centre);
  std::array<int, 3> lo{}, hi{};
  for (int a = 0; a < 3; ++a) {
    const int at = int(std::lround(c[a]));
    if (at < 0 || at >= g.size[a]) {
      if (why) *why = "the point is outside the series";
      return std::nullopt;
    }
    const int reach = int(std::ceil(half_mm / std::max(g.spacing[a], 1e-3)));
    lo[a] = std::max(at - reach, 0);
    hi[a] = std::min(at + reach, g.size[a] - 1);
  }
  for (int k = lo[2]; k <= hi[2]; ++k)
    if (!SliceLoaded(k)) {
      if (why) *why = "slice " + std::to_string(k + 1) + " has not arrived yet";
      return std::nullopt;
    }
  Volume box;
  static_cast<VolumeGeometry&>(box) = g;
  box.size = {hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
  box.origin = g.ToPatient(lo[0], lo[1], lo[2]);
  box.hu.resize(box.VoxelCount());
  for (int k = lo[2]; k <= hi[2]; ++k) {
    const std::int16_t* slice = slices_[k].get();
    for (int j = lo[1]; j <= hi[1]; ++j)
      std::copy_n(slice + std::size_t(j) * g.size[0] + lo[0], box.size[0],
                  box.hu.data() + box.Index(0, j - lo[1], k - lo[2]));
    box.sop_uids.push_back(k < int(sop_uids_.size()) ? sop_uids_[k] : "");
  }
  return box;
}

void SeriesSlot::Unload() {
  if (channel_) channel_->Cancel();
  if (worker_.joinable()) worker_.join();  // the loader stops before its next file
  channel_.reset();
  std::vector<std::unique_ptr<std::int16_t[]>>().swap(slices_);
  arrived_.clear();
  texture_.Release();
  loaded_.clear();
  filled_.clear();
  has_geometry_ = false;
  uploaded_ = held_slices_ = 0;
  upload_ms_ = allocate_ms_ = 0;
  // The warnings stay: the same files give the same warnings when the series loads again. A
  // failed series stays failed, with its message (the study browser keeps saying why).
  if (state_ != State::kFailed) state_ = State::kListed;
  ++unloads_;
}

std::uint64_t SeriesSlot::ResidentBytes() const {
  const std::uint64_t slice = std::uint64_t(geometry_.size[0]) * geometry_.size[1] * 2;
  return has_geometry_ ? slice * (held_slices_ + arrived_.size()) + texture_.Bytes() : 0;
}

std::uint64_t SeriesSlot::LoadedBytes() const {
  const auto& z = geometry_.size;
  const std::uint64_t voxels = has_geometry_ ? std::uint64_t(z[0]) * z[1] * z[2]
                                             : std::uint64_t(std::max(summary_.rows, 0)) *
                                                   std::max(summary_.columns, 0) *
                                                   std::max(summary_.slices, 0);
  return voxels * 2 * 2;  // int16 HU, once on the CPU and once in the texture
}

void SeriesSlot::Finish() {
  StartLoading();
  if (channel_) channel_->WaitDone();
  while (state_ == State::kLoading) Pump(std::chrono::hours(1));
}

}  // namespace nadir::viewer
