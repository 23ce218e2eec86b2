#include "measure/review/assessment_changes.h"

#include <map>
#include <set>

namespace nadir {

namespace {

FieldValue Of(const std::optional<double>& v) { return v ? FieldValue(*v) : FieldValue(); }
FieldValue Of(const std::optional<Date>& d) {
  return d ? FieldValue(FormatIsoDate(*d)) : FieldValue();
}
FieldValue Of(const std::string& s) { return s.empty() ? FieldValue() : FieldValue(s); }

std::string PointsText(const std::optional<CaliperPoints>& p) {
  if (!p) return "";
  std::string s = p->sop_uid.empty() ? p->series_uid + " " + p->plane : p->sop_uid;
  for (const auto* seg : {&p->long_axis, &p->short_axis}) {
    if (!*seg) continue;
    for (const auto& point : **seg)
      for (double c : point) {
        s += ' ';
        s += std::to_string(c);
      }
  }
  return s;
}

std::string FragmentsText(const std::vector<Fragment>& fragments) {
  std::string s;
  for (const auto& f : fragments) {
    s += s.empty() ? "" : "; ";
    s += (f.long_axis_mm ? std::to_string(*f.long_axis_mm) : "-") + " x " +
         (f.short_axis_mm ? std::to_string(*f.short_axis_mm) : "-");
    if (f.points) s += " at " + PointsText(f.points);
  }
  return s;
}

// How the diameters were obtained, as one value: kind, click, volume, 3D diameter, algorithm.
std::string MethodText(const std::optional<MeasurementMethod>& m) {
  if (!m) return "";
  std::string s = ToString(m->kind);
  if (m->click) {
    s += " at";
    for (double c : *m->click) s += ' ' + std::to_string(c);
  }
  if (m->volume_ml) s += " volume_ml " + std::to_string(*m->volume_ml);
  if (m->max_3d_diameter_mm) s += " max_3d_diameter_mm " + std::to_string(*m->max_3d_diameter_mm);
  if (!m->algorithm.empty()) s += " algorithm " + m->algorithm;
  return s;
}

FieldValue OfFlag(const std::optional<bool>& b) { return b ? FieldValue(*b) : FieldValue(); }

// Labels or covariates by name: one change per name added, removed or changed ("groups.arm").
template <typename Map>
void DiffMap(const std::string& prefix, const Map& before, const Map& after,
             std::vector<FieldChange>& out) {
  std::set<std::string> names;
  for (const auto& [k, v] : before) names.insert(k);
  for (const auto& [k, v] : after) names.insert(k);
  for (const auto& k : names) {
    const auto a = before.find(k);
    const auto b = after.find(k);
    FieldValue x = a == before.end() ? FieldValue() : FieldValue(a->second);
    FieldValue y = b == after.end() ? FieldValue() : FieldValue(b->second);
    if (x != y) out.push_back({"", "", prefix + k, std::move(x), std::move(y)});
  }
}

const char* CategoryText(NewLesionCategory c) {
  switch (c) {
    case NewLesionCategory::kAutomatic:
      return "";
    case NewLesionCategory::kTarget:
      return "target";
    case NewLesionCategory::kNonTarget:
      return "nontarget";
  }
  return "";
}

struct Differ {
  std::vector<FieldChange>& out;
  std::string timepoint, lesion;
  void operator()(const char* field, FieldValue a, FieldValue b) {
    if (a != b) out.push_back({timepoint, lesion, field, std::move(a), std::move(b)});
  }
};

void DiffLesion(const LesionRecord& a, const LesionRecord& b, Differ& d) {
  d("kind", std::string(ToString(a.kind)), std::string(ToString(b.kind)));
  d("site", Of(a.site), Of(b.site));
  d("nodal", a.nodal, b.nodal);
  d("state", std::string(ToString(a.state)), std::string(ToString(b.state)));
  d("long_axis_mm", Of(a.long_axis_mm), Of(b.long_axis_mm));
  d("short_axis_mm", Of(a.short_axis_mm), Of(b.short_axis_mm));
  d("fragments", Of(FragmentsText(a.fragments)), Of(FragmentsText(b.fragments)));
  d("merged_into", Of(a.merged_into), Of(b.merged_into));
  d("new_category", Of(CategoryText(a.new_category)), Of(CategoryText(b.new_category)));
  d("increased_since_last", a.increased_since_last, b.increased_since_last);
  d("points", Of(PointsText(a.points)), Of(PointsText(b.points)));
  d("method", Of(MethodText(a.method)), Of(MethodText(b.method)));
}

void DiffTimepoint(const Timepoint& a, const Timepoint& b, Differ& d) {
  d("label", Of(a.label), Of(b.label));
  d("study_uid", Of(a.study_uid), Of(b.study_uid));
  d("clinically_stable", OfFlag(a.clinically_stable), OfFlag(b.clinically_stable));
  std::map<std::string, const LesionRecord*> old_lesions, new_lesions;
  std::set<std::string> ids;
  for (const auto& l : a.lesions) old_lesions[l.id] = &l, ids.insert(l.id);
  for (const auto& l : b.lesions) new_lesions[l.id] = &l, ids.insert(l.id);
  for (const auto& id : ids) {
    Differ ld{d.out, d.timepoint, id};
    const auto* x = old_lesions.count(id) ? old_lesions[id] : nullptr;
    const auto* y = new_lesions.count(id) ? new_lesions[id] : nullptr;
    if (x && y)
      DiffLesion(*x, *y, ld);
    else
      ld("lesion", x ? FieldValue(id) : FieldValue(), y ? FieldValue(id) : FieldValue());
  }
}

}  // namespace

std::vector<FieldChange> DiffAssessments(const Subject& before, const Subject& after) {
  std::vector<FieldChange> out;
  Differ d{out, "", ""};
  d("subject", Of(before.id), Of(after.id));
  d("reader", Of(before.reader), Of(after.reader));
  d("treatment_start", Of(before.treatment_start), Of(after.treatment_start));
  d("death_date", Of(before.death_date), Of(after.death_date));
  d("last_known_alive", Of(before.last_known_alive), Of(after.last_known_alive));
  d("dlt_evaluable", FieldValue(before.dlt_evaluable), FieldValue(after.dlt_evaluable));
  DiffMap("groups.", before.groups, after.groups, out);
  DiffMap("covariates.", before.covariates, after.covariates, out);
  std::map<Date, const Timepoint*> old_tps, new_tps;
  std::set<Date> dates;
  for (const auto& t : before.timepoints) old_tps[t.date] = &t, dates.insert(t.date);
  for (const auto& t : after.timepoints) new_tps[t.date] = &t, dates.insert(t.date);
  for (const Date& date : dates) {
    Differ td{out, FormatIsoDate(date), ""};
    const auto* x = old_tps.count(date) ? old_tps[date] : nullptr;
    const auto* y = new_tps.count(date) ? new_tps[date] : nullptr;
    if (x && y)
      DiffTimepoint(*x, *y, td);
    else
      td("timepoint", x ? FieldValue(td.timepoint) : FieldValue(),
         y ? FieldValue(td.timepoint) : FieldValue());
  }
  return out;
}

}  // namespace nadir
