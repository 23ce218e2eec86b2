// Loading one series of Hounsfield units, with progress: the geometry is known before any
// pixel is decoded, and each slice goes straight into the buffer a SliceSink gives for it,
// middle slice first, so a viewer can show the middle of the stack at once and upload slices
// to the GPU as they arrive. LoadSeries is the whole-Volume case (VolumeSink).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "dicom/catalog.h"
#include "dicom/slice_sink.h"
#include "dicom/warnings.h"
#include "geometry/volume.h"

namespace nadir::dicom {

/// HU written for voxels whose stored value equals PixelPaddingValue (air).
inline constexpr int kPaddingHu = -1000;

/// The default budget of one series' HU buffer: larger claims are refused before allocation.
inline constexpr std::uint64_t kDefaultMaxSeriesBytes = std::uint64_t(2) << 30;  // 2 GiB

struct LoadOptions {
  int threads = 0;  // 0: hardware concurrency
  // The most bytes the series' HU buffer may take (columns x rows x slices x 2, blank slices
  // at gaps included); a series claiming more is refused with the numbers, nothing allocated.
  std::uint64_t max_series_bytes = kDefaultMaxSeriesBytes;
  // Set to true from any thread to stop early (as SliceSink::Cancelled); the load then throws
  // DicomError.
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

/// The same load into a sink of the caller's (dicom/slice_sink.h): each slice is decoded into
/// the sink's buffer, once. Returns the warnings; throws as LoadSeries does (the sink may then
/// hold part of the slices).
std::vector<Warning> LoadSeriesInto(const SeriesInfo& series, SliceSink& sink,
                                    const LoadOptions& options = {});

/// Geometry checks alone (no pixels): the warnings LoadSeries will report for this series,
/// and the volume geometry (size, spacing, origin, direction, sop_uids; `hu` left empty).
/// Throws DicomError when the stack cannot form a volume.
LoadedSeries PlanVolume(const SeriesInfo& series);

/// Convenience: Scan(path) and load the series with the most slices (or the one whose
/// SeriesInstanceUID is `series_uid`). Throws DicomError when there is none.
LoadedSeries LoadPath(const std::filesystem::path& path, const std::string& series_uid = {},
                      const LoadOptions& options = {});

}  // namespace nadir::dicom
