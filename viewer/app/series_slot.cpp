#include "viewer/app/series_slot.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <exception>

#include "viewer/gl/gl.h"

namespace nadir::viewer {

// Shared by the worker (producer) and the main thread (consumer).
class SeriesSlot::Channel : public LoadSink {
 public:
  struct Decoded {
    int k;
    std::vector<std::int16_t> hu;
  };

  void Geometry(const Volume& v) override {
    Volume header;  // everything but the voxels (which may be a few hundred MB of zeros)
    header.size = v.size;
    header.spacing = v.spacing;
    header.origin = v.origin;
    header.direction = v.direction;
    header.sop_uids = v.sop_uids;
    std::lock_guard lock(mutex_);
    geometry_ = std::move(header);
    slice_voxels_ = std::size_t(v.size[0]) * v.size[1];
  }
  void Slice(int k, const std::int16_t* hu, int, int) override {
    std::vector<std::int16_t> copy(hu, hu + slice_voxels_);
    std::lock_guard lock(mutex_);
    slices_.push_back({k, std::move(copy)});
  }
  bool Cancelled() const override { return cancel_.load(); }

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
  void Take(std::optional<Volume>& geometry, std::deque<Decoded>& slices, bool& done,
            std::string& error) {
    std::lock_guard lock(mutex_);
    if (geometry_) geometry = std::move(geometry_), geometry_.reset();
    while (!slices_.empty()) slices.push_back(std::move(slices_.front())), slices_.pop_front();
    done = done_;
    error = error_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable finished_;
  std::optional<Volume> geometry_;
  std::size_t slice_voxels_ = 0;
  std::deque<Decoded> slices_;
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
  std::deque<Channel::Decoded> slices;
  bool done = false;
  std::string error;
  channel_->Take(geometry, slices, done, error);
  bool changed = false;
  if (geometry) {
    geometry_at = Clock::now();
    geometry_ = VolumeGeometry(*geometry);
    sop_uids_ = std::move(geometry->sop_uids);
    slices_.assign(geometry_.size[2], {});
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
  // Upload slice by slice; when the frame's budget is spent the rest goes back to the channel
  // for the next frame, so scrolling stays smooth while a series streams in.
  while (!slices.empty()) {
    auto& s = slices.front();
    const auto t0 = Clock::now();
    texture_.UploadSlices(s.k, 1, s.hu);
    upload_ms_ += std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    if (!loaded_[s.k]) loaded_[s.k] = true, filled_[s.k] = true, ++uploaded_;
    slices_[s.k] = std::move(s.hu);
    if (uploaded_ == 1) first_slice_at = Clock::now();
    slices.pop_front();
    changed = true;
    if (Clock::now() - start > budget && !slices.empty()) break;
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
  if (!slices.empty()) {
    // Budget spent: hand the rest back so the next frame picks them up first.
    for (auto& s : slices) channel_->Slice(s.k, s.hu.data(), 0, 0);
    return changed;
  }
  if (done) {
    if (!error.empty()) {
      state_ = State::kFailed;
      error_ = error;
    } else {
      state_ = State::kReady;
    }
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
    const auto& slice = slices_[k];
    for (int j = lo[1]; j <= hi[1]; ++j)
      std::copy_n(slice.data() + std::size_t(j) * g.size[0] + lo[0], box.size[0],
                  box.hu.data() + box.Index(0, j - lo[1], k - lo[2]));
    box.sop_uids.push_back(k < int(sop_uids_.size()) ? sop_uids_[k] : "");
  }
  return box;
}

void SeriesSlot::Finish() {
  StartLoading();
  if (channel_) channel_->WaitDone();
  while (state_ == State::kLoading) Pump(std::chrono::hours(1));
}

}  // namespace nadir::viewer
