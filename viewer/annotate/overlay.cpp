#include "overlay.h"

#include <cstdio>

namespace nadir::annotate {

std::string FormatMm(double mm) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f mm", mm);
  return buf;
}

namespace {

void AddLesion(std::vector<OverlayLine>& out, const std::string& id, LesionKind kind, bool selected,
               bool in_progress, const std::optional<caliper::Segment>& first,
               const std::optional<caliper::Segment>& second) {
  char text[96];
  if (first && second)
    std::snprintf(text, sizeof text, "%s %.1f x %.1f mm", id.c_str(), caliper::LengthMm(*first),
                  caliper::LengthMm(*second));
  else if (first || second)
    std::snprintf(text, sizeof text, "%s %.1f mm", id.c_str(),
                  caliper::LengthMm(first ? *first : *second));
  else
    std::snprintf(text, sizeof text, "%s", id.c_str());
  const std::string label = text;
  if (first)
    out.push_back(
        {id, kind, *first, caliper::LengthMm(*first), false, selected, in_progress, label});
  if (second)
    out.push_back({id, kind, *second, caliper::LengthMm(*second), true, selected, in_progress,
                   first ? "" : label});
}

}  // namespace

std::vector<OverlayLine> CaliperOverlay(const AnnotationSession& s, const std::string& sop_uid) {
  std::vector<OverlayLine> out;
  if (sop_uid.empty()) return out;
  const Draft& d = s.draft();
  const bool drafting = d.phase != Draft::Phase::kIdle && d.sop_uid == sop_uid;
  const Annotation& a = s.annotation();
  for (int t = 0; t < int(a.subject.timepoints.size()); ++t)
    for (const LesionRecord& l : a.subject.timepoints[t].lesions) {
      if (!l.points || l.points->sop_uid != sop_uid) continue;
      if (drafting && t == a.timepoint && l.id == d.lesion_id) continue;  // drawn as the draft
      const bool selected = t == a.timepoint && l.id == a.selected;
      AddLesion(out, l.id, l.kind, selected, false, l.points->long_axis, l.points->short_axis);
    }
  if (drafting) {
    const std::string id = d.lesion_id.empty() ? "new" : d.lesion_id;
    const LesionRecord* first = FirstRecord(a.subject, d.lesion_id);
    const LesionKind kind = first ? first->kind : LesionKind::kTarget;
    const bool show_short = d.bidirectional && d.phase == Draft::Phase::kEditing;
    AddLesion(out, id, kind, true, true, d.geometry.long_axis,
              show_short ? std::optional<caliper::Segment>(d.geometry.short_axis) : std::nullopt);
  }
  return out;
}

}  // namespace nadir::annotate
