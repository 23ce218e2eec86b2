// Writing assessment files: known fields from the Subject, unknown fields from its extras.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <vector>

#include "formats/assessment_json.h"
#include "formats/caliper_points_json.h"
#include "formats/measurement_method_json.h"

namespace nadir {

namespace {

using Json = nlohmann::ordered_json;

const Json* FindBy(const Json& array, const char* key, const std::string& value) {
  if (!array.is_array()) return nullptr;
  for (const auto& e : array)
    if (e.is_object() && e.contains(key) && e[key].is_string() && e[key] == value) return &e;
  return nullptr;
}

void SetOrErase(Json& j, const char* key, const std::optional<double>& v) {
  if (v)
    j[key] = *v;
  else
    j.erase(key);
}

void SetOrErase(Json& j, const char* key, const std::string& v) {
  if (!v.empty())
    j[key] = v;
  else
    j.erase(key);
}

bool SameMm(const Json& j, const char* key, const std::optional<double>& mm) {
  const bool has = j.contains(key) && j[key].is_number();
  return has == mm.has_value() && (!has || j[key].get<double>() == *mm);
}

// The fragment of the file whose unknown fields fragment `i` keeps: the one at its place when
// the count is unchanged (values edited), else an unused one with the same diameters
// (fragments were added or deleted); none for a new fragment.
const Json* OriginalFragment(const Json* old, const std::vector<Fragment>& now, std::size_t i,
                             std::vector<bool>& used) {
  if (!old) return nullptr;
  const auto take = [&](std::size_t k) -> const Json* {
    if (k >= old->size() || used[k] || !(*old)[k].is_object()) return nullptr;
    used[k] = true;
    return &(*old)[k];
  };
  if (old->size() == now.size()) return take(i);
  for (std::size_t k = 0; k < old->size(); ++k)
    if (!used[k] && (*old)[k].is_object() &&
        SameMm((*old)[k], "long_axis_mm", now[i].long_axis_mm) &&
        SameMm((*old)[k], "short_axis_mm", now[i].short_axis_mm))
      return take(k);
  return nullptr;
}

Json LesionJson(const LesionRecord& l, const Json* original,
                const std::map<std::string, std::string>& tracking_uids) {
  Json j = original ? *original : Json::object();
  j["id"] = l.id;
  if (const auto uid = tracking_uids.find(l.id); uid != tracking_uids.end())
    j["tracking_uid"] = uid->second;
  j["kind"] = ToString(l.kind);
  SetOrErase(j, "site", l.site);
  if (l.nodal || j.contains("nodal")) j["nodal"] = l.nodal;
  j["state"] = ToString(l.state);
  SetOrErase(j, "long_axis_mm", l.long_axis_mm);
  SetOrErase(j, "short_axis_mm", l.short_axis_mm);
  SetOrErase(j, "merged_into", l.merged_into);
  if (l.increased_since_last)
    j["increased_since_last"] = true;
  else
    j.erase("increased_since_last");
  if (l.new_category == NewLesionCategory::kAutomatic)
    j.erase("new_category");
  else
    j["new_category"] = l.new_category == NewLesionCategory::kTarget ? "target" : "nontarget";
  if (l.fragments.empty()) {
    j.erase("fragments");
  } else {
    const Json* old =
        j.contains("fragments") && j["fragments"].is_array() ? &j["fragments"] : nullptr;
    std::vector<bool> used(old ? old->size() : 0, false);
    Json frags = Json::array();
    for (std::size_t i = 0; i < l.fragments.size(); ++i) {
      const Fragment& f = l.fragments[i];
      const Json* of = OriginalFragment(old, l.fragments, i, used);
      Json fj = of ? *of : Json::object();
      SetOrErase(fj, "long_axis_mm", f.long_axis_mm);
      SetOrErase(fj, "short_axis_mm", f.short_axis_mm);
      const Json* old_points = fj.contains("points") ? &fj["points"] : nullptr;
      if (f.points)
        fj["points"] = CaliperPointsJson(*f.points, old_points);
      else
        fj.erase("points");
      frags.push_back(fj);
    }
    j["fragments"] = frags;
  }
  if (!l.points) {
    j.erase("points");
  } else {
    j["points"] = CaliperPointsJson(*l.points, j.contains("points") ? &j["points"] : nullptr);
  }
  if (!l.method)
    j.erase("method");
  else
    j["method"] = MeasurementMethodJson(*l.method, j.contains("method") ? &j["method"] : nullptr);
  return j;
}

Json OptionalDate(const std::optional<Date>& d) {
  return d ? Json(FormatIsoDate(*d)) : Json(nullptr);
}

// The document the subject was read from; an object, empty when there is none. The text was
// valid JSON when read; anything else (a caller's own text) keeps nothing rather than throwing.
Json OriginalDocument(const Subject& s) {
  if (s.extras.document.empty()) return Json::object();
  Json j = Json::parse(s.extras.document, nullptr, false);
  return j.is_object() ? j : Json::object();
}

}  // namespace

Json AssessmentToJson(const Subject& s) {
  Json j = OriginalDocument(s);
  j["format"] = kAssessmentFormat;
  j["subject"] = s.id;
  SetOrErase(j, "reader", s.reader);
  if (!s.groups.empty()) {
    Json g = j.contains("groups") && j["groups"].is_object() ? j["groups"] : Json::object();
    for (const auto& [k, v] : s.groups) g[k] = v;
    j["groups"] = g;
  }
  if (!s.covariates.empty()) {
    Json c = Json::object();
    for (const auto& [k, v] : s.covariates) c[k] = v;
    j["covariates"] = c;
  }
  for (const auto& [key, value] :
       {std::pair{"treatment_start", &s.treatment_start}, std::pair{"death_date", &s.death_date},
        std::pair{"last_known_alive", &s.last_known_alive}}) {
    if (*value || j.contains(key)) j[key] = OptionalDate(*value);
  }
  if (!s.dlt_evaluable || j.contains("dlt_evaluable")) j["dlt_evaluable"] = s.dlt_evaluable;
  const Json& old_tps = j.contains("timepoints") ? j["timepoints"] : Json();
  Json tps = Json::array();
  for (const auto& tp : s.timepoints) {
    const std::string date = FormatIsoDate(tp.date);
    const Json* old_tp = FindBy(old_tps, "date", date);
    Json tj = old_tp ? *old_tp : Json::object();
    tj["date"] = date;
    SetOrErase(tj, "label", tp.label);
    SetOrErase(tj, "study_uid", tp.study_uid);
    if (tp.clinically_stable)
      tj["clinically_stable"] = *tp.clinically_stable;
    else
      tj.erase("clinically_stable");
    const Json& old_lesions = old_tp && old_tp->contains("lesions") ? (*old_tp)["lesions"] : Json();
    Json lesions = Json::array();
    for (const auto& l : tp.lesions)
      lesions.push_back(LesionJson(l, FindBy(old_lesions, "id", l.id), s.extras.tracking_uids));
    tj["lesions"] = lesions;
    tps.push_back(tj);
  }
  j["timepoints"] = tps;
  return j;
}

bool WriteFileAtomically(const std::string& path, const std::string& text, std::string* error) {
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) {
    if (error) *error = "cannot create " + tmp;
    return false;
  }
  const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size() &&
                       std::fflush(f) == 0 && ::fsync(fileno(f)) == 0;
  const bool closed = std::fclose(f) == 0;
  if (!written || !closed) {
    std::remove(tmp.c_str());
    if (error) *error = "cannot write " + tmp;
    return false;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    if (error) *error = "cannot replace " + path + ": " + ec.message();
    return false;
  }
  return true;
}

}  // namespace nadir
