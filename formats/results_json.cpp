#include "formats/results_json.h"

#include <cmath>
#include <cstdio>
#include <set>

namespace nadir {

namespace {

using Json = nlohmann::ordered_json;

Json Mm(const std::optional<double>& v) { return v ? Json(RoundedMm(*v)) : Json(nullptr); }
Json Pct(const std::optional<double>& v) { return v ? Json(RoundedPct(*v)) : Json(nullptr); }
Json DateOrNull(const std::optional<Date>& d) {
  return d ? Json(FormatIsoDate(*d)) : Json(nullptr);
}

Json TimepointJson(const TimepointResponse& t, bool irecist) {
  const auto code = [&](Response r) { return irecist ? ToIRecistString(r) : ToString(r); };
  Json j;
  j["date"] = FormatIsoDate(t.date);
  j["label"] = t.label;
  j["sum_mm"] = Mm(t.sum_mm);
  j["nadir_mm"] = Mm(t.nadir_mm);
  j["change_from_baseline_pct"] = Pct(t.change_from_baseline_pct);
  j["change_from_nadir_pct"] = Pct(t.change_from_nadir_pct);
  j["target"] = code(t.target);
  j["nontarget"] = code(t.nontarget);
  j["new_lesions"] = ToString(t.new_lesions);
  if (irecist) {
    j["new_lesion_target_sum_mm"] = Mm(t.new_lesion_target_sum_mm);
    j["new_lesion_targets"] = t.new_lesion_targets;
  }
  j["overall"] = code(t.overall);
  j["reason"] = t.reason;
  if (irecist) {
    j["progression_dated_from"] = DateOrNull(t.progression_dated_from);
    j["clinically_stable"] = t.clinically_stable ? Json(*t.clinically_stable) : Json(nullptr);
  }
  return j;
}

Json CriteriaJson(const CriteriaResult& c, bool irecist) {
  Json tps = Json::array();
  for (const auto& t : c.timepoints) tps.push_back(TimepointJson(t, irecist));
  const BestResponse& b = c.best;
  Json j = {{"timepoints", tps},
            {"best_overall_response", irecist ? ToIRecistString(b.best) : ToString(b.best)},
            {"response_date", DateOrNull(b.response_date)},
            {"control_date", DateOrNull(b.control_date)},
            {"progression_date", DateOrNull(b.progression_date)}};
  if (irecist) j["unconfirmed_progression_date"] = DateOrNull(b.unconfirmed_progression_date);
  j["last_adequate_assessment_date"] = DateOrNull(b.last_adequate_assessment);
  j["duration_of_response_days"] =
      b.duration_of_response_days ? Json(*b.duration_of_response_days) : Json();
  j["best_change_from_baseline_pct"] = Pct(b.best_change_from_baseline_pct);
  return j;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string Fixed(const std::optional<double>& v, const char* fmt) {
  if (!v) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, fmt, *v);
  return buf;
}

std::set<std::string> GroupKeys(const std::vector<SubjectResult>& results) {
  std::set<std::string> keys;
  for (const auto& r : results)
    for (const auto& [k, v] : r.groups) keys.insert(k);
  return keys;
}

}  // namespace

Json SubjectResultToJson(const SubjectResult& r) {
  Json j;
  j["subject"] = r.subject.empty() ? Json(nullptr) : Json(r.subject);
  j["reader"] = r.reader;
  j["file"] = r.file;
  j["groups"] = Json::object();
  for (const auto& [k, v] : r.groups) j["groups"][k] = v;
  j["errors"] = r.errors;
  j["warnings"] = r.warnings;
  if (r.baseline) {
    j["baseline"] = {{"date", FormatIsoDate(r.baseline->date)},
                     {"sum_mm", Mm(r.baseline->sum_mm)},
                     {"targets", r.baseline->targets},
                     {"nontargets", r.baseline->nontargets}};
  }
  if (r.recist11) j["recist11"] = CriteriaJson(*r.recist11, false);
  if (r.irecist) j["irecist"] = CriteriaJson(*r.irecist, true);
  return j;
}

Json ResultsToJson(const std::vector<SubjectResult>& results) {
  Json j;
  j["format"] = kResultsFormat;
  j["subjects"] = Json::array();
  for (const auto& r : results) j["subjects"].push_back(SubjectResultToJson(r));
  return j;
}

std::string TimepointsCsvHeader(const std::set<std::string>& keys) {
  std::string out = "subject,reader";
  for (const auto& k : keys) out += "," + CsvField(k);
  out +=
      ",criteria,date,label,sum_mm,nadir_mm,change_from_baseline_pct,change_from_nadir_pct,"
      "target,nontarget,new_lesions,new_lesion_target_sum_mm,overall,reason\n";
  return out;
}

std::string TimepointsCsvCell(const std::string* value) {
  return "," + (value ? CsvField(*value) : std::string());
}

std::vector<SplitRow> TimepointsCsvRows(const SubjectResult& r) {
  std::vector<SplitRow> rows;
  const std::string prefix = CsvField(r.subject) + "," + CsvField(r.reader);
  for (const bool irecist : {false, true}) {
    const auto& c = irecist ? r.irecist : r.recist11;
    if (!c) continue;
    const auto code = [&](Response x) { return irecist ? ToIRecistString(x) : ToString(x); };
    for (const auto& t : c->timepoints) {
      rows.push_back({prefix, std::string(irecist ? ",iRECIST," : ",RECIST1.1,") +
                                  FormatIsoDate(t.date) + "," + CsvField(t.label) + "," +
                                  Fixed(t.sum_mm, "%.1f") + "," + Fixed(t.nadir_mm, "%.1f") + "," +
                                  Fixed(t.change_from_baseline_pct, "%.1f") + "," +
                                  Fixed(t.change_from_nadir_pct, "%.1f") + "," + code(t.target) +
                                  "," + code(t.nontarget) + "," + ToString(t.new_lesions) + "," +
                                  Fixed(t.new_lesion_target_sum_mm, "%.1f") + "," +
                                  code(t.overall) + "," + CsvField(t.reason) + "\n"});
    }
  }
  return rows;
}

std::string JoinRow(const SplitRow& row, const std::set<std::string>& keys,
                    const std::map<std::string, std::string>& groups,
                    std::string (*cell)(const std::string*)) {
  std::string out = row.prefix;
  for (const auto& k : keys) {
    const auto it = groups.find(k);
    out += cell(it == groups.end() ? nullptr : &it->second);
  }
  out += row.rest;
  return out;
}

std::string TimepointsCsv(const std::vector<SubjectResult>& results) {
  const auto keys = GroupKeys(results);
  std::string out = TimepointsCsvHeader(keys);
  for (const auto& r : results)
    for (const auto& row : TimepointsCsvRows(r))
      out += JoinRow(row, keys, r.groups, TimepointsCsvCell);
  return out;
}

std::string ResponseTableHeader(const std::set<std::string>& keys) {
  std::string head = "subject        reader";
  char line[512];
  for (const auto& k : keys) {
    std::snprintf(line, sizeof line, " %-10.10s", k.c_str());
    head += line;
  }
  head +=
      " RECIST1.1      response    progression  iRECIST          iprogression timepoints (RECIST "
      "1.1 | iRECIST)\n";
  return head;
}

std::string ResponseTableCell(const std::string* value) {
  char line[64];
  std::snprintf(line, sizeof line, " %-10.10s", value ? value->c_str() : "");
  return line;
}

SplitRow ResponseTableRow(const SubjectResult& r) {
  SplitRow row;
  char line[512];
  std::snprintf(line, sizeof line, "%-14.14s %-6.6s", r.subject.empty() ? "?" : r.subject.c_str(),
                r.reader.c_str());
  row.prefix = line;
  if (!r.errors.empty()) {
    row.rest = " ERROR: " + r.errors.front() +
               (r.errors.size() > 1 ? " (+" + std::to_string(r.errors.size() - 1) + " more)" : "") +
               "\n";
    return row;
  }
  const auto date = [](const std::optional<Date>& d) {
    return d ? FormatIsoDate(*d) : std::string("-");
  };
  const auto course = [&](const std::optional<CriteriaResult>& c, bool irecist) {
    if (!c) return std::string("(not selected)");
    std::string s;
    for (const auto& t : c->timepoints)
      s += (s.empty() ? "" : " ") +
           std::string(irecist ? ToIRecistString(t.overall) : ToString(t.overall));
    return s;
  };
  std::snprintf(line, sizeof line, " %-14s %-11s %-12s %-16s %-12s %s | %s\n",
                r.recist11 ? ToString(r.recist11->best.best) : "-",
                r.recist11 ? date(r.recist11->best.response_date).c_str() : "-",
                r.recist11 ? date(r.recist11->best.progression_date).c_str() : "-",
                r.irecist ? ToIRecistString(r.irecist->best.best) : "-",
                r.irecist ? date(r.irecist->best.progression_date).c_str() : "-",
                course(r.recist11, false).c_str(), course(r.irecist, true).c_str());
  row.rest = line;
  return row;
}

std::string ResponseTable(const std::vector<SubjectResult>& results) {
  const auto keys = GroupKeys(results);
  std::string out = ResponseTableHeader(keys);
  for (const auto& r : results)
    out += JoinRow(ResponseTableRow(r), keys, r.groups, ResponseTableCell);
  return out;
}

}  // namespace nadir
