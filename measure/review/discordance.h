// Discordance between two reads of one subject: the rules an imaging charter switches on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "measure/review/criteria_read.h"

namespace nadir {

enum class DiscordanceRule { kBestResponse, kProgressionDate, kResponseDate };

/// "best_response", "progression_date", "response_date".
const char* ToString(DiscordanceRule rule);

/// Which differences make two reads discordant. Charters choose them; each is switchable.
struct DiscordanceRules {
  bool best_response = true;     // different best overall response
  bool progression_date = true;  // different date of progression (or only one read progressed)
  bool response_date = true;     // different date of response (or only one read responded)
  // Two dates agree when they are at most this many days apart (either way round).
  int date_tolerance_days = 0;
};

/// One reason two reads disagree, with each read's value as text ("PR", "2026-03-02", "none").
struct Discordance {
  Criteria criteria = Criteria::kRecist11;
  DiscordanceRule rule = DiscordanceRule::kBestResponse;
  std::string first;              // the first reader's value
  std::string second;             // the second reader's value
  std::optional<int> days_apart;  // for dates both present: |second - first|
  std::string Describe(const std::string& first_reader, const std::string& second_reader) const;
};

/// Whether two optional dates agree within `tolerance_days`: both absent, or both present and
/// at most that many days apart. One present and one absent never agree.
bool DatesAgree(const std::optional<Date>& a, const std::optional<Date>& b, int tolerance_days);

/// Every rule that `first` and `second` break under `rules`, in the order best response,
/// progression date, response date. Empty when the reads agree.
std::vector<Discordance> FindDiscordances(Criteria criteria, const CriteriaRead& first,
                                          const CriteriaRead& second,
                                          const DiscordanceRules& rules);

}  // namespace nadir
