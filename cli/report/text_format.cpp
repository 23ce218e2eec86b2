#include "cli/report/text_format.h"

#include <cstdio>

#include "measure/stats/kaplan_meier.h"

namespace nadir::report {

namespace {
// Appends `field` to `out` as one CSV field, quoting it when needed.
void AppendCsv(std::string& out, const std::string& field) {
  if (field.find_first_of(",\"\n\r") == std::string::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}
}  // namespace

std::string Csv(const std::string& field) {
  std::string out;
  AppendCsv(out, field);
  return out;
}

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string out;
  out.reserve(16 * fields.size());
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    AppendCsv(out, fields[i]);
  }
  out += '\n';
  return out;
}

std::string Num(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string Num(const std::optional<double>& v, int decimals, const std::string& none) {
  return v ? Num(*v, decimals) : none;
}

std::string IsoDate(const std::optional<nadir::Date>& d) { return d ? FormatIsoDate(*d) : ""; }

std::string PercentWithCi(const stats::Proportion& p) {
  return Num(100 * p.rate, 1) + " (" + Num(100 * p.ci_low, 1) + "-" + Num(100 * p.ci_high, 1) + ")";
}

double Months(double days) { return days / stats::kDaysPerMonth; }

std::optional<double> Months(const std::optional<double>& days) {
  return days ? std::optional<double>(Months(*days)) : std::nullopt;
}

}  // namespace nadir::report
