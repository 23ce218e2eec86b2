#include "formats/review/review_json.h"

#include <cmath>
#include <cstdio>

namespace nadir {

namespace {

using Json = nlohmann::ordered_json;

Json Round3(double v) { return std::round(v * 1000.0) / 1000.0; }
Json Share(int part, int whole) { return whole > 0 ? Round3(double(part) / whole) : Json(nullptr); }
Json DateOrNull(const std::optional<Date>& d) {
  return d ? Json(FormatIsoDate(*d)) : Json(nullptr);
}
Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json ReadJson(const ReaderRead& r, const ReviewOptions& options) {
  Json j;
  j["file"] = r.file;
  j["errors"] = r.errors;
  for (Criteria c : options.criteria) {
    const auto it = r.outcomes.find(c);
    if (it == r.outcomes.end()) {
      j[CriteriaName(c)] = nullptr;
      continue;
    }
    j[CriteriaName(c)] = {{"best_overall_response", it->second.best_response},
                          {"response_date", DateOrNull(it->second.response_date)},
                          {"progression_date", DateOrNull(it->second.progression_date)}};
  }
  return j;
}

Json SubjectJson(const SubjectReview& s, const ReviewOptions& options) {
  Json j;
  j["subject"] = s.subject;
  j["status"] = ToString(s.status);
  j["final_read"] = OrNull(s.final_read);
  j["final_file"] = OrNull(s.final_file);
  j["reads"] = Json::object();
  for (const auto& r : s.reads) j["reads"][r.reader] = ReadJson(r, options);
  j["discordance"] = Json::array();
  for (const auto& d : s.discordances)
    j["discordance"].push_back({{"criteria", CriteriaName(d.criteria)},
                                {"rule", ToString(d.rule)},
                                {options.readers[0], d.first},
                                {options.readers[1], d.second},
                                {"days_apart", d.days_apart ? Json(*d.days_apart) : Json(nullptr)},
                                {"text", d.Describe(options.readers[0], options.readers[1])}});
  if (s.adjudication) {
    const Adjudication& a = *s.adjudication;
    j["adjudication"] = {{"adjudicator", a.adjudicator},
                         {"chosen_reader", a.chosen_reader},
                         {"reason", a.reason},
                         {"decided_at", a.decided_at},
                         {"file", a.file}};
  } else {
    j["adjudication"] = nullptr;
  }
  j["notes"] = s.notes;
  return j;
}

Json CriteriaJson(const CriteriaAgreement& c, const ReviewOptions& options) {
  Json j;
  j["compared"] = c.compared;
  j["best_response_agreement"] = {{"agreeing", c.best_response_agreeing},
                                  {"share", Share(c.best_response_agreeing, c.compared)}};
  if (c.kappa)
    j["kappa"] = {{"value", Round3(c.kappa->kappa)},
                  {"lower95", Round3(c.kappa->lower95)},
                  {"upper95", Round3(c.kappa->upper95)},
                  {"standard_error", Round3(c.kappa->standard_error)},
                  {"observed_agreement", Round3(c.kappa->observed_agreement)},
                  {"expected_agreement", Round3(c.kappa->expected_agreement)}};
  else
    j["kappa"] = nullptr;
  j["progression_date"] = {
      {"compared", c.progression_compared},
      {"within_tolerance", c.progression_within_tolerance},
      {"tolerance_days", options.rules.date_tolerance_days},
      {"share", Share(c.progression_within_tolerance, c.progression_compared)}};
  j["best_response_table"] = {{"rows", options.readers[0]},
                              {"columns", options.readers[1]},
                              {"categories", c.categories},
                              {"counts", c.table}};
  return j;
}

}  // namespace

Json ReviewToJson(const Review& review) {
  const ReviewOptions& o = review.options;
  Json j;
  j["format"] = kReviewFormat;
  j["readers"] = o.readers;
  j["criteria"] = Json::array();
  for (Criteria c : o.criteria) j["criteria"].push_back(CriteriaName(c));
  j["rules"] = {{"best_response", o.rules.best_response},
                {"progression_date", o.rules.progression_date},
                {"response_date", o.rules.response_date},
                {"date_tolerance_days", o.rules.date_tolerance_days}};
  j["subjects"] = Json::array();
  if (o.readers.size() == 2)
    for (const auto& s : review.subjects) j["subjects"].push_back(SubjectJson(s, o));
  const TrialAgreement& t = review.agreement;
  Json a;
  a["subjects"] = t.subjects;
  a["with_two_reads"] = t.with_two_reads;
  a["agreed"] = t.agreed;
  a["pending"] = t.subjects - t.with_two_reads;
  for (const auto& c : t.by_criteria) a[CriteriaName(c.criteria)] = CriteriaJson(c, o);
  a["adjudication"] = {{"needed", t.needing_adjudication},
                       {"rate", Share(t.needing_adjudication, t.with_two_reads)},
                       {"done", t.adjudicated},
                       {"awaiting", t.needing_adjudication - t.adjudicated},
                       {"chose", t.adjudicator_chose}};
  j["agreement"] = a;
  j["problems"] = review.problems;
  return j;
}

std::string ReviewSummary(const Review& review) {
  const ReviewOptions& o = review.options;
  std::string out;
  char line[512];
  if (o.readers.size() != 2) return out;
  std::snprintf(line, sizeof line, "%-16s %-20s %-10s", "subject", "status", "final");
  out += line;
  for (Criteria c : o.criteria) {
    std::snprintf(line, sizeof line, " %-9s %-9s",
                  (std::string(CriteriaName(c)) + ":" + o.readers[0]).c_str(),
                  o.readers[1].c_str());
    out += line;
  }
  out += "\n";
  for (const auto& s : review.subjects) {
    std::snprintf(line, sizeof line, "%-16s %-20s %-10s", s.subject.c_str(), ToString(s.status),
                  s.final_read.empty() ? "-" : s.final_read.c_str());
    out += line;
    for (Criteria c : o.criteria) {
      for (const auto& reader : o.readers) {
        std::string code = "-";
        for (const auto& r : s.reads)
          if (r.reader == reader && r.outcomes.count(c)) code = r.outcomes.at(c).best_response;
        std::snprintf(line, sizeof line, " %-9s", code.c_str());
        out += line;
      }
    }
    out += "\n";
    for (const auto& d : s.discordances)
      out += "    " + d.Describe(o.readers[0], o.readers[1]) + "\n";
    for (const auto& n : s.notes) out += "    note: " + n + "\n";
  }
  const TrialAgreement& t = review.agreement;
  std::snprintf(
      line, sizeof line, "\n%d subjects: %d agreed, %d discordant (%d adjudicated), %d pending\n",
      t.subjects, t.agreed, t.needing_adjudication, t.adjudicated, t.subjects - t.with_two_reads);
  out += line;
  for (const auto& c : t.by_criteria) {
    std::snprintf(line, sizeof line, "%s: best response agrees in %d of %d",
                  CriteriaName(c.criteria), c.best_response_agreeing, c.compared);
    out += line;
    if (c.kappa)
      std::snprintf(line, sizeof line, "; kappa %.2f (95%% CI %.2f to %.2f)", c.kappa->kappa,
                    c.kappa->lower95, c.kappa->upper95);
    else
      std::snprintf(line, sizeof line, "; kappa undefined");
    out += line;
    std::snprintf(line, sizeof line, "; progression dates within %d days: %d of %d\n",
                  o.rules.date_tolerance_days, c.progression_within_tolerance,
                  c.progression_compared);
    out += line;
  }
  if (t.with_two_reads > 0) {
    std::snprintf(line, sizeof line, "adjudication rate %.0f%% (%d of %d);",
                  100.0 * t.needing_adjudication / t.with_two_reads, t.needing_adjudication,
                  t.with_two_reads);
    out += line;
    for (const auto& [reader, n] : t.adjudicator_chose)
      out += " chose " + reader + " " + std::to_string(n) + ";";
    out.back() = '\n';
  }
  return out;
}

}  // namespace nadir
