#include "measure/review/discordance.h"

#include <cstdlib>

namespace nadir {

namespace {

std::string DateText(const std::optional<Date>& d) { return d ? FormatIsoDate(*d) : "none"; }

void CompareDates(Criteria criteria, DiscordanceRule rule, const std::optional<Date>& a,
                  const std::optional<Date>& b, int tolerance, std::vector<Discordance>& out) {
  if (DatesAgree(a, b, tolerance)) return;
  Discordance d{criteria, rule, DateText(a), DateText(b), std::nullopt};
  if (a && b) d.days_apart = std::abs(DaysBetween(*a, *b));
  out.push_back(std::move(d));
}

}  // namespace

const char* ToString(DiscordanceRule rule) {
  switch (rule) {
    case DiscordanceRule::kBestResponse:
      return "best_response";
    case DiscordanceRule::kProgressionDate:
      return "progression_date";
    case DiscordanceRule::kResponseDate:
      return "response_date";
  }
  return "?";
}

std::string Discordance::Describe(const std::string& first_reader,
                                  const std::string& second_reader) const {
  static const char* const kWhat[] = {"best overall response", "progression date", "response date"};
  std::string text = std::string(CriteriaName(criteria)) + " " + kWhat[int(rule)] + ": " +
                     first_reader + " " + first + ", " + second_reader + " " + second;
  if (days_apart) text += " (" + std::to_string(*days_apart) + " days apart)";
  return text;
}

bool DatesAgree(const std::optional<Date>& a, const std::optional<Date>& b, int tolerance_days) {
  if (!a || !b) return !a && !b;
  return std::abs(DaysBetween(*a, *b)) <= tolerance_days;
}

std::vector<Discordance> FindDiscordances(Criteria criteria, const CriteriaRead& first,
                                          const CriteriaRead& second,
                                          const DiscordanceRules& rules) {
  std::vector<Discordance> out;
  if (rules.best_response && first.best_response != second.best_response)
    out.push_back({criteria, DiscordanceRule::kBestResponse, first.best_response,
                   second.best_response, std::nullopt});
  if (rules.progression_date)
    CompareDates(criteria, DiscordanceRule::kProgressionDate, first.progression_date,
                 second.progression_date, rules.date_tolerance_days, out);
  if (rules.response_date)
    CompareDates(criteria, DiscordanceRule::kResponseDate, first.response_date,
                 second.response_date, rules.date_tolerance_days, out);
  return out;
}

}  // namespace nadir
