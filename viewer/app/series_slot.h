// One series in the reading room: what the study browser lists, and its loading on a worker
// thread. The worker never touches GL: the loader decodes each slice into a buffer of its own
// (dicom::SliceSink) and the buffer is queued, not copied, to the main thread; Pump() (main
// thread, once a frame) uploads it into the 3D texture and keeps it as the CPU side (for the
// HU readout). So a series is held once in memory while it loads, not twice. The loader's
// warnings arrive with the end of the load.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "dicom/catalog.h"
#include "dicom/slice_sink.h"
#include "dicom/warnings.h"
#include "viewer/core/geometry.h"
#include "viewer/gl/volume_texture.h"

namespace nadir::viewer {

/// What the study browser shows about a series.
struct SeriesSummary {
  std::string patient_name, patient_id;
  std::string study_date, study_description;
  std::string series_description, modality, frame_of_reference;
  std::string series_uid;  // SeriesInstanceUID: what a caliper on a reformat of it records
  int series_number = 0;
  int slices = 0;
  double thickness_mm = 0;  // distance between slice centres
  int rows = 0, columns = 0;
  // The scan's record of the series (null when not from DICOM files): what the lesion tracker
  // loads the series from again, on its own worker.
  std::shared_ptr<const dicom::SeriesInfo> info;
};

/// The worker's side of a load (dicom/slice_sink.h): Begin once, then for every slice its
/// buffer, filled by the loader, and SliceDone; at the end, the loader's warnings.
class LoadSink : public dicom::SliceSink {
 public:
  /// What the loader noticed (missing slices, uneven spacing, clamped HU ...), once, after the
  /// last slice.
  virtual void Warnings(std::vector<dicom::Warning> warnings) = 0;
  /// For a volume built whole elsewhere (synthetic, tests): SliceBuffer(k), copy, SliceDone.
  /// `hu` holds one slice (the slot's buffers are exactly one slice long).
  void CopySlice(int k, const std::int16_t* hu, int done, int total);
};

/// A function that loads a series on the worker thread, reporting into the sink; it throws
/// std::exception (with a message naming the file and field) on failure.
using LoadFunction = std::function<void(LoadSink&)>;

class SeriesSlot {
 public:
  enum class State { kListed, kLoading, kReady, kFailed };

  SeriesSlot(SeriesSummary summary, LoadFunction load);
  ~SeriesSlot();  // cancels and joins the worker
  SeriesSlot(const SeriesSlot&) = delete;
  SeriesSlot& operator=(const SeriesSlot&) = delete;

  /// Starts the worker (no-op when already started).
  void StartLoading();
  /// Main thread, once a frame: takes what the worker delivered, uploads slices to the GPU for
  /// at most `budget` of time. Returns true when something new became visible.
  bool Pump(std::chrono::microseconds budget = std::chrono::microseconds(8000));
  /// Blocks until the worker finished and everything is uploaded (screenshots, benchmarks).
  void Finish();
  /// Main thread: frees the CPU slices and the texture (the memory budget, series_budget.h),
  /// cancelling a load in progress. The slot is listed again and StartLoading loads it anew;
  /// a failed one stays failed, with its error.
  void Unload();

  /// Bytes this series holds now: its CPU slices (arrived, uploaded or waiting) and the
  /// texture's storage (GPU memory, or process memory under a software renderer).
  std::uint64_t ResidentBytes() const;
  /// Bytes it will hold once loaded (from the geometry, else the study browser's summary).
  std::uint64_t LoadedBytes() const;
  /// How many times the memory budget unloaded it.
  int Unloads() const { return unloads_; }

  const SeriesSummary& summary() const { return summary_; }
  State state() const { return state_; }
  const std::string& error() const { return error_; }
  /// The loader's warnings; empty until the load has finished.
  const std::vector<dicom::Warning>& warnings() const { return warnings_; }
  bool HasGeometry() const { return has_geometry_; }
  const VolumeGeometry& geometry() const { return geometry_; }
  /// SOP Instance UID of each slice k (what a caliper drawn on that slice records).
  const std::vector<std::string>& sop_uids() const { return sop_uids_; }
  /// HU of voxel (i, j, k) on the CPU side (the readout under the cursor); nullopt while
  /// slice k has not arrived or outside the volume.
  std::optional<int> HuAt(int i, int j, int k) const;
  const VolumeTexture& texture() const { return texture_; }
  /// The voxels within `half_mm` of `centre` (patient mm) along each axis, as a volume of its
  /// own (memory bounded by the box, not the series). Nullopt, with `why`, when the centre is
  /// outside the series or a slice of the box has not arrived yet.
  std::optional<Volume> CopyBox(const Vec3& centre, double half_mm, std::string* why) const;
  int SlicesUploaded() const { return uploaded_; }
  bool SliceLoaded(int k) const { return k >= 0 && k < int(loaded_.size()) && loaded_[k]; }
  double UploadMs() const { return upload_ms_; }
  double AllocateMs() const { return allocate_ms_; }  // texture storage (no voxels)
  /// When loading started, the geometry arrived and the first slice was uploaded.
  std::chrono::steady_clock::time_point started_at, geometry_at, first_slice_at;

 private:
  class Channel;

  SeriesSummary summary_;
  LoadFunction load_;
  std::shared_ptr<Channel> channel_;
  std::thread worker_;
  State state_ = State::kListed;
  std::string error_;
  std::vector<dicom::Warning> warnings_;
  bool has_geometry_ = false;
  VolumeGeometry geometry_;
  std::vector<std::string> sop_uids_;
  // The loader's buffer of each slice, kept as it arrived (no copy, and no up-front fill of a
  // few hundred MB before the first image); null until slice k has arrived.
  std::vector<std::unique_ptr<std::int16_t[]>> slices_;
  // Arrived but not uploaded yet (the frame's budget was spent): uploaded first next frame.
  std::deque<std::pair<int, std::unique_ptr<std::int16_t[]>>> arrived_;
  VolumeTexture texture_;
  std::vector<bool> loaded_;
  std::vector<bool> filled_;  // holds real voxels or air on the GPU (not undefined storage)
  int uploaded_ = 0;
  int held_slices_ = 0;  // non-null entries of slices_
  int unloads_ = 0;
  double upload_ms_ = 0;
  double allocate_ms_ = 0;
};

}  // namespace nadir::viewer
