// Following lesions in the reading room (see lesion_tracker.h).
#include "viewer/track/lesion_tracker.h"

#include <cstdio>

namespace nadir::viewer {

namespace reg = registration;

struct LesionTracker::Job {
  std::atomic<bool> cancel{false};
  std::mutex mutex;  // guards everything below
  std::string stage = "loading the scans";
  double fraction = 0;
  bool done = false;
  std::optional<reg::Registration> result;
  VolumeGeometry followup;  // the follow-up scan's grid, to say a mapped point is outside it
  std::string error;        // loading failed
};

LesionTracker::LesionTracker(reg::PairOptions options) : options_(std::move(options)) {}

LesionTracker::~LesionTracker() { Reap(true); }

std::shared_ptr<LesionTracker::Job> LesionTracker::Current() const {
  std::lock_guard lock(mutex_);
  return job_;
}

void LesionTracker::Reap(bool all) {
  for (auto it = workers_.begin(); it != workers_.end();) {
    auto& [job, thread] = *it;
    if (all) job->cancel = true;
    bool done = all;
    if (!all) {
      std::lock_guard lock(job->mutex);
      done = job->done;
    }
    if (done) {
      thread.join();
      it = workers_.erase(it);
    } else {
      ++it;
    }
  }
}

void LesionTracker::Stop() {
  std::lock_guard lock(mutex_);
  if (job_) job_->cancel = true;
  job_.reset();
  baseline_.clear();
  followup_.clear();
}

void LesionTracker::Follow(const std::string& baseline_series, const std::string& followup_series,
                           Loader load_baseline, Loader load_followup) {
  {
    std::lock_guard lock(mutex_);
    if (job_ && baseline_ == baseline_series && followup_ == followup_series) return;
  }
  Stop();
  Reap(false);
  auto job = std::make_shared<Job>();
  {
    std::lock_guard lock(mutex_);
    baseline_ = baseline_series;
    followup_ = followup_series;
    job_ = job;
  }
  workers_.emplace_back(
      job, std::thread([job, options = options_, load_baseline, load_followup] {
        std::optional<reg::Registration> r;
        std::string error;
        try {
          const reg::LoadedScan from = load_baseline();
          const reg::LoadedScan to = load_followup();
          {
            std::lock_guard lock(job->mutex);
            job->followup = to.volume;
          }
          auto progress = [&job](const std::string& stage, double fraction) {
            std::lock_guard lock(job->mutex);
            job->stage = stage, job->fraction = fraction;
          };
          if (!job->cancel)
            r = reg::RegisterPair(from.AsScan(), to.AsScan(), options, progress, &job->cancel);
        } catch (const std::exception& e) {
          error = job->cancel ? "" : e.what();  // a cancelled registration throws; that is no error
        }
        std::lock_guard lock(job->mutex);
        job->result = std::move(r);
        job->error = error;
        job->done = true;
      }));
}

LesionTracker::Status LesionTracker::status() const {
  const std::shared_ptr<Job> job = Current();
  Status s;
  if (!job) return s;
  std::lock_guard lock(job->mutex);
  char text[160];
  if (!job->done) {
    s.state = State::kRegistering;
    std::snprintf(text, sizeof text, "registering the follow-up to the baseline: %s %.0f %%",
                  job->stage.c_str(), 100 * job->fraction);
    s.text = text;
  } else if (!job->error.empty()) {
    s.state = State::kRefused;
    s.text = "no proposals: " + job->error;
  } else if (!job->result || !job->result->ok) {
    s.state = State::kRefused;
    s.text = "no proposals: " + (job->result ? job->result->reason : std::string("cancelled"));
  } else {
    const reg::Registration& r = *job->result;
    s.state = State::kReady;
    std::snprintf(text, sizeof text,
                  "follow-up registered%s (body Dice %.3f, tissue agreement %.3f, %.1f s)",
                  r.from_cache ? " (cached)" : "", r.body_dice, r.tissue_agreement, r.seconds);
    s.text = text;
  }
  return s;
}

std::optional<Vec3> LesionTracker::MapToFollowUp(const Vec3& baseline_point) const {
  const std::shared_ptr<Job> job = Current();
  if (!job) return std::nullopt;
  std::lock_guard lock(job->mutex);
  if (!job->done || !job->result || !job->result->ok) return std::nullopt;
  const auto p = reg::MapToMoving(*job->result, baseline_point);
  if (!p || !reg::InsideVolume(job->followup, *p)) return std::nullopt;
  return p;
}

std::optional<Vec3> CaliperCentre(const Timepoint& tp, const std::string& lesion_id) {
  const LesionRecord* l = tp.Find(lesion_id);
  if (!l) return std::nullopt;
  const CaliperPoints* points = l->points ? &*l->points : nullptr;
  for (const Fragment& f : l->fragments)
    if (!points && f.points) points = &*f.points;
  if (!points || !points->long_axis) return std::nullopt;
  const auto& [a, b] = *points->long_axis;
  return Vec3{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2};
}

std::string NextLesionToFollow(const Subject& subject, const std::string& current) {
  if (subject.timepoints.empty()) return "";
  const Timepoint& baseline = subject.timepoints.front();
  std::vector<std::string> order;
  for (LesionKind kind : {LesionKind::kTarget, LesionKind::kNonTarget})
    for (const LesionRecord& l : baseline.lesions)
      if (l.kind == kind && CaliperCentre(baseline, l.id)) order.push_back(l.id);
  if (order.empty()) return "";
  for (std::size_t i = 0; i < order.size(); ++i)
    if (order[i] == current) return order[(i + 1) % order.size()];
  return order.front();
}

}  // namespace nadir::viewer
