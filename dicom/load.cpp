// LoadSeries: plan the grid, then decode files in parallel, middle slice first, reporting
// each slice as it lands in the volume.
#include "dicom/load.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "dicom/detail/pixels.h"
#include "dicom/detail/plan.h"
#include "dicom/error.h"

namespace nadir::dicom {
namespace {

// A CT volume is hundreds of MB: ask for transparent huge pages before the first touch, so
// the kernel maps it with ~100 faults instead of ~50,000 (a measurable part of a load).
void AllocateVoxels(std::vector<std::int16_t>& hu, std::size_t n) {
  std::vector<std::int16_t>().swap(hu);
  hu.reserve(n);
  constexpr std::uintptr_t kHuge = 2u << 20;
  const auto begin = (reinterpret_cast<std::uintptr_t>(hu.data()) + kHuge - 1) & ~(kHuge - 1);
  const auto end = reinterpret_cast<std::uintptr_t>(hu.data() + n) & ~(kHuge - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  hu.resize(n);
}

}  // namespace

LoadedSeries PlanVolume(const SeriesInfo& series) {
  detail::VolumePlan plan = detail::MakePlan(series);
  return {std::move(plan.geometry), std::move(plan.warnings)};
}

LoadedSeries LoadSeries(const SeriesInfo& series, const LoadOptions& options) {
  detail::VolumePlan plan = detail::MakePlan(series);
  LoadedSeries out{std::move(plan.geometry), std::move(plan.warnings)};
  Volume& v = out.volume;
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
  AllocateVoxels(v.hu, v.VoxelCount());
  const int nk = v.size[2];
  for (int k = 0; k < nk; ++k)
    if (plan.slice_of_k[k] < 0)
      std::fill_n(v.hu.begin() + std::ptrdiff_t(k * slice_voxels), slice_voxels,
                  std::int16_t(kPaddingHu));
  if (options.on_geometry) options.on_geometry(v);

  // One task per file (a multi-frame file is decoded once), ordered by distance of its
  // first slice from the middle of the stack.
  struct Task {
    std::vector<detail::FrameTarget> targets;
    std::vector<int> ks;
  };
  std::map<std::string, Task> by_file;
  for (int k = 0; k < nk; ++k) {
    const int idx = plan.slice_of_k[k];
    if (idx < 0) continue;
    const SliceRef& s = series.slices[idx];
    Task& t = by_file[s.file];
    t.targets.push_back({&s, v.hu.data() + k * slice_voxels});
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
  std::mutex mutex;  // guards the callback, `done`, `stats` and `error`
  int done = 0;
  const int total = int(nk);
  detail::HuStats stats;
  std::exception_ptr error;
  std::map<std::string, std::exception_ptr> file_errors;  // by file name: a stable "first"
  std::vector<FileSkipped> skipped;
  // Inserted blank slices (MissingSlices) are ready at once: report them first, so every k
  // is reported exactly once.
  for (int k = 0; k < nk; ++k) {
    if (plan.slice_of_k[k] >= 0) continue;
    ++done;
    if (options.on_slice)
      options.on_slice(
          {k, done, total,
           std::span<const std::int16_t>(v.hu.data() + k * slice_voxels, slice_voxels)});
  }

  auto work = [&] {
    detail::HuStats local;
    for (std::size_t i; !failed && (i = next++) < tasks.size();) {
      if (options.cancel && options.cancel->load()) {
        std::lock_guard lock(mutex);
        if (!error)
          error =
              std::make_exception_ptr(DicomError(series.series_uid, "", "", "loading cancelled"));
        failed = true;
        break;
      }
      try {
        detail::DecodeFile(series, tasks[i].targets, local);
      } catch (const DicomError& e) {
        // One bad file does not stop the series: its slices become gaps (kPaddingHu) and the
        // error is a FileSkipped warning; only a series none of whose files decode fails.
        for (const detail::FrameTarget& t : tasks[i].targets)
          std::fill_n(t.hu, slice_voxels, std::int16_t(kPaddingHu));
        std::lock_guard lock(mutex);
        skipped.push_back(FileSkipped{tasks[i].targets.front().slice->file, e.what()});
        file_errors[skipped.back().file] = std::current_exception();
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!error) error = std::current_exception();
        failed = true;
        break;
      }
      std::lock_guard lock(mutex);
      for (int k : tasks[i].ks) {
        ++done;
        if (options.on_slice)
          options.on_slice(
              {k, done, total,
               std::span<const std::int16_t>(v.hu.data() + k * slice_voxels, slice_voxels)});
      }
    }
    std::lock_guard lock(mutex);
    stats.Merge(local);
  };
  // By default a thread per core, but not for a handful of files; an explicit count is used
  // as given (up to one thread per file).
  int threads = options.threads > 0 ? options.threads : int(std::thread::hardware_concurrency());
  threads = std::clamp(threads, 1, 16);
  const std::size_t per_thread = options.threads > 0 ? 1 : 4;
  threads = int(std::min<std::size_t>(std::size_t(threads),
                                      std::max<std::size_t>(1, tasks.size() / per_thread)));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
  if (!tasks.empty() && skipped.size() == tasks.size())
    std::rethrow_exception(file_errors.begin()->second);

  std::sort(skipped.begin(), skipped.end(),
            [](const FileSkipped& a, const FileSkipped& b) { return a.file < b.file; });
  for (auto& f : skipped) out.warnings.push_back(std::move(f));

  if (stats.padded)
    out.warnings.push_back(PaddingReplaced{series.pixels.padding_value, stats.padded, kPaddingHu});
  if (stats.clamped)
    out.warnings.push_back(HuClamped{stats.clamped, stats.min_unclamped, stats.max_unclamped});
  return out;
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
