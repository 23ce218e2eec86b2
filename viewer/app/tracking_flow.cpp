#include "viewer/app/tracking_flow.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "viewer/annotate/annotation.h"
#include "viewer/app/annotate_view.h"
#include "viewer/app/viewer.h"
#include "viewer/core/layout.h"
#include "viewer/core/theme.h"

namespace nadir::viewer {

namespace {

// The viewports N works on: the baseline on the left, the follow-up beside it
// (ReadingRoom::PlaceDefaults).
constexpr int kBaselineViewport = 0;
constexpr int kFollowUpViewport = 1;
// The marker's size on screen (window pixels): a circle round the mapped point, a cross in it.
constexpr float kMarkerRadius = 14.0f;
constexpr float kMarkerCross = 6.0f;

// Prints the status line too: scripts wait for it.
void Say(AnnotateUi& ui, const std::string& line) {
  ui.status = line;
  std::printf("nadir-viewer: %s\n", line.c_str());
  std::fflush(stdout);
}

// Whether a lesion's record at a follow-up holds anything the reader said: a measurement, a
// state other than "measured" (gone, too small ...), or fragments. None: a proposal may be made.
bool RecordedHere(const LesionRecord* l) {
  if (!l) return false;
  return l->state != LesionState::kMeasured || l->long_axis_mm || l->short_axis_mm || l->points ||
         !l->fragments.empty();
}

// The pair to follow: viewports 0 and 1 show series of one patient from different studies,
// the earlier one first, both loaded (the reader's images come before the registration).
bool ShownPair(const ReadingRoom& room, const SeriesSlot*& baseline, const SeriesSlot*& followup) {
  baseline = room.SeriesOf(kBaselineViewport);
  followup = room.SeriesOf(kFollowUpViewport);
  if (!baseline || !followup) return false;
  const SeriesSummary& b = baseline->summary();
  const SeriesSummary& f = followup->summary();
  return b.info && f.info && !b.patient_id.empty() && b.patient_id == f.patient_id &&
         b.info->study_uid != f.info->study_uid && b.study_date < f.study_date &&
         baseline->state() == SeriesSlot::State::kReady &&
         followup->state() == SeriesSlot::State::kReady;
}

LesionTracker::Loader LoaderOf(const SeriesSlot& slot) {
  return [info = slot.summary().info] { return registration::LoadScan(*info); };
}

// Moves viewport `v` to the slice through `p` without dragging the linked viewports along, then
// keeps the correspondence now on screen for linked scrolling (as L does).
void ShowPoint(ReadingRoom& room, int v, const Vec3& p) {
  ReadingState& s = room.state();
  ViewportState& vp = s.viewports[v];
  GoToPosition(vp.plane, vp.view, Dot(p, vp.plane.normal));
  if (s.link.scroll) RelinkOffsets(s, kBaselineViewport);
}

// Asks the Auto tool for a proposal at `at` in the follow-up viewport, for lesion `id` at
// timepoint `t`. Returns the status line.
std::string Propose(Viewer& v, const std::string& id, int t, const Vec3& at) {
  AnnotateUi& ui = v.annotate;
  std::string why;
  const auto image = ImageShown(v.room, kFollowUpViewport, &why);
  if (!image) return "no proposal: " + why;
  const Vec3 n{image->normal[0], image->normal[1], image->normal[2]};
  const double off = image->position_mm - Dot(at, n);  // onto the slice shown
  annotate::AutoRequest request;
  request.at = {at[0] + off * n[0], at[1] + off * n[1], at[2] + off * n[2]};
  request.image = *image;
  request.normal = image->normal;
  request.lesion_id = id;
  const LesionRecord* first = annotate::FirstRecord(ui.session.subject(), id);
  request.nodal = first && first->nodal;
  request.timepoint = t;
  if (!StartAutoMeasure(ui.auto_job, *v.room.SeriesOf(kFollowUpViewport), std::move(request), &why))
    return "no proposal: " + why;
  return "Auto: measuring " + id + " at the mapped point ...";
}

}  // namespace

TrackingUi::TrackingUi()
    : tracker(registration::PairOptions{{}, registration::DefaultCacheDir()}) {}

void FollowShownPair(Viewer& v) {
  TrackingUi& tr = v.tracking;
  // A screenshot or a benchmark reads no lesions: no registration to wait for at exit.
  if (!v.options.screenshot.empty() || v.options.bench_frames > 0) return;
  const SeriesSlot *baseline = nullptr, *followup = nullptr;
  if (ShownPair(v.room, baseline, followup)) {
    const std::string& b = baseline->summary().series_uid;
    const std::string& f = followup->summary().series_uid;
    if (tr.pair != b + "/" + f) tr.pair = b + "/" + f, tr.followed_at = Clock::now();
    tr.tracker.Follow(b, f, LoaderOf(*baseline), LoaderOf(*followup));
  } else {
    tr.tracker.Stop();
    tr.pair.clear();
  }
  const LesionTracker::Status status = tr.tracker.status();
  if (status.state == tr.said) return;
  tr.said = status.state;
  if (status.state == LesionTracker::State::kIdle) return;
  std::printf("nadir-viewer: tracking: %s", status.text.c_str());
  if (status.state != LesionTracker::State::kRegistering)
    std::printf(" [%.1f s after both series loaded]", MsSince(tr.followed_at) / 1000);
  std::printf("\n");
  std::fflush(stdout);
}

void ApplyNextLesion(Viewer& v) {
  AnnotateUi& ui = v.annotate;
  TrackingUi& tr = v.tracking;
  const Subject& subject = ui.session.subject();
  const std::string id = NextLesionToFollow(subject, tr.lesion);
  if (id.empty()) return Say(ui, "Next lesion: no lesion has calipers at baseline");
  tr.lesion = id;
  tr.marker.reset();
  ui.session.Apply(annotate::SelectLesion{id});
  const Vec3 centre = *CaliperCentre(subject.timepoints.front(), id);
  // The baseline at its calipers (the slice they were drawn on), whatever the tracker says.
  const auto tb = TimepointOf(ui, v.room, kBaselineViewport, false);
  if (!tb || *tb != 0) return Say(ui, id + ": viewport 1 does not show the baseline study");
  ShowLesion(ui, v.room, v.rects, id);
  ShowPoint(v.room, kBaselineViewport, centre);
  const LesionTracker::Status status = tr.tracker.status();
  if (status.state != LesionTracker::State::kReady) {
    const std::string why = status.state == LesionTracker::State::kIdle
                                ? "viewport 2 shows no later study of this patient"
                                : status.text;
    return Say(ui, id + " at baseline; no mapped point: " + why);
  }
  const auto mapped = tr.tracker.MapToFollowUp(centre);
  if (!mapped) return Say(ui, id + " at baseline; it maps outside the follow-up scan");
  ShowPoint(v.room, kFollowUpViewport, *mapped);
  tr.marker = mapped;
  tr.marker_series = v.room.SeriesOf(kFollowUpViewport)->summary().series_uid;
  // A proposal only where the reader is recording the follow-up and has said nothing yet.
  const auto tf = TimepointOf(ui, v.room, kFollowUpViewport, false);
  std::string line = id + " mapped into the follow-up";
  if (!tf || *tf != ui.session.annotation().timepoint)
    return Say(ui, line + " (no proposal: the follow-up is not the timepoint worked on)");
  if (RecordedHere(subject.timepoints[*tf].Find(id)))
    return Say(ui, line + " (recorded there already: no proposal)");
  if (ui.auto_proposal) ui.auto_proposal.reset();  // the last lesion's, not taken
  Say(ui, line + "; " + Propose(v, id, *tf, *mapped));
}

void DrawTrackingStatus(const Viewer& v, const ViewportRect& response) {
  const LesionTracker::Status status = v.tracking.tracker.status();
  if (!v.annotate.started || status.text.empty() || response.width <= 0) return;
  ImGui::SetNextWindowPos(
      ImVec2(float(response.x) + kStatusInset, float(response.y + response.height) - kStatusInset),
      ImGuiCond_Always, ImVec2(0, 1));
  ImGui::SetNextWindowBgAlpha(kStatusAlpha);
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0),
                                      ImVec2(float(response.width) - 2 * kStatusInset, 200));
  ImGui::Begin("##tracking-status", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(kDim.r, kDim.g, kDim.b, kDim.a));
  ImGui::PushTextWrapPos(float(response.width) - 4 * kStatusInset);
  ImGui::TextUnformatted(("Tracking: " + status.text).c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::End();
}

void DrawTrackingMarker(ImDrawList* draw, const Viewer& v, float scale) {
  const TrackingUi& tr = v.tracking;
  const int f = kFollowUpViewport;
  if (!tr.marker || f >= int(v.rects.size()) || f >= int(v.room.state().viewports.size())) return;
  const SeriesSlot* slot = v.room.SeriesOf(f);
  if (!slot || slot->summary().series_uid != tr.marker_series) return;
  const ViewportState& vp = v.room.state().viewports[f];
  // Only on the slice through the point: elsewhere it would mark a place that is not there.
  if (std::abs(Dot(*tr.marker, vp.plane.normal) - vp.view.position_mm) >
      0.5 * vp.plane.slice_step_mm + 1e-3)
    return;
  const ViewportRect& r = v.rects[f];
  const auto px = PatientToPixel(MapView(vp.plane, vp.view, r), *tr.marker);
  const ImVec2 c(float((r.x + px[0]) / scale), float((r.y + px[1]) / scale));
  const ImU32 colour = Packed(kTrackMarker);
  draw->PushClipRect(ImVec2(r.x / scale, r.y / scale),
                     ImVec2((r.x + r.width) / scale, (r.y + r.height) / scale), true);
  draw->AddCircle(c, kMarkerRadius, colour, 32, 1.5f);
  draw->AddLine(ImVec2(c.x - kMarkerCross, c.y), ImVec2(c.x + kMarkerCross, c.y), colour, 1.5f);
  draw->AddLine(ImVec2(c.x, c.y - kMarkerCross), ImVec2(c.x, c.y + kMarkerCross), colour, 1.5f);
  draw->PopClipRect();
}

}  // namespace nadir::viewer
