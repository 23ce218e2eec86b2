// Calendar dates for timepoints, treatment start and survival: whole days, no time zone.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace nadir {

/// A calendar date stored as days since 1970-01-01 (proleptic Gregorian).
struct Date {
  int days = 0;

  auto operator<=>(const Date&) const = default;
  Date operator+(int d) const { return Date{days + d}; }
};

/// Whole days from `from` to `to` (negative when `to` is earlier).
inline int DaysBetween(Date from, Date to) { return to.days - from.days; }

/// Parses a strict ISO 8601 calendar date `YYYY-MM-DD`; nullopt for anything else or an
/// impossible date (2026-02-30).
std::optional<Date> ParseIsoDate(std::string_view text);

/// Formats as `YYYY-MM-DD`.
std::string FormatIsoDate(Date date);

}  // namespace nadir
