#include "viewer/annotate/session.h"

#include <algorithm>
#include <cmath>

#include "measure/assess.h"

namespace nadir::annotate {

namespace {

// A lesion that changes kind at baseline (target <-> non-target) keeps what it means at each
// timepoint as closely as the other kind's states allow.
LesionState StateForKind(LesionState s, LesionKind kind) {
  using S = LesionState;
  const auto allowed = StatesFor(kind);
  if (std::find(allowed.begin(), allowed.end(), s) != allowed.end()) return s;
  if (kind == LesionKind::kNonTarget) return S::kPresent;  // measured, too small, merged
  return S::kMeasured;                                     // present, progressed
}

}  // namespace

const char* ToString(Tool t) {
  switch (t) {
    case Tool::kNavigate:
      return "navigate";
    case Tool::kLine:
      return "line";
    case Tool::kBidirectional:
      return "bidirectional";
    case Tool::kAuto:
      return "auto";
  }
  return "?";
}

double RoundToTenthMm(double mm) { return std::round(mm * 10.0) / 10.0; }

AnnotationSession::AnnotationSession(std::string autosave_dir)
    : autosave_dir_(std::move(autosave_dir)) {}

void AnnotationSession::Apply(const AnnotateIntent& action) {
  std::visit([this](const auto& a) { ApplyOne(a); }, action);
}

std::optional<int> AnnotationSession::AddTimepoint(Date date, const std::string& label,
                                                   const std::string& study_uid) {
  Subject before = doc_.subject;
  auto index = annotate::AddTimepoint(doc_, date, label, study_uid);
  if (index) Commit(std::move(before));
  return index;
}

void AnnotationSession::Commit(Subject before) {
  undo_.Record(std::move(before));
  dirty_ = true;
  ++revision_;
  Clamp();
  Autosave();
}

void AnnotationSession::Clamp() {
  const int n = int(doc_.subject.timepoints.size());
  doc_.timepoint = std::clamp(doc_.timepoint, 0, std::max(0, n - 1));
  if (!doc_.selected.empty() && !FirstRecord(doc_.subject, doc_.selected)) doc_.selected.clear();
  CheckArmed();
}

LesionRecord* AnnotationSession::Here(const std::string& id) { return EnsureRecordHere(doc_, id); }

const SubjectResult& AnnotationSession::Results() const {
  if (results_revision_ != revision_) {
    results_ = AssessSubject(doc_.subject);
    results_revision_ = revision_;
  }
  return results_;
}

std::vector<std::string> AnnotationSession::Guidance() const {
  const SubjectResult& r = Results();
  std::vector<std::string> out = r.errors;
  out.insert(out.end(), r.warnings.begin(), r.warnings.end());
  return out;
}

std::optional<JumpTarget> AnnotationSession::TakeJump() {
  auto j = std::move(jump_);
  jump_.reset();
  return j;
}

void AnnotationSession::ApplyOne(const SelectLesion& a) { doc_.selected = a.id; }

void AnnotationSession::ApplyOne(const AddLesion& a) {
  Timepoint* tp = CurrentTimepoint(doc_);
  if (!tp) return;
  // RECIST 1.1 §4.3.5: a lesion found after baseline is a new lesion.
  const LesionKind kind = AtBaseline(doc_) ? a.kind : LesionKind::kNew;
  if (AtBaseline(doc_) && kind == LesionKind::kNew) return;
  Subject before = doc_.subject;
  LesionRecord l;
  l.id = NextLesionId(doc_.subject, kind);
  l.kind = kind;
  l.state = DefaultState(kind);
  tp->lesions.push_back(l);
  doc_.selected = l.id;
  Commit(std::move(before));
}

void AnnotationSession::ApplyOne(const DeleteLesion& a) {
  Subject before = doc_.subject;
  bool removed = false;
  // At baseline the lesion goes everywhere (a target cannot first appear at a follow-up);
  // at a follow-up only that timepoint's record goes (it is then "not yet assessed").
  for (int t = 0; t < int(doc_.subject.timepoints.size()); ++t) {
    if (!AtBaseline(doc_) && t != doc_.timepoint) continue;
    auto& ls = doc_.subject.timepoints[t].lesions;
    const auto n = ls.size();
    ls.erase(
        std::remove_if(ls.begin(), ls.end(), [&](const LesionRecord& l) { return l.id == a.id; }),
        ls.end());
    removed |= ls.size() != n;
  }
  if (removed) Commit(std::move(before));
}

void AnnotationSession::ApplyOne(const SetKind& a) {
  // The kind is fixed at the first appearance (assessment-v1.md); only baseline lesions may
  // switch between target and non-target, and they take the new kind's id.
  const LesionRecord* first = FirstRecord(doc_.subject, a.id);
  if (!AtBaseline(doc_) || !first || first->kind == a.kind || a.kind == LesionKind::kNew ||
      !doc_.subject.timepoints.front().Find(a.id))
    return;
  Subject before = doc_.subject;
  const std::string new_id = NextLesionId(doc_.subject, a.kind);
  for (Timepoint& tp : doc_.subject.timepoints)
    for (LesionRecord& l : tp.lesions) {
      if (l.merged_into == a.id) l.merged_into = new_id;
      if (l.id != a.id) continue;
      l.id = new_id;
      l.kind = a.kind;
      l.state = StateForKind(l.state, a.kind);
      if (l.state != LesionState::kMerged) l.merged_into.clear();
    }
  if (doc_.selected == a.id) doc_.selected = new_id;
  Commit(std::move(before));
}

void AnnotationSession::ApplyOne(const SetSite& a) {
  Subject before = doc_.subject;
  bool changed = false;
  for (Timepoint& tp : doc_.subject.timepoints)
    if (LesionRecord* l = FindLesion(tp, a.id); l && l->site != a.site) {
      l->site = a.site;
      changed = true;
    }
  if (changed) Commit(std::move(before));
}

void AnnotationSession::ApplyOne(const SetNodal& a) {
  // Nodal status is fixed at the first appearance: it changes on every record of the lesion.
  Subject before = doc_.subject;
  bool changed = false;
  for (Timepoint& tp : doc_.subject.timepoints)
    if (LesionRecord* l = FindLesion(tp, a.id); l && l->nodal != a.nodal) {
      l->nodal = a.nodal;
      changed = true;
    }
  if (changed) Commit(std::move(before));
}

void AnnotationSession::ApplyOne(const SetState& a) {
  Subject before = doc_.subject;
  LesionRecord* l = Here(a.id);
  if (!l) return;
  const auto allowed = StatesFor(l->kind);
  if (std::find(allowed.begin(), allowed.end(), a.state) == allowed.end()) return;
  l->state = a.state;
  if (a.state != LesionState::kMerged) l->merged_into.clear();
  if (a.state == LesionState::kAbsent || a.state == LesionState::kNotEvaluated ||
      a.state == LesionState::kMerged) {
    // Nothing to measure: a stale diameter must not sit beside "absent".
    l->long_axis_mm.reset();
    l->short_axis_mm.reset();
    l->fragments.clear();
    l->points.reset();
  }
  doc_.selected = a.id;
  Commit(std::move(before));
}

void AnnotationSession::ApplyOne(const SetMergedInto& a) {
  Subject before = doc_.subject;
  LesionRecord* l = Here(a.id);
  if (!l || l->kind != LesionKind::kTarget || a.host == a.id) return;
  l->state = LesionState::kMerged;
  l->merged_into = a.host;
  l->long_axis_mm.reset();
  l->short_axis_mm.reset();
  l->fragments.clear();
  l->points.reset();
  Commit(std::move(before));
}

void AnnotationSession::ApplyOne(const SetTimepoint& a) {
  if (a.index < 0 || a.index >= int(doc_.subject.timepoints.size())) return;
  Cancel();
  doc_.timepoint = a.index;
  CheckArmed();
}

void AnnotationSession::ApplyOne(const SetReader& a) {
  if (doc_.subject.reader == a.reader) return;
  if (!locked_reader_.empty() && a.reader != locked_reader_) {
    message_ = "blinded read: the reader is " + locked_reader_ + ", not " + a.reader;
    return;
  }
  Subject before = doc_.subject;
  doc_.subject.reader = a.reader;
  Commit(std::move(before));
}

void AnnotationSession::ApplyOne(const SetTreatmentStart& a) {
  if (doc_.subject.treatment_start == a.date) return;
  Subject before = doc_.subject;
  doc_.subject.treatment_start = a.date;
  Commit(std::move(before));
}

void AnnotationSession::ApplyOne(const SetTimepointLabel& a) {
  if (a.index < 0 || a.index >= int(doc_.subject.timepoints.size())) return;
  if (doc_.subject.timepoints[a.index].label == a.label) return;
  Subject before = doc_.subject;
  doc_.subject.timepoints[a.index].label = a.label;
  Commit(std::move(before));
}

void AnnotationSession::ApplyOne(const SetTool& a) {
  Cancel();
  tool_ = a.tool;
}

void AnnotationSession::ApplyOne(const JumpTo& a) {
  doc_.selected = a.id;
  // Its measurement here, else the latest earlier one (the baseline image at a follow-up); a
  // split lesion shows its first measured fragment.
  const auto measured = [](const LesionRecord* l) -> const CaliperPoints* {
    if (!l) return nullptr;
    if (l->points && (l->points->long_axis || l->points->short_axis)) return &*l->points;
    for (const Fragment& f : l->fragments)
      if (f.points && (f.points->long_axis || f.points->short_axis)) return &*f.points;
    return nullptr;
  };
  const CaliperPoints* p = nullptr;
  int t = doc_.timepoint;
  for (; t >= 0 && !p; --t)
    if (t < int(doc_.subject.timepoints.size()))
      p = measured(doc_.subject.timepoints[t].Find(a.id));
  if (!p) return;
  ++t;
  const auto& seg = p->long_axis ? p->long_axis : p->short_axis;
  PatientPoint c;
  for (int i = 0; i < 3; ++i) c[i] = 0.5 * ((*seg)[0][i] + (*seg)[1][i]);
  CaliperPoints image = *p;
  image.long_axis.reset();
  image.short_axis.reset();
  jump_ = JumpTarget{image, c, t};
}

void AnnotationSession::ApplyOne(const Undo&) {
  Cancel();
  if (!undo_.Undo(doc_.subject)) return;
  dirty_ = true;
  ++revision_;
  Clamp();
  Autosave();
}

void AnnotationSession::ApplyOne(const Redo&) {
  Cancel();
  if (!undo_.Redo(doc_.subject)) return;
  dirty_ = true;
  ++revision_;
  Clamp();
  Autosave();
}

void AnnotationSession::ApplyOne(const SaveAssessment&) {
  std::string error;
  if (!Save(&error)) message_ = error;
}

}  // namespace nadir::annotate
