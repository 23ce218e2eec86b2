// The iRECIST fields a reader sets on a lesion (assessment-v1.md, nadir notes "iRECIST
// additions"): a new lesion's category and "increased since the last assessment".
#include "viewer/annotate/session.h"

namespace nadir::annotate {

void AnnotationSession::ApplyOne(const SetNewCategory& a) {
  // iRECIST (Seymour 2017): new lesions are categorised at their first appearance, so the
  // category is the lesion's, on every record of it (as EnsureRecordHere copies it).
  const LesionRecord* first = FirstRecord(doc_.subject, a.id);
  if (!first || first->kind != LesionKind::kNew) return;
  Subject before = doc_.subject;
  bool changed = false;
  for (Timepoint& tp : doc_.subject.timepoints)
    if (LesionRecord* l = FindLesion(tp, a.id); l && l->new_category != a.category) {
      l->new_category = a.category;
      changed = true;
    }
  doc_.selected = a.id;
  if (changed) Commit(std::move(before));
}

void AnnotationSession::ApplyOne(const SetIncreased& a) {
  // Growth since the previous assessment exists only where the lesion was seen before, and only
  // for lesions whose growth is not measured as a target's is (iRECIST: non-target and new
  // non-target lesions).
  if (AtBaseline(doc_) || !PreviousRecord(doc_.subject, doc_.timepoint, a.id)) return;
  const LesionRecord* first = FirstRecord(doc_.subject, a.id);
  if (!first || first->kind == LesionKind::kTarget) return;
  const Timepoint* tp = CurrentTimepoint(doc_);
  const LesionRecord* here = tp ? tp->Find(a.id) : nullptr;
  if (here && here->increased_since_last == a.increased) return;
  if (!here && !a.increased) return;
  Subject before = doc_.subject;
  LesionRecord* l = Here(a.id);
  if (!l) return;
  l->increased_since_last = a.increased;
  doc_.selected = a.id;
  Commit(std::move(before));
}

}  // namespace nadir::annotate
