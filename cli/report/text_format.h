// Small text helpers shared by the report writers: CSV fields, numbers, percentages, months.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "measure/date.h"
#include "measure/stats/binomial_ci.h"

namespace nadir::report {

/// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
std::string Csv(const std::string& field);

/// A CSV row (RFC 4180) ending in a line break: a field is quoted when it holds a comma, quote
/// or line break.
std::string CsvRow(const std::vector<std::string>& fields);

/// A number with `decimals` decimals; "" (CSV) or "NR"/"-" for none, as the caller passes.
std::string Num(double v, int decimals);
std::string Num(const std::optional<double>& v, int decimals, const std::string& none = "");
std::string IsoDate(const std::optional<nadir::Date>& d);

/// "40.0 (5.3-85.3)": a proportion as percentages with its interval.
std::string PercentWithCi(const stats::Proportion& p);

/// Days to months (stats::kDaysPerMonth).
double Months(double days);
std::optional<double> Months(const std::optional<double>& days);

}  // namespace nadir::report
