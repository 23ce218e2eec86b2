// Loading one series into a Volume of Hounsfield units, with progress: the geometry is
// known (and the HU buffer allocated) before any pixel is decoded, and each slice is
// reported as soon as it is in the buffer, middle slice first, so a viewer can show the
// middle of the stack at once and upload slices to the GPU as they arrive.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "dicom/catalog.h"
#include "dicom/warnings.h"
#include "geometry/volume.h"

namespace nadir::dicom {

/// HU written for voxels whose stored value equals PixelPaddingValue (air).
inline constexpr int kPaddingHu = -1000;

/// A slice that has just been decoded into the volume.
struct SliceReady {
  int k = 0;                         // slice index in the volume
  int done = 0, total = 0;           // slices decoded so far / slices in the volume
  std::span<const std::int16_t> hu;  // the slice's voxels inside Volume::hu (i fastest)
};

/// The default budget of one series' HU buffer: larger claims are refused before allocation.
inline constexpr std::uint64_t kDefaultMaxSeriesBytes = std::uint64_t(2) << 30;  // 2 GiB

struct LoadOptions {
  int threads = 0;  // 0: hardware concurrency
  // The most bytes the series' HU buffer may take (columns x rows x slices x 2, blank slices
  // at gaps included); a series claiming more is refused with the numbers, nothing allocated.
  std::uint64_t max_series_bytes = kDefaultMaxSeriesBytes;
  // Called once, before decoding, with the volume's geometry filled in, `hu` sized (not yet
  // filled: zeros) and `sop_uids` set. The Volume object stays at the same address until
  // LoadSeries returns, so its buffer may be read slice by slice as SliceReady arrives.
  std::function<void(const Volume&)> on_geometry;
  // Called exactly once per slice k: first for blank slices inserted at gaps (MissingSlices),
  // then in decode order (middle slice first, then outwards). Calls never overlap, but may
  // come from a worker thread: keep it short (queue the index).
  std::function<void(const SliceReady&)> on_slice;
  // Set to true from any thread to stop early; LoadSeries then throws DicomError.
  const std::atomic<bool>* cancel = nullptr;
};

struct LoadedSeries {
  Volume volume;
  std::vector<Warning> warnings;
};

/// Builds the Volume of one scanned series: sorted slices, modality rescale to HU per slice,
/// padding to kPaddingHu, origin/spacing/direction from the DICOM geometry. Warnings list
/// what was odd (dicom/warnings.h). Throws DicomError naming the file, tag and value when
/// the series cannot be built honestly (no slices, a slice's pixels missing or short, a
/// transfer syntax nothing here decodes, a frame out of range, a volume over
/// `options.max_series_bytes` ...).
LoadedSeries LoadSeries(const SeriesInfo& series, const LoadOptions& options = {});

/// Geometry checks alone (no pixels): the warnings LoadSeries will report for this series,
/// and the volume geometry (size, spacing, origin, direction, sop_uids; `hu` left empty).
/// Throws DicomError when the stack cannot form a volume.
LoadedSeries PlanVolume(const SeriesInfo& series);

/// Convenience: Scan(path) and load the series with the most slices (or the one whose
/// SeriesInstanceUID is `series_uid`). Throws DicomError when there is none.
LoadedSeries LoadPath(const std::filesystem::path& path, const std::string& series_uid = {},
                      const LoadOptions& options = {});

}  // namespace nadir::dicom
