// One series in the reading room: what the study browser lists, and its loading on a worker
// thread. The worker never touches GL: it hands the geometry and each decoded slice to the
// main thread through a small queue; Pump() (main thread, once a frame) copies them into the
// CPU volume (for the HU readout) and uploads them into the 3D texture as they arrive.
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
};

/// The worker's side of a load: call Geometry once, then Slice for every slice (any order).
class LoadSink {
 public:
  virtual ~LoadSink() = default;
  virtual void Geometry(const Volume& volume_without_voxels) = 0;
  virtual void Slice(int k, const std::int16_t* hu, int done, int total) = 0;
  virtual bool Cancelled() const = 0;
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

  const SeriesSummary& summary() const { return summary_; }
  State state() const { return state_; }
  const std::string& error() const { return error_; }
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
  bool has_geometry_ = false;
  VolumeGeometry geometry_;
  std::vector<std::string> sop_uids_;
  // Slices as they arrived (one buffer each, moved from the worker's queue: no copy and no
  // up-front fill of a few hundred MB before the first image).
  std::vector<std::vector<std::int16_t>> slices_;
  VolumeTexture texture_;
  std::vector<bool> loaded_;
  std::vector<bool> filled_;  // holds real voxels or air on the GPU (not undefined storage)
  int uploaded_ = 0;
  double upload_ms_ = 0;
  double allocate_ms_ = 0;
};

}  // namespace nadir::viewer
