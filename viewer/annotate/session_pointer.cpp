// The caliper tools: press, drag and release in patient space, on the image named by its SOP
// Instance UID. Nothing changes in the assessment until the release; the release is one edit
// (one undo step, one autosave).
#include "session.h"

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

// The draft that edits a stored measurement.
Draft DraftOf(const LesionRecord& l) {
  Draft d;
  d.lesion_id = l.id;
  d.sop_uid = l.points->sop_uid;
  if (l.points->long_axis) {
    d.geometry.long_axis = *l.points->long_axis;
    d.bidirectional = l.points->short_axis.has_value();
    if (d.bidirectional) d.geometry.short_axis = *l.points->short_axis;
  } else {
    d.geometry.long_axis = *l.points->short_axis;
    d.short_only = true;
  }
  return d;
}

bool HasMeasurement(const LesionRecord* l) {
  return l && l->points && (l->points->long_axis || l->points->short_axis);
}

}  // namespace

bool AnnotationSession::Press(const pointer::Press& p) {
  Cancel();
  Timepoint* tp = CurrentTimepoint(doc_);
  if (!tp) return false;

  // A handle of a measurement on this image: the selected lesion's first, then the nearest.
  const LesionRecord* grabbed = nullptr;
  int handle = 0;
  double best_mm = p.tolerance_mm;
  for (int pass = 0; pass < 2 && !grabbed; ++pass)
    for (const LesionRecord& l : tp->lesions) {
      if ((l.id == doc_.selected) != (pass == 0)) continue;
      if (!HasMeasurement(&l) || l.points->sop_uid != p.sop_uid) continue;
      const auto handles = HandlesOf(*l.points);
      const auto h = caliper::NearestHandle(handles, p.at, best_mm);
      if (!h) continue;
      const double mm = caliper::LengthMm(handles[*h], p.at);
      if (grabbed && mm >= best_mm) continue;
      grabbed = &l;
      handle = *h;
      best_mm = mm;
    }
  draft_before_ = doc_.subject;
  if (grabbed) {
    draft_ = DraftOf(*grabbed);
    draft_.phase = Draft::Phase::kEditing;
    draft_.handle = handle;
    draft_.normal = p.normal;
    doc_.selected = grabbed->id;
    return true;
  }
  if (tool_ == Tool::kNavigate) return false;

  // A new measurement: of the selected lesion when it has none here yet (measuring a known
  // lesion at a follow-up), else of a lesion created on release. Drawing never replaces a
  // measurement: that is what dragging its handles is for.
  draft_ = Draft{};
  draft_.phase = Draft::Phase::kDrawing;
  if (!doc_.selected.empty() && FirstRecord(doc_.subject, doc_.selected) &&
      !HasMeasurement(tp->Find(doc_.selected))) {
    draft_.lesion_id = doc_.selected;
    const LesionRecord* first = FirstRecord(doc_.subject, doc_.selected);
    draft_.short_only = tool_ == Tool::kLine && first->nodal;
  }
  draft_.bidirectional = tool_ == Tool::kBidirectional;
  draft_.geometry.long_axis = {p.at, p.at};
  draft_.handle = 1;
  draft_.sop_uid = p.sop_uid;
  draft_.normal = p.normal;
  return true;
}

void AnnotationSession::Drag(const pointer::Drag& d) {
  if (draft_.phase == Draft::Phase::kIdle) return;
  auto& g = draft_.geometry;
  const PatientPoint q = caliper::ProjectOntoPlane(d.at, g.long_axis[0], draft_.normal);
  if (draft_.phase == Draft::Phase::kDrawing || !draft_.bidirectional) {
    g.long_axis[draft_.handle == 0 ? 0 : 1] = q;
    return;
  }
  g = caliper::DragHandle(g, static_cast<caliper::Handle>(draft_.handle), d.at, draft_.normal);
}

void AnnotationSession::Release(const pointer::Release& r) {
  if (draft_.phase == Draft::Phase::kIdle) return;
  Drag(pointer::Drag{r.at});
  FinishDraft();
}

void AnnotationSession::Cancel() { draft_ = Draft{}; }

void AnnotationSession::FinishDraft() {
  Draft d = draft_;
  draft_ = Draft{};
  const double length = caliper::LengthMm(d.geometry.long_axis);
  Timepoint* tp = CurrentTimepoint(doc_);
  if (!tp || length < kMinCaliperMm) return;
  if (d.phase == Draft::Phase::kDrawing && d.bidirectional)
    d.geometry = caliper::StartBidirectional(d.geometry.long_axis, d.normal);

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

  CaliperPoints pts;
  pts.sop_uid = d.sop_uid;
  if (d.short_only) {
    pts.short_axis = d.geometry.long_axis;
    l->short_axis_mm = RoundToTenthMm(length);
    l->long_axis_mm.reset();
  } else {
    pts.long_axis = d.geometry.long_axis;
    l->long_axis_mm = RoundToTenthMm(length);
    if (d.bidirectional) {
      pts.short_axis = d.geometry.short_axis;
      l->short_axis_mm = RoundToTenthMm(caliper::LengthMm(d.geometry.short_axis));
    } else {
      l->short_axis_mm.reset();
    }
  }
  l->points = pts;
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
