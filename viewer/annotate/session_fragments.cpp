// Split target lesions (RECIST 1.1 §4.3.2): "the longest diameters of each fragment are added
// together". The reader splits a target at a follow-up, arms a fragment and measures it with
// the caliper tools; the engine sums the fragments (TargetDiameterMm).
#include <algorithm>

#include "viewer/annotate/session.h"

namespace nadir::annotate {

// The record of target `id` at the current follow-up, when it may be split there.
LesionRecord* AnnotationSession::SplitTargetHere(const std::string& id) {
  const LesionRecord* first = FirstRecord(doc_.subject, id);
  if (AtBaseline(doc_) || !first || first->kind != LesionKind::kTarget) return nullptr;
  return Here(id);
}

void AnnotationSession::ApplyOne(const SplitLesion& a) {
  Subject before = doc_.subject;
  LesionRecord* l = SplitTargetHere(a.id);
  if (!l || !l->fragments.empty()) {
    doc_.subject = std::move(before);  // Here() may have created a record: nothing happened
    return;
  }
  // The measurement made before the reader saw the split is the first fragment's.
  Fragment first;
  first.long_axis_mm = l->long_axis_mm;
  first.short_axis_mm = l->short_axis_mm;
  first.points = l->points;
  const bool measured = l->long_axis_mm || l->short_axis_mm || l->points;
  l->fragments.push_back(measured ? first : Fragment{});
  l->fragments.push_back(Fragment{});
  // The fragments carry the diameter now (assessment-v1.md: the sum of the fragments').
  l->long_axis_mm.reset();
  l->short_axis_mm.reset();
  l->points.reset();
  l->state = LesionState::kMeasured;
  l->merged_into.clear();
  doc_.selected = a.id;
  armed_ = ArmedFragment{a.id, doc_.timepoint, measured ? 1 : 0};
  if (tool_ == Tool::kNavigate) tool_ = Tool::kLine;
  Commit(std::move(before));
}

void AnnotationSession::ApplyOne(const AddFragment& a) {
  Subject before = doc_.subject;
  LesionRecord* l = SplitTargetHere(a.id);
  if (!l) return;
  if (l->fragments.empty()) {
    doc_.subject = std::move(before);
    ApplyOne(SplitLesion{a.id});  // a whole lesion is split first
    return;
  }
  l->fragments.push_back(Fragment{});
  doc_.selected = a.id;
  armed_ = ArmedFragment{a.id, doc_.timepoint, int(l->fragments.size()) - 1};
  if (tool_ == Tool::kNavigate) tool_ = Tool::kLine;
  Commit(std::move(before));
}

void AnnotationSession::ApplyOne(const DeleteFragment& a) {
  Timepoint* tp = CurrentTimepoint(doc_);
  LesionRecord* l = tp ? FindLesion(*tp, a.id) : nullptr;
  if (!l || a.index < 0 || a.index >= int(l->fragments.size())) return;
  Subject before = doc_.subject;
  l->fragments.erase(l->fragments.begin() + a.index);
  if (armed_ && armed_->lesion_id == a.id && armed_->timepoint == doc_.timepoint) {
    if (armed_->index == a.index)
      armed_.reset();
    else if (armed_->index > a.index)
      --armed_->index;
  }
  Cancel();
  Commit(std::move(before));
}

void AnnotationSession::ApplyOne(const MeasureFragment& a) {
  const Timepoint* tp = CurrentTimepoint(doc_);
  const LesionRecord* l = tp ? tp->Find(a.id) : nullptr;
  if (!l || a.index < 0 || a.index >= int(l->fragments.size())) return;
  Cancel();
  doc_.selected = a.id;
  armed_ = ArmedFragment{a.id, doc_.timepoint, a.index};
  if (tool_ == Tool::kNavigate) tool_ = Tool::kLine;
}

// An armed fragment that an undo, a deletion or another timepoint took away is disarmed.
void AnnotationSession::CheckArmed() {
  if (!armed_) return;
  const Timepoint* tp = CurrentTimepoint(doc_);
  const LesionRecord* l = tp ? tp->Find(armed_->lesion_id) : nullptr;
  if (armed_->timepoint != doc_.timepoint || !l || armed_->index >= int(l->fragments.size()))
    armed_.reset();
}

}  // namespace nadir::annotate
