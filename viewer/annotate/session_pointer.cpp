// The caliper tools: press, drag and release in patient space, on a native image (named by its
// SOP Instance UID) or a reformat (series, plane, normal). Nothing changes in the assessment
// until the release; the release is one edit (one undo step, one autosave).
#include <utility>

#include "viewer/annotate/session.h"

namespace nadir::annotate {

namespace {

std::vector<PatientPoint> HandlesOf(const CaliperPoints& p) {
  std::vector<PatientPoint> h;
  if (p.long_axis)
    h = {(*p.long_axis)[0], (*p.long_axis)[1]};
  else if (p.short_axis)
    h = {(*p.short_axis)[0], (*p.short_axis)[1]};
  if (p.long_axis && p.short_axis) {
    h.push_back((*p.short_axis)[0]);
    h.push_back((*p.short_axis)[1]);
  }
  return h;
}

// The draft that edits a stored measurement (of a lesion, or of fragment `fragment` of it).
Draft DraftOf(const LesionRecord& l, int fragment, const CaliperPoints& p) {
  Draft d;
  d.lesion_id = l.id;
  d.fragment = fragment;
  if (p.long_axis) {
    d.geometry.long_axis = *p.long_axis;
    d.bidirectional = p.short_axis.has_value();
    if (d.bidirectional) d.geometry.short_axis = *p.short_axis;
  } else {
    d.geometry.long_axis = *p.short_axis;
    d.short_only = true;
  }
  return d;
}

bool Drawn(const std::optional<CaliperPoints>& p) { return p && (p->long_axis || p->short_axis); }

bool HasMeasurement(const LesionRecord* l) { return l && Drawn(l->points); }

// The image a press is on: a native slice, or a reformat through the point pressed.
ShownImage ImageOf(const PointerPress& p) {
  if (!p.sop_uid.empty()) {
    ShownImage s;
    s.sop_uid = p.sop_uid;
    s.normal = p.normal;
    return s;
  }
  return ReformatThrough(p.at, p.series_uid, p.plane, p.normal, p.half_slice_mm);
}

}  // namespace

bool AnnotationSession::Press(const PointerPress& p) {
  Cancel();
  Timepoint* tp = CurrentTimepoint(doc_);
  if (!tp) return false;
  // A measurement must say where it was drawn: a native image or a reformat of a named series.
  if (p.sop_uid.empty() && (p.series_uid.empty() || p.plane.empty())) return false;

  // A handle of a measurement on this image: the selected lesion's first, then the nearest;
  // a fragment's handles as a lesion's.
  const ShownImage image = ImageOf(p);
  const LesionRecord* grabbed = nullptr;
  int grabbed_fragment = -1;
  const CaliperPoints* grabbed_points = nullptr;
  int handle = 0;
  double best_mm = p.tolerance_mm;
  const auto consider = [&](const LesionRecord& l, int fragment, const CaliperPoints& pts) {
    if (!(pts.long_axis || pts.short_axis) || !Shows(image, pts)) return;
    const auto handles = HandlesOf(pts);
    const auto h = NearestHandle(handles, p.at, best_mm);
    if (!h) return;
    const double mm = LengthMm(handles[*h], p.at);
    if (grabbed && mm >= best_mm) return;
    grabbed = &l;
    grabbed_fragment = fragment;
    grabbed_points = &pts;
    handle = *h;
    best_mm = mm;
  };
  for (int pass = 0; pass < 2 && !grabbed; ++pass)
    for (const LesionRecord& l : tp->lesions) {
      if ((l.id == doc_.selected) != (pass == 0)) continue;
      if (l.points) consider(l, -1, *l.points);
      for (int f = 0; f < int(l.fragments.size()); ++f)
        if (l.fragments[f].points) consider(l, f, *l.fragments[f].points);
    }
  draft_before_ = doc_.subject;
  if (grabbed) {
    draft_ = DraftOf(*grabbed, grabbed_fragment, *grabbed_points);
    draft_.phase = Draft::Phase::kEditing;
    draft_.handle = handle;
    draft_.image = DrawnOn(*grabbed_points);
    draft_.normal = p.normal;
    doc_.selected = grabbed->id;
    return true;
  }
  if (tool_ == Tool::kNavigate) return false;
  if (tool_ == Tool::kAuto) {
    // One click: the selected lesion when it has no measurement here yet, else a new one.
    const LesionRecord* sel = tp->Find(doc_.selected);
    const LesionRecord* first = FirstRecord(doc_.subject, doc_.selected);
    AutoRequest r{p.at, image, p.normal, "", false, doc_.timepoint};
    if (first && !HasMeasurement(sel) && (!sel || sel->fragments.empty())) {
      r.lesion_id = doc_.selected;
      r.nodal = first->nodal;
    }
    auto_request_ = r;
    return true;  // the click is the Auto tool's: no window/level drag with it
  }

  // A new measurement: of the selected lesion when it has none here yet (measuring a known
  // lesion at a follow-up), else of a lesion created on release. Drawing never replaces a
  // measurement: that is what dragging its handles is for.
  // A split lesion is measured by fragments: the armed one, else its first fragment without a
  // measurement (when all are measured, a drawing is a new lesion: "Add fragment" is the way).
  draft_ = Draft{};
  draft_.phase = Draft::Phase::kDrawing;
  const LesionRecord* here = tp->Find(doc_.selected);
  if (armed_ && armed_->timepoint == doc_.timepoint) {
    draft_.lesion_id = armed_->lesion_id;
    draft_.fragment = armed_->index;
  } else if (here && !here->fragments.empty()) {
    for (int f = 0; f < int(here->fragments.size()) && draft_.fragment < 0; ++f)
      if (!Drawn(here->fragments[f].points) && !here->fragments[f].long_axis_mm &&
          !here->fragments[f].short_axis_mm) {
        draft_.lesion_id = here->id;
        draft_.fragment = f;
      }
  } else if (!doc_.selected.empty() && FirstRecord(doc_.subject, doc_.selected) &&
             !HasMeasurement(here)) {
    draft_.lesion_id = doc_.selected;
  }
  if (const LesionRecord* first = FirstRecord(doc_.subject, draft_.lesion_id))
    draft_.short_only = tool_ == Tool::kLine && first->nodal;
  draft_.bidirectional = tool_ == Tool::kBidirectional;
  draft_.geometry.long_axis = {p.at, p.at};
  draft_.handle = 1;
  draft_.image = image;
  draft_.normal = p.normal;
  return true;
}

void AnnotationSession::Drag(const PointerDrag& d) {
  if (draft_.phase == Draft::Phase::kIdle) return;
  auto& g = draft_.geometry;
  const PatientPoint q = ProjectOntoPlane(d.at, g.long_axis[0], draft_.normal);
  if (draft_.phase == Draft::Phase::kDrawing || !draft_.bidirectional) {
    g.long_axis[draft_.handle == 0 ? 0 : 1] = q;
    return;
  }
  g = DragHandle(g, static_cast<Handle>(draft_.handle), d.at, draft_.normal);
}

void AnnotationSession::Release(const PointerRelease& r) {
  if (draft_.phase == Draft::Phase::kIdle) return;
  Drag(PointerDrag{r.at});
  FinishDraft();
}

void AnnotationSession::Cancel() { draft_ = Draft{}; }

std::optional<AutoRequest> AnnotationSession::TakeAutoRequest() {
  return std::exchange(auto_request_, std::nullopt);
}

bool AnnotationSession::PlaceAutoMeasurement(const AutoRequest& request, const AutoAxes& axes) {
  if (request.timepoint != doc_.timepoint) {
    message_ = "the one-click measurement was for another timepoint: not recorded";
    return false;
  }
  draft_before_ = doc_.subject;
  draft_ = Draft{};
  draft_.phase = Draft::Phase::kEditing;  // the axes as found, not a fresh caliper's start
  draft_.lesion_id = request.lesion_id;
  draft_.bidirectional = true;
  draft_.geometry.long_axis = axes.long_axis;
  draft_.geometry.short_axis = axes.short_axis;
  draft_.image = request.image;
  draft_.normal = request.normal;
  draft_.method = axes.method;
  FinishDraft();
  return true;
}

void AnnotationSession::FinishDraft() {
  Draft d = draft_;
  draft_ = Draft{};
  const double length = LengthMm(d.geometry.long_axis);
  Timepoint* tp = CurrentTimepoint(doc_);
  if (!tp || length < kMinCaliperMm) return;
  if (d.phase == Draft::Phase::kDrawing && d.bidirectional)
    d.geometry = StartBidirectional(d.geometry.long_axis, d.normal);

  LesionRecord* l = nullptr;
  if (d.lesion_id.empty()) {
    // RECIST 1.1 §4.3.5: what is first measured after baseline is a new lesion.
    LesionRecord fresh;
    fresh.kind = AtBaseline(doc_) ? LesionKind::kTarget : LesionKind::kNew;
    fresh.id = NextLesionId(doc_.subject, fresh.kind);
    fresh.state = DefaultState(fresh.kind);
    tp->lesions.push_back(std::move(fresh));
    l = &tp->lesions.back();
  } else {
    l = EnsureRecordHere(doc_, d.lesion_id);
  }
  if (!l) return;

  // Where the lengths and points go: the lesion, or one of its fragments.
  Fragment* fragment = nullptr;
  if (d.fragment >= 0) {
    if (d.fragment >= int(l->fragments.size())) return;  // undone meanwhile
    fragment = &l->fragments[d.fragment];
    if (armed_ && armed_->lesion_id == l->id && armed_->index == d.fragment) armed_.reset();
  }
  auto& long_mm = fragment ? fragment->long_axis_mm : l->long_axis_mm;
  auto& short_mm = fragment ? fragment->short_axis_mm : l->short_axis_mm;
  CaliperPoints pts = PointsOn(d.image);
  if (d.short_only) {
    pts.short_axis = d.geometry.long_axis;
    short_mm = RoundToTenthMm(length);
    long_mm.reset();
  } else {
    pts.long_axis = d.geometry.long_axis;
    long_mm = RoundToTenthMm(length);
    if (d.bidirectional) {
      pts.short_axis = d.geometry.short_axis;
      short_mm = RoundToTenthMm(LengthMm(d.geometry.short_axis));
    } else {
      short_mm.reset();
    }
  }
  (fragment ? fragment->points : l->points) = pts;
  // How the diameters were obtained: placed from one click, drawn by hand (manual, the
  // default), or a one-click measurement whose end point the reader moved (edited).
  using K = MeasurementMethod::Kind;
  if (d.method)
    l->method = d.method;
  else if (!fragment && d.phase == Draft::Phase::kDrawing)
    l->method.reset();
  else if (!fragment && l->method && l->method->kind == K::kSemiAutomatic)
    l->method->kind = K::kEdited;
  // A measurement says the lesion is there.
  using S = LesionState;
  const bool unseen = l->state == S::kAbsent || l->state == S::kNotEvaluated;
  if (l->kind == LesionKind::kTarget && (unseen || l->state == S::kMerged)) {
    l->state = S::kMeasured;
    l->merged_into.clear();
  }
  if (l->kind == LesionKind::kNonTarget && unseen) l->state = S::kPresent;
  if (l->kind == LesionKind::kNew && unseen) l->state = S::kEquivocal;
  doc_.selected = l->id;
  Commit(std::move(draft_before_));
}

}  // namespace nadir::annotate
