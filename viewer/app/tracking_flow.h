// Following lesions from the baseline to the follow-up in the reading room (issue 16): while
// viewports 0 and 1 show a baseline and a later study of one patient, the follow-up is
// registered to the baseline in the background (viewer/track/lesion_tracker.h; cached per
// series pair, so reopening is instant). "Next lesion" (key N) brings both viewports to the
// next baseline lesion, marks where it maps in the follow-up and, when the follow-up is the
// timepoint worked on and the lesion has no record there yet, asks the Auto tool for a
// proposal at that point. The reader accepts (Enter), edits or rejects it (Esc); whether a
// lesion is gone or too small is the reader's to say, never the proposal's.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "viewer/core/view_state.h"
#include "viewer/track/lesion_tracker.h"

struct ImDrawList;

namespace nadir::viewer {

struct Viewer;

struct TrackingUi {
  TrackingUi();
  LesionTracker tracker;
  std::string lesion;          // the lesion N went to last
  std::optional<Vec3> marker;  // where it maps in the follow-up (patient mm)
  std::string marker_series;   // the follow-up series the marker was mapped into
  LesionTracker::State said = LesionTracker::State::kIdle;  // the state last printed
  std::string pair;                                         // its series UIDs, when followed
  std::chrono::steady_clock::time_point followed_at;        // when that pair was handed over
};

/// Once a frame while annotating: follows the pair viewports 0 and 1 show (baseline, follow-up)
/// once both have loaded, and prints "nadir-viewer: tracking: ..." when the tracker's state changes
/// (scripts wait for it).
void FollowShownPair(Viewer& v);

/// "Next lesion" (NextLesion, key N).
void ApplyNextLesion(Viewer& v);

/// The tracker's status, small, at the foot of the response panel (`response`: window pixels).
void DrawTrackingStatus(const Viewer& v, const ViewportRect& response);

/// A circle and a cross where the last lesion maps, in viewport 1 while it shows that slice.
void DrawTrackingMarker(ImDrawList* draw, const Viewer& v, float scale);

}  // namespace nadir::viewer
