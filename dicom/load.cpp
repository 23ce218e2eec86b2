// LoadSeriesInto: plan the grid, then decode files in parallel, middle slice first, each
// slice straight into the buffer the sink gives for it.
#include "dicom/load.h"

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "dicom/detail/fork_gate.h"
#include "dicom/detail/pixels.h"
#include "dicom/detail/plan.h"
#include "dicom/error.h"

namespace nadir::dicom {
namespace {

// The sink's buffer for slice k, checked: a short one would be written past its end.
std::int16_t* BufferOf(SliceSink& sink, int k, std::size_t slice_voxels) {
  const std::span<std::int16_t> b = sink.SliceBuffer(k);
  if (b.size() < slice_voxels)
    throw std::length_error("SliceSink gave " + std::to_string(b.size()) + " values for slice " +
                            std::to_string(k) + ", which needs " + std::to_string(slice_voxels));
  return b.data();
}

}  // namespace

LoadedSeries PlanVolume(const SeriesInfo& series) {
  detail::VolumePlan plan = detail::MakePlan(series);
  return {std::move(plan.geometry), std::move(plan.warnings)};
}

LoadedSeries LoadSeries(const SeriesInfo& series, const LoadOptions& options) {
  LoadedSeries out;
  VolumeSink sink(out.volume);
  out.warnings = LoadSeriesInto(series, sink, options);
  return out;
}

std::vector<Warning> LoadSeriesInto(const SeriesInfo& series, SliceSink& sink,
                                    const LoadOptions& options) {
  detail::VolumePlan plan = detail::MakePlan(series);
  std::vector<Warning> warnings = std::move(plan.warnings);
  const Volume& v = plan.geometry;
  const std::size_t slice_voxels = std::size_t(v.size[0]) * v.size[1];
  const std::uint64_t bytes =
      std::uint64_t(slice_voxels) * std::uint64_t(v.size[2]) * sizeof(std::int16_t);
  if (bytes > options.max_series_bytes)
    throw DicomError(series.slices.empty() ? series.series_uid : series.slices.front().file, "",
                     std::to_string(v.size[0]) + " columns x " + std::to_string(v.size[1]) +
                         " rows x " + std::to_string(v.size[2]) + " slices",
                     "series " + series.series_uid + " would need " + std::to_string(bytes) +
                         " bytes of HU, more than the budget of " +
                         std::to_string(options.max_series_bytes) +
                         " bytes (LoadOptions::max_series_bytes); nothing was allocated");
  sink.Begin(v);
  const int nk = v.size[2];
  int done = 0;
  const int total = nk;
  // Inserted blank slices (MissingSlices) are ready at once: report them first, so every k
  // is reported exactly once.
  for (int k = 0; k < nk; ++k) {
    if (plan.slice_of_k[k] >= 0) continue;
    std::fill_n(BufferOf(sink, k, slice_voxels), slice_voxels, std::int16_t(kPaddingHu));
    sink.SliceDone(k, ++done, total);
  }

  // One task per file (a multi-frame file is decoded once), ordered by distance of its
  // first slice from the middle of the stack. Buffers are asked for when a task starts, so a
  // sink that allocates per slice holds only what has been decoded or is being decoded.
  struct Task {
    std::vector<const SliceRef*> slices;
    std::vector<int> ks;
  };
  std::map<std::string, Task> by_file;
  for (int k = 0; k < nk; ++k) {
    const int idx = plan.slice_of_k[k];
    if (idx < 0) continue;
    const SliceRef& s = series.slices[idx];
    Task& t = by_file[s.file];
    t.slices.push_back(&s);
    t.ks.push_back(k);
  }
  std::vector<Task> tasks;
  for (auto& [f, t] : by_file) tasks.push_back(std::move(t));
  const int mid = nk / 2;
  std::stable_sort(tasks.begin(), tasks.end(), [&](const Task& a, const Task& b) {
    return std::abs(a.ks.front() - mid) < std::abs(b.ks.front() - mid);
  });

  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;  // guards the sink, `done`, `stats` and `error`
  detail::HuStats stats;
  std::exception_ptr error;
  std::map<std::string, std::exception_ptr> file_errors;  // by file name: a stable "first"
  std::vector<FileSkipped> skipped;
  int running = 0;  // workers not yet done (guarded by `mutex`)
  std::condition_variable all_done;

  auto work = [&] {
    detail::HuStats local;
    for (std::size_t i; !failed && (i = next++) < tasks.size();) {
      const detail::ForkGate::Inside inside;  // no GDCM child is forked meanwhile
      std::vector<detail::FrameTarget> targets;
      try {
        std::lock_guard lock(mutex);
        if ((options.cancel && options.cancel->load()) || sink.Cancelled())
          throw DicomError(series.series_uid, "", "", "loading cancelled");
        for (std::size_t n = 0; n < tasks[i].ks.size(); ++n)
          targets.push_back({tasks[i].slices[n], BufferOf(sink, tasks[i].ks[n], slice_voxels)});
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!error) error = std::current_exception();
        failed = true;
        break;
      }
      try {
        detail::DecodeFile(series, targets, local);
      } catch (const DicomError& e) {
        // One bad file does not stop the series: its slices become gaps (kPaddingHu) and the
        // error is a FileSkipped warning; only a series none of whose files decode fails.
        for (const detail::FrameTarget& t : targets)
          std::fill_n(t.hu, slice_voxels, std::int16_t(kPaddingHu));
        std::lock_guard lock(mutex);
        skipped.push_back(FileSkipped{targets.front().slice->file, e.what()});
        file_errors[skipped.back().file] = std::current_exception();
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!error) error = std::current_exception();
        failed = true;
        break;
      }
      std::lock_guard lock(mutex);
      try {
        for (int k : tasks[i].ks) sink.SliceDone(k, ++done, total);
      } catch (...) {
        if (!error) error = std::current_exception();
        failed = true;
        break;
      }
    }
    // No worker exits before all are done: a thread's exit frees its allocator caches under
    // the allocator's lock, and a GDCM child forked at that moment by another worker would
    // wait for that lock forever (GCC 12's AddressSanitizer; fork_gate.h). Once every worker
    // is done, none forks any more.
    std::unique_lock lock(mutex);
    stats.Merge(local);
    if (--running == 0) all_done.notify_all();
    all_done.wait(lock, [&] { return running == 0; });
  };
  // By default a thread per core, but not for a handful of files; an explicit count is used
  // as given (up to one thread per file).
  int threads = options.threads > 0 ? options.threads : int(std::thread::hardware_concurrency());
  threads = std::clamp(threads, 1, 16);
  const std::size_t per_thread = options.threads > 0 ? 1 : 4;
  threads = int(std::min<std::size_t>(std::size_t(threads),
                                      std::max<std::size_t>(1, tasks.size() / per_thread)));
  running = threads;
  std::vector<std::thread> pool;
  {
    // Starting a thread allocates: no worker forks meanwhile (fork_gate.h).
    const detail::ForkGate::Inside inside;
    for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  }
  work();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
  if (!tasks.empty() && skipped.size() == tasks.size())
    std::rethrow_exception(file_errors.begin()->second);

  std::sort(skipped.begin(), skipped.end(),
            [](const FileSkipped& a, const FileSkipped& b) { return a.file < b.file; });
  for (auto& f : skipped) warnings.push_back(std::move(f));

  if (stats.padded)
    warnings.push_back(PaddingReplaced{series.pixels.padding_value, stats.padded, kPaddingHu});
  if (stats.clamped)
    warnings.push_back(HuClamped{stats.clamped, stats.min_unclamped, stats.max_unclamped});
  return warnings;
}

LoadedSeries LoadPath(const std::filesystem::path& path, const std::string& series_uid,
                      const LoadOptions& options) {
  const Catalog cat = Scan(path);
  const SeriesInfo* best = nullptr;
  for (const SeriesInfo* s : cat.AllSeries()) {
    if (!series_uid.empty() && s->series_uid != series_uid) continue;
    if (!best || s->SliceCount() > best->SliceCount()) best = s;
  }
  if (!best)
    throw DicomError(path.string(), "(0020,000E) SeriesInstanceUID", series_uid,
                     "no such series here");
  return LoadSeries(*best, options);
}

}  // namespace nadir::dicom
