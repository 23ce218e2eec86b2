#include "viewer/annotate/overlay.h"

#include <cstdio>

namespace nadir::annotate {

std::string FormatMm(double mm) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f mm", mm);
  return buf;
}

std::string FragmentLabel(const std::string& id, int index) {
  if (index >= 0 && index < 26) return id + char('a' + index);
  return id + "." + std::to_string(index + 1);
}

namespace {

struct Measurement {
  std::string id;
  int fragment = -1;
  LesionKind kind = LesionKind::kTarget;
  bool selected = false;
  bool in_progress = false;
};

void Add(std::vector<OverlayLine>& out, const Measurement& m, const std::optional<Segment>& first,
         const std::optional<Segment>& second) {
  const std::string name = m.fragment >= 0 ? FragmentLabel(m.id, m.fragment) : m.id;
  char text[96];
  if (first && second)
    std::snprintf(text, sizeof text, "%s %.1f x %.1f mm", name.c_str(), LengthMm(*first),
                  LengthMm(*second));
  else if (first || second)
    std::snprintf(text, sizeof text, "%s %.1f mm", name.c_str(),
                  LengthMm(first ? *first : *second));
  else
    std::snprintf(text, sizeof text, "%s", name.c_str());
  const std::string label = text;
  if (first)
    out.push_back({m.id, m.fragment, m.kind, *first, LengthMm(*first), false, m.selected,
                   m.in_progress, label});
  if (second)
    out.push_back({m.id, m.fragment, m.kind, *second, LengthMm(*second), true, m.selected,
                   m.in_progress, first ? "" : label});
}

// The draft as a stored measurement would be: on its image, with its long axis.
CaliperPoints PointsOf(const Draft& d) {
  CaliperPoints p = PointsOn(d.image);
  p.long_axis = d.geometry.long_axis;
  return p;
}

}  // namespace

std::vector<OverlayLine> CaliperOverlay(const AnnotationSession& s, const ShownImage& image) {
  std::vector<OverlayLine> out;
  if (image.sop_uid.empty() && image.series_uid.empty()) return out;
  const Draft& d = s.draft();
  const bool drafting = d.phase != Draft::Phase::kIdle && Shows(image, PointsOf(d));
  const Annotation& a = s.annotation();
  for (int t = 0; t < int(a.subject.timepoints.size()); ++t)
    for (const LesionRecord& l : a.subject.timepoints[t].lesions) {
      const bool here = t == a.timepoint;
      const Measurement m{l.id, -1, l.kind, here && l.id == a.selected, false};
      const auto edited = [&](int fragment) {  // drawn as the draft instead
        return drafting && here && l.id == d.lesion_id && d.fragment == fragment;
      };
      if (l.points && Shows(image, *l.points) && !edited(-1))
        Add(out, m, l.points->long_axis, l.points->short_axis);
      for (int f = 0; f < int(l.fragments.size()); ++f) {
        const auto& p = l.fragments[f].points;
        if (!p || !Shows(image, *p) || edited(f)) continue;
        Measurement fm = m;
        fm.fragment = f;
        Add(out, fm, p->long_axis, p->short_axis);
      }
    }
  if (drafting) {
    const LesionRecord* first = FirstRecord(a.subject, d.lesion_id);
    const Measurement m{d.lesion_id.empty() ? "new" : d.lesion_id, d.fragment,
                        first ? first->kind : LesionKind::kTarget, true, true};
    const bool show_short = d.bidirectional && d.phase == Draft::Phase::kEditing;
    Add(out, m, d.geometry.long_axis,
        show_short ? std::optional<Segment>(d.geometry.short_axis) : std::nullopt);
  }
  return out;
}

std::vector<OverlayLine> CaliperOverlay(const AnnotationSession& s, const std::string& sop_uid) {
  ShownImage image;
  image.sop_uid = sop_uid;
  return CaliperOverlay(s, image);
}

}  // namespace nadir::annotate
