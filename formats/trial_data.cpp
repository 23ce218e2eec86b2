#include "formats/trial_data.h"

#include <cctype>
#include <cmath>
#include <filesystem>
#include <set>
#include <utility>

#include "formats/assessment_json.h"
#include "formats/csv_table.h"

namespace nadir {

namespace {

// Units accepted per analyte, with the factor to the reporting unit (the first).
struct UnitFactor {
  const char* unit;
  double factor;
};
struct AnalyteUnits {
  const char* analyte;
  std::vector<UnitFactor> units;
};
const std::vector<AnalyteUnits>& KnownAnalytes() {
  static const std::vector<AnalyteUnits> k = {
      {"CRP", {{"mg/L", 1}, {"mg/dL", 10}}},
      {"IL-6", {{"pg/mL", 1}, {"ng/L", 1}}},
      {"ferritin", {{"ng/mL", 1}, {"ug/L", 1}, {"µg/L", 1}}},
  };
  return k;
}

// CAR-T levels in blood: transgene copies by qPCR or cells by flow cytometry.
const std::set<std::string>& KineticsUnits() {
  static const std::set<std::string> k = {"copies/ug DNA", "copies/µg DNA", "cells/uL",
                                          "cells/µL",      "cells/mL",      "% of CD3+"};
  return k;
}

std::string Trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// Reads one table: reports missing columns (then nothing is read) and parse errors.
class Rows {
 public:
  Rows(const std::string& file, const std::string& text, std::vector<const char*> required,
       TrialData& out)
      : file_(file), out_(out), table_(ParseCsv(text)) {
    for (const auto& e : table_.errors) out_.errors.push_back(file_ + ": " + e);
    for (const char* c : required)
      if (!table_.Column(c)) {
        out_.errors.push_back(file_ + ": column '" + c + "' missing (header: " + JoinHeader() +
                              "); no row read");
        ok_ = false;
      }
  }
  bool ok() const { return ok_; }
  size_t size() const { return table_.rows.size(); }
  void Select(size_t r) { row_ = r; }
  int line() const { return table_.lines[row_]; }
  bool Has(const char* column) const { return table_.Column(column).has_value(); }
  std::string Get(const char* column) const {
    const auto c = table_.Column(column);
    return c ? Trim(table_.rows[row_][*c]) : "";
  }
  // Records an error about this row's `column`; returns false for chaining.
  bool Error(const char* column, const std::string& why) {
    out_.errors.push_back(file_ + ": line " + std::to_string(line()) + ", column " + column +
                          ": '" + Get(column) + "': " + why);
    return false;
  }
  std::optional<Date> DateField(const char* column, bool required) {
    const std::string v = Get(column);
    if (v.empty()) {
      if (required) Error(column, "missing (an ISO date YYYY-MM-DD)");
      return std::nullopt;
    }
    const auto d = ParseIsoDate(v);
    if (!d) Error(column, "not an ISO date YYYY-MM-DD");
    return d;
  }
  std::optional<bool> Flag(const char* column) {
    const std::string v = Get(column);
    if (v == "Y") return true;
    if (v == "N") return false;
    Error(column, "expected Y or N");
    return std::nullopt;
  }
  std::optional<double> Number(const char* column) {
    const std::string v = Get(column);
    try {
      size_t used = 0;
      const double d = std::stod(v, &used);
      if (used == v.size() && std::isfinite(d)) return d;
    } catch (const std::exception&) {
    }
    Error(column, v.empty() ? "missing (a number)" : "not a number");
    return std::nullopt;
  }
  // The subject's day 0, or an error when the subject is unknown or untreated.
  std::optional<Date> Subject(const TrialSubjects& subjects) {
    const auto it = subjects.find(Get("subject"));
    if (it == subjects.end()) {
      Error("subject", "not a subject of the trial (no assessment file)");
      return std::nullopt;
    }
    if (!it->second) Error("subject", "has no treatment_start in its assessment file");
    return it->second;
  }

 private:
  std::string JoinHeader() const {
    std::string h;
    for (const auto& c : table_.header) h += (h.empty() ? "" : ",") + c;
    return h;
  }
  std::string file_;
  TrialData& out_;
  CsvTable table_;
  size_t row_ = 0;
  bool ok_ = true;
};

}  // namespace

void ParseAdverseEvents(const std::string& file, const std::string& text,
                        const TrialSubjects& subjects, TrialData& out) {
  Rows rows(file, text,
            {"subject", "term", "soc", "grade", "onset", "end", "serious", "related", "dlt"}, out);
  if (!rows.ok()) return;
  for (size_t r = 0; r < rows.size(); ++r) {
    rows.Select(r);
    stats::AdverseEvent e;
    e.subject = rows.Get("subject");
    const auto day0 = rows.Subject(subjects);
    bool ok = day0.has_value();
    e.term = rows.Get("term");
    e.soc = rows.Get("soc");
    if (e.term.empty()) ok = rows.Error("term", "missing (a MedDRA preferred term)");
    if (e.soc.empty()) ok = rows.Error("soc", "missing (a MedDRA system organ class)");
    const std::string g = rows.Get("grade");
    if (g.size() == 1 && g[0] >= '0' + stats::kMinGrade && g[0] <= '0' + stats::kMaxGrade)
      e.grade = g[0] - '0';
    else
      ok = rows.Error("grade", "not a CTCAE v5.0 grade (1 to 5)");
    const auto onset = rows.DateField("onset", true);
    const auto end = rows.DateField("end", false);
    ok &= onset.has_value() && (end.has_value() || rows.Get("end").empty());
    if (onset) e.onset = *onset;
    e.end = end;
    if (onset && end && *end < *onset)
      ok = rows.Error("end", "before the onset " + rows.Get("onset"));
    const auto serious = rows.Flag("serious"), related = rows.Flag("related"),
               dlt = rows.Flag("dlt");
    ok &= serious && related && dlt;
    e.serious = serious.value_or(false);
    e.related = related.value_or(false);
    e.dlt = dlt.value_or(false);
    if (ok && e.dlt && e.onset < *day0)
      ok = rows.Error("onset", "a DLT before infusion (" + FormatIsoDate(*day0) + ")");
    if (ok) out.adverse_events.push_back(e);
  }
}

void ParseKinetics(const std::string& file, const std::string& text, const TrialSubjects& subjects,
                   TrialData& out) {
  Rows rows(file, text, {"subject", "day", "value"}, out);
  if (!rows.ok()) return;
  const bool with_unit = rows.Has("unit"), with_blq = rows.Has("blq");
  std::map<std::string, std::set<double>> seen;
  for (size_t r = 0; r < rows.size(); ++r) {
    rows.Select(r);
    bool ok = rows.Subject(subjects).has_value();
    stats::LevelSample s;
    const auto day = rows.Number("day");
    ok &= day.has_value();
    if (day && *day < 0) ok = rows.Error("day", "before infusion (day 0 = treatment_start)");
    if (day) s.time = *day;
    if (with_blq) {
      const auto blq = rows.Flag("blq");
      ok &= blq.has_value();
      s.blq = blq.value_or(false);
    }
    const std::string text = rows.Get("value");
    if (!text.empty() && (text[0] == '<' || std::isalpha(static_cast<unsigned char>(text[0])))) {
      ok = rows.Error("value",
                      "below the limit written as text: write Y in a 'blq' column and "
                      "leave the value empty (or give the limit as a number)");
    } else if (!s.blq) {
      const auto v = rows.Number("value");
      ok &= v.has_value();
      if (v && *v < 0) ok = rows.Error("value", "negative");
      s.value = v.value_or(0);
    } else if (!rows.Get("value").empty() && !rows.Number("value")) {
      ok = false;  // a BLQ row may leave the value empty, or give the limit as a number
    }
    if (with_unit) {
      const std::string u = rows.Get("unit");
      if (u.empty())
        ok = rows.Error("unit", "missing");
      else if (!KineticsUnits().count(u))
        ok = rows.Error("unit",
                        "not a unit of CAR-T levels (copies/ug DNA, cells/uL, cells/mL, "
                        "% of CD3+)");
      else if (out.kinetics_unit.empty())
        out.kinetics_unit = u;
      else if (u != out.kinetics_unit)
        ok = rows.Error("unit", "differs from the file's first unit, " + out.kinetics_unit);
    }
    const std::string id = rows.Get("subject");
    if (ok && !seen[id].insert(s.time).second)
      ok = rows.Error("day", "a second sample of " + id + " on this day");
    if (ok) out.kinetics[id].push_back(s);
  }
}

void ParseLabs(const std::string& file, const std::string& text, const TrialSubjects& subjects,
               TrialData& out) {
  Rows rows(file, text, {"subject", "analyte", "day", "value", "unit"}, out);
  if (!rows.ok()) return;
  std::map<std::string, std::string> other_units;  // analytes we do not know: one unit each
  for (size_t r = 0; r < rows.size(); ++r) {
    rows.Select(r);
    bool ok = rows.Subject(subjects).has_value();
    LabRecord l;
    l.subject = rows.Get("subject");
    l.analyte = rows.Get("analyte");
    if (l.analyte.empty()) ok = rows.Error("analyte", "missing");
    const auto day = rows.Number("day");
    const auto value = rows.Number("value");
    ok &= day && value;
    l.day = day.value_or(0);
    l.value = value.value_or(0);
    if (value && *value < 0) ok = rows.Error("value", "negative");
    const std::string unit = rows.Get("unit");
    const AnalyteUnits* known = nullptr;
    for (const auto& a : KnownAnalytes())
      if (l.analyte == a.analyte) known = &a;
    if (unit.empty()) {
      ok = rows.Error("unit", "missing");
    } else if (known) {
      const UnitFactor* f = nullptr;
      for (const auto& u : known->units)
        if (unit == u.unit) f = &u;
      if (!f) {
        std::string list;
        for (const auto& u : known->units) list += (list.empty() ? "" : ", ") + std::string(u.unit);
        ok = rows.Error("unit", "not a unit of " + l.analyte + " (" + list + ")");
      } else {
        l.value *= f->factor;
        l.unit = known->units.front().unit;
      }
    } else {
      auto [it, first] = other_units.emplace(l.analyte, unit);
      if (!first && it->second != unit)
        ok = rows.Error("unit", "differs from the first unit of " + l.analyte + ", " + it->second);
      l.unit = unit;
    }
    if (ok) out.labs.push_back(l);
  }
}

namespace {
// The trial's CSV files and their readers: what HasTrialData looks for is what ReadTrialData reads.
using Parser = void (*)(const std::string&, const std::string&, const TrialSubjects&, TrialData&);
constexpr std::pair<const char*, Parser> kTrialDataFiles[] = {
    {kAdverseEventsFile, &ParseAdverseEvents},
    {kKineticsFile, &ParseKinetics},
    {kLabsFile, &ParseLabs}};
}  // namespace

bool HasTrialData(const std::vector<std::string>& folders) {
  for (const auto& folder : folders)
    for (const auto& [name, parse] : kTrialDataFiles) {
      std::error_code ec;
      if (std::filesystem::exists(std::filesystem::path(folder) / name, ec)) return true;
    }
  return false;
}

TrialData ReadTrialData(const std::vector<std::string>& folders, const TrialSubjects& subjects) {
  TrialData out;
  for (const auto& folder : folders)
    for (const auto& [name, parse] : kTrialDataFiles) {
      const std::string path = (std::filesystem::path(folder) / name).string();
      if (!std::filesystem::exists(path)) continue;
      const auto text = ReadTextFile(path);
      if (!text) {
        out.errors.push_back(path + ": cannot open or read the file");
        continue;
      }
      out.files_read.push_back(path);
      parse(path, *text, subjects, out);
    }
  return out;
}

}  // namespace nadir
