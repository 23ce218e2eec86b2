#include "cli/report/report_tables.h"

#include <iterator>
#include <map>

#include "cli/report/plots.h"
#include "cli/report/report_safety_tables.h"
#include "cli/report/text_format.h"

namespace nadir::report {

namespace {

int Count(const stats::GroupEndpoints& g, Response r) {
  const auto it = g.best_counts.find(r);
  return it == g.best_counts.end() ? 0 : it->second;
}

// Best-response columns: one set for both criteria, so that endpoints.csv has one header.
// Under iRECIST the progression column counts iCPD, and iUPD has its own (iRECIST I8).
constexpr Response kBorOrder[] = {Response::kCR,         Response::kPR, Response::kSD,
                                  Response::kNonCRNonPD, Response::kPD, Response::kUPD,
                                  Response::kNE};
constexpr const char* kBorColumns[] = {"n_CR",         "n_PR",   "n_SD", "n_NONCR_NONPD",
                                       "n_PD_or_iCPD", "n_iUPD", "n_NE"};

// The count of column `b`: under iRECIST the progression column holds iCPD.
int CountColumn(const stats::GroupEndpoints& g, Response b, Criteria c) {
  if (c == Criteria::kIRecist && b == Response::kPD) return Count(g, Response::kCPD);
  return Count(g, b);
}

// Column title in the Markdown table: the criteria's own code.
std::string ColumnCode(Response b, Criteria c) {
  if (c == Criteria::kIRecist && b == Response::kPD) return "iCPD";
  if (c == Criteria::kRecist11 && b == Response::kUPD) return "";
  return stats::ResponseCode(b, c);
}

// Columns of one time-to-event endpoint.
void TteHeader(const std::string& p, const stats::EndpointOptions& o, std::vector<std::string>& h) {
  for (const char* c : {"_n", "_events", "_censored", "_median_months", "_median_ci_low_months",
                        "_median_ci_high_months"})
    h.push_back(p + c);
  for (double m : o.landmark_months) {
    const std::string l = p + "_" + Num(m, 0) + "m";
    h.insert(h.end(), {l + "_pct", l + "_ci_low_pct", l + "_ci_high_pct"});
  }
}

void TteRow(const stats::TimeToEventSummary& s, std::vector<std::string>& row) {
  row.push_back(std::to_string(s.n));
  row.push_back(std::to_string(s.events));
  row.push_back(std::to_string(s.censored));
  row.push_back(Num(Months(s.median.median), 1));
  row.push_back(Num(Months(s.median.ci_low), 1));
  row.push_back(Num(Months(s.median.ci_high), 1));
  for (const auto& l : s.landmarks) {
    if (!l.estimate) {
      row.insert(row.end(), {"", "", ""});
      continue;
    }
    row.push_back(Num(100 * l.estimate->survival, 1));
    row.push_back(Num(100 * l.estimate->ci_low, 1));
    row.push_back(Num(100 * l.estimate->ci_high, 1));
  }
}

std::string Code(Response r, Criteria c) { return stats::ResponseCode(r, c); }

// The listing's columns between the labels and the covariates.
constexpr const char* kListingColumns[] = {
    "treated",          "evaluable",       "best_response",
    "best_change_pct",  "treatment_start", "response_date",
    "progression_date", "death_date",      "last_adequate_assessment",
    "pfs_days",         "pfs_event",       "pfs_event_or_censoring",
    "os_days",          "os_event",        "os_event_or_censoring",
    "dor_days",         "dor_event"};

// "8.3 (4.1-NR)" in months; NR where not reached.
std::string MedianText(const stats::MedianEstimate& m) {
  return Num(Months(m.median), 1, "NR") + " (" + Num(Months(m.ci_low), 1, "NR") + "-" +
         Num(Months(m.ci_high), 1, "NR") + ")";
}

std::string LandmarkText(const stats::Landmark& l) {
  if (!l.estimate) return "-";
  return Num(100 * l.estimate->survival, 0) + "% (" + Num(100 * l.estimate->ci_low, 0) + "-" +
         Num(100 * l.estimate->ci_high, 0) + ")";
}

const char* TransformName(stats::CiTransform t) {
  switch (t) {
    case stats::CiTransform::kPlain:
      return "plain (linear)";
    case stats::CiTransform::kLog:
      return "log";
    case stats::CiTransform::kLogLog:
      return "log-log";
  }
  return "?";
}

}  // namespace

std::string EndpointsCsv(const Report& r) {
  std::vector<std::string> h = {"criteria", "definition", "group", "n", "evaluable"};
  for (const char* col : kBorColumns) h.push_back(col);
  for (const char* c : {"orr_k", "orr_pct", "orr_ci_low_pct", "orr_ci_high_pct", "dcr_k", "dcr_pct",
                        "dcr_ci_low_pct", "dcr_ci_high_pct"})
    h.push_back(c);
  for (const char* p : {"pfs", "os", "dor"}) TteHeader(p, r.options, h);
  std::string out = CsvRow(h);
  for (const auto& c : r.criteria)
    for (const auto& g : c.groups) {
      std::vector<std::string> row = {c.key, c.definition, g.key, std::to_string(g.n),
                                      std::to_string(g.evaluable)};
      for (Response b : kBorOrder) row.push_back(std::to_string(CountColumn(g, b, c.criteria)));
      for (const auto* p : {&g.orr, &g.dcr}) {
        row.push_back(std::to_string(p->k));
        row.push_back(Num(100 * p->rate, 1));
        row.push_back(Num(100 * p->ci_low, 1));
        row.push_back(Num(100 * p->ci_high, 1));
      }
      TteRow(g.pfs, row);
      TteRow(g.os, row);
      TteRow(g.dor, row);
      out += CsvRow(row);
    }
  return out;
}

std::vector<std::string> ListingRecord(const Subject& s, const stats::SubjectOutcome& o) {
  // subject, file, the labels (count, then name and value), the fixed columns, the covariates
  // (count, then name and value), notes: the columns that depend on every subject are filled
  // in when the listing is written.
  std::vector<std::string> rec = {o.subject, o.file, std::to_string(o.groups.size())};
  for (const auto& [k, v] : o.groups) rec.insert(rec.end(), {k, v});
  rec.push_back(o.treated ? "Y" : "N");
  rec.push_back(o.evaluable ? "Y" : "N");
  rec.push_back(o.best ? Code(*o.best, o.criteria) : "");
  rec.push_back(Num(o.best_change_pct, 1));
  rec.push_back(IsoDate(s.treatment_start));
  rec.push_back(IsoDate(o.response_date));
  rec.push_back(IsoDate(o.progression_date));
  rec.push_back(IsoDate(o.death_date));
  rec.push_back(IsoDate(o.last_adequate_assessment));
  for (const auto* t : {&o.pfs, &o.os}) {
    rec.push_back(Num(t->obs.time, 0));
    rec.push_back(t->obs.event ? "1" : "0");
    rec.push_back(t->obs.event ? t->event_kind : "censored: " + t->censor_reason);
  }
  rec.push_back(o.dor ? Num(o.dor->obs.time, 0) : "");
  rec.push_back(o.dor ? (o.dor->obs.event ? "1" : "0") : "");
  rec.push_back(std::to_string(o.covariates.size()));
  for (const auto& [k, v] : o.covariates) rec.insert(rec.end(), {k, Num(v, 2)});
  std::string notes;
  for (const auto& n : o.notes) notes += (notes.empty() ? "" : "; ") + n;
  rec.push_back(notes);
  return rec;
}

bool WriteListingCsv(const Report& r, const TextSink& sink) {
  const auto& labels = r.listings->labels;
  const auto& covariates = r.listings->covariates;
  std::vector<std::string> h = {"criteria", "definition", "subject", "file"};
  h.insert(h.end(), labels.begin(), labels.end());
  for (const char* c : kListingColumns) h.push_back(c);
  h.insert(h.end(), covariates.begin(), covariates.end());
  h.push_back("notes");
  bool ok = sink(CsvRow(h));
  std::map<std::string, std::string> named;
  for (const auto& c : r.criteria) {
    const auto visit = [&](const std::vector<std::string>& rec) {
      std::vector<std::string> row = {c.key, c.definition, rec.at(0), rec.at(1)};
      size_t i = 2;
      // Cells `name, value` x count from rec[i], read into `named`.
      const auto read_named = [&] {
        named.clear();
        const size_t n = std::stoul(rec.at(i++));
        for (size_t k = 0; k < n; ++k, i += 2) named[rec.at(i)] = rec.at(i + 1);
      };
      const auto cell = [&](const std::string& name) {
        const auto it = named.find(name);
        return it == named.end() ? std::string() : it->second;
      };
      read_named();
      for (const auto& l : labels) row.push_back(cell(l));
      for (size_t k = 0; k < std::size(kListingColumns); ++k) row.push_back(rec.at(i++));
      read_named();
      for (const auto& k : covariates) row.push_back(cell(k));
      row.push_back(rec.at(i));
      return sink(CsvRow(row));
    };
    ok = ok && r.listings->listing[CriteriaIndex(c.criteria)][c.whole_course_variant].ForEachRecord(
                   visit);
  }
  return ok;
}

std::string ListingCsv(const Report& r) { return Collect(r, WriteListingCsv); }

std::string CovariatesCsv(const Report& r) {
  std::string out = CsvRow({"criteria",
                            "definition",
                            "covariate",
                            "band",
                            "n",
                            "orr_k",
                            "orr_pct",
                            "orr_ci_low_pct",
                            "orr_ci_high_pct",
                            "dcr_k",
                            "dcr_pct",
                            "dcr_ci_low_pct",
                            "dcr_ci_high_pct",
                            "n_control",
                            "n_no_control",
                            "median_control",
                            "median_no_control",
                            "rank_sum_w",
                            "p_value",
                            "p_method",
                            "missing"});
  for (const auto& c : r.criteria)
    for (const auto& a : c.covariates) {
      const std::string method = a.test.exact ? "exact" : "normal approximation";
      for (const auto& b : a.bands.bands)
        out += CsvRow({c.key,
                       c.definition,
                       a.name,
                       b.label,
                       std::to_string(b.orr.n),
                       std::to_string(b.orr.k),
                       Num(100 * b.orr.rate, 1),
                       Num(100 * b.orr.ci_low, 1),
                       Num(100 * b.orr.ci_high, 1),
                       std::to_string(b.dcr.k),
                       Num(100 * b.dcr.rate, 1),
                       Num(100 * b.dcr.ci_low, 1),
                       Num(100 * b.dcr.ci_high, 1),
                       std::to_string(a.with_control),
                       std::to_string(a.without_control),
                       Num(a.median_with_control, 2),
                       Num(a.median_without_control, 2),
                       Num(a.test.w, 1),
                       Num(a.test.p_value, 4),
                       method,
                       std::to_string(a.missing)});
    }
  return out;
}

std::string ReportMarkdown(const Report& r) {
  std::string md = "# Trial endpoints: " + r.study + "\n\n";
  md += std::to_string(r.subjects_read) + " subjects read";
  if (!r.unreadable.empty()) md += ", " + std::to_string(r.unreadable.size()) + " files unreadable";
  md +=
      ". Analysis set: every treated subject (with `treatment_start`); subjects without a "
      "post-baseline response count in the denominator as not evaluable (NE).\n\n";
  for (const auto& c : r.criteria) {
    const std::string crit = CriteriaTitle(c);
    std::vector<Response> columns;
    for (Response b : kBorOrder)
      if (!ColumnCode(b, c.criteria).empty()) columns.push_back(b);
    md += "## " + crit + ": best overall response, ORR and DCR\n\n| group | n |";
    for (Response b : columns) md += " " + ColumnCode(b, c.criteria) + " |";
    md += " ORR % (95% CI) | DCR % (95% CI) |\n|---|---:|";
    for (size_t i = 0; i < columns.size(); ++i) md += "---:|";
    md += "---|---|\n";
    for (const auto& g : c.groups) {
      md += "| " + g.key + " | " + std::to_string(g.n) + " |";
      for (Response b : columns) md += " " + std::to_string(CountColumn(g, b, c.criteria)) + " |";
      md += " " + std::to_string(g.orr.k) + " " + PercentWithCi(g.orr) + " | " +
            std::to_string(g.dcr.k) + " " + PercentWithCi(g.dcr) + " |\n";
    }
    md += "\n## " + crit +
          ": time to event (months)\n\n| group | endpoint | n | events | "
          "median (95% CI) |";
    for (double m : r.options.landmark_months) md += " " + Num(m, 0) + " mo |";
    md += "\n|---|---|---:|---:|---|";
    for (size_t i = 0; i < r.options.landmark_months.size(); ++i) md += "---|";
    md += "\n";
    for (const auto& g : c.groups)
      for (const auto& [name, s] : {std::pair{"PFS", &g.pfs}, {"OS", &g.os}, {"DOR", &g.dor}}) {
        md += "| " + g.key + " | " + name + " | " + std::to_string(s->n) + " | " +
              std::to_string(s->events) + " | " + (s->n ? MedianText(s->median) : "-") + " |";
        for (const auto& l : s->landmarks) md += " " + LandmarkText(l) + " |";
        md += "\n";
      }
    for (const auto& a : c.covariates) {
      md += "\n## " + crit + ": " + a.name + " and disease control\n\n";
      md += "With disease control: n = " + std::to_string(a.with_control) + ", median " +
            Num(a.median_with_control, 1, "-") +
            "; without: n = " + std::to_string(a.without_control) + ", median " +
            Num(a.median_without_control, 1, "-") + ". Wilcoxon rank-sum W = " + Num(a.test.w, 1) +
            ", two-sided p = " + Num(a.test.p_value, 4) + " (" +
            (a.test.exact ? "exact" : "normal approximation with tie and continuity correction") +
            "). Missing: " + std::to_string(a.missing) + ".\n\n";
      md += std::string("| band (") + (a.tertiles ? "tertiles" : "given cuts") +
            ") | n | ORR % (95% CI) | DCR % (95% CI) |\n|---|---:|---|---|\n";
      for (const auto& b : a.bands.bands)
        md += "| " + b.label + " | " + std::to_string(b.orr.n) + " | " + std::to_string(b.orr.k) +
              " " + PercentWithCi(b.orr) + " | " + std::to_string(b.dcr.k) + " " +
              PercentWithCi(b.dcr) + " |\n";
    }
    md += "\n";
  }
  md += SafetyMarkdown(r.safety);
  md += "## Methods\n\n";
  md +=
      "- ORR: best overall response CR or PR; DCR: CR, PR, SD or NON-CR/NON-PD; both over "
      "the treated subjects, with exact two-sided " +
      Num(100 * r.options.level, 0) + " % Clopper-Pearson intervals.\n";
  md +=
      "- PFS: treatment start to the first progression or death, censored at the last "
      "adequate assessment (day 0 without one). OS: to death, censored at last known alive. "
      "DOR: responders, from the response (or disease control, `dor_from: control`) to "
      "progression or death.\n";
  md += std::string("- Kaplan-Meier estimates with Greenwood standard errors; ") +
        TransformName(r.options.transform) +
        "-transformed pointwise intervals; median with the Brookmeyer-Crowley interval on the "
        "same scale; NR = not reached. Months are days / 30.4375.\n";
  md +=
      "- Covariates: Wilcoxon rank-sum test between subjects with and without disease "
      "control (exact when both groups have < 50 subjects and no ties); bands are tertiles "
      "(Hyndman-Fan type 7) unless cut points were given.\n";
  for (const auto& m : r.criteria_missing) md += "- Not reported: " + m + ".\n";
  for (const auto& u : r.unreadable) md += "- Unreadable: " + u + "\n";
  return md;
}

}  // namespace nadir::report
