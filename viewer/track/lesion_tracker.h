// Following lesions in the reading room (issue 16), without any drawing: when the viewports show
// a baseline and a follow-up series, the follow-up is registered to the baseline on a worker
// thread (from the registration cache when this pair was registered before), and baseline
// points map into the follow-up. The reading goes on meanwhile; the UI polls status().
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "analysis/registration/track.h"
#include "analysis/registration/track_dicom.h"
#include "measure/subject.h"

namespace nadir::viewer {

class LesionTracker {
 public:
  enum class State { kIdle, kRegistering, kReady, kRefused };
  struct Status {
    State state = State::kIdle;
    std::string text;  // for the panel: "registering: affine 40 %", "follow-up registered ..."
  };
  using Loader = std::function<registration::LoadedScan()>;

  explicit LesionTracker(registration::PairOptions options);
  ~LesionTracker();  // cancels a registration in flight and waits for it
  LesionTracker(const LesionTracker&) = delete;
  LesionTracker& operator=(const LesionTracker&) = delete;

  /// The pair the viewports show now (series UIDs). A new pair cancels the old registration and
  /// starts one on a worker (the loaders run there too); the same pair again changes nothing.
  void Follow(const std::string& baseline_series, const std::string& followup_series,
              Loader load_baseline, Loader load_followup);
  /// Forgets the pair (the viewports no longer show two series).
  void Stop();

  Status status() const;
  /// A baseline point (patient mm) in the follow-up; nullopt unless registered and accepted,
  /// or when it maps outside the follow-up scan.
  std::optional<Vec3> MapToFollowUp(const Vec3& baseline_point) const;

 private:
  struct Job;  // one registration on its worker: progress, cancel flag, result
  std::shared_ptr<Job> Current() const;
  void Reap(bool all);  // joins finished workers (all: every worker, after cancelling them)

  registration::PairOptions options_;
  std::string baseline_, followup_;
  mutable std::mutex mutex_;
  std::shared_ptr<Job> job_;  // the pair shown now
  // A cancelled registration ends at its next iteration: its worker is joined later, so a
  // change of pair never waits for it on the UI thread.
  std::vector<std::pair<std::shared_ptr<Job>, std::thread>> workers_;
};

/// The lesion a reader goes to next ("Next lesion", key N): after `current`, the next lesion
/// with calipers at the subject's first timepoint, targets before non-targets, in their order;
/// wraps round. Empty when none has baseline calipers.
std::string NextLesionToFollow(const Subject& subject, const std::string& current);

/// The centre of a lesion's calipers at timepoint `tp` (the long axis's midpoint; the first
/// fragment's for a split lesion); nullopt when it has none there.
std::optional<Vec3> CaliperCentre(const Timepoint& tp, const std::string& lesion_id);

}  // namespace nadir::viewer
