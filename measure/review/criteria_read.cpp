#include "measure/review/criteria_read.h"

namespace nadir {

const char* CriteriaName(Criteria criteria) {
  switch (criteria) {
    case Criteria::kRecist11:
      return "recist11";
    case Criteria::kIRecist:
      return "irecist";
  }
  return "?";
}

std::optional<Criteria> ParseCriteriaName(std::string_view name) {
  if (name == "recist11" || name == "RECIST1.1") return Criteria::kRecist11;
  if (name == "irecist" || name == "iRECIST") return Criteria::kIRecist;
  return std::nullopt;
}

std::optional<CriteriaRead> ReadUnder(const SubjectResult& result, Criteria criteria,
                                      std::string* why) {
  const auto fail = [&](std::string text) -> std::optional<CriteriaRead> {
    if (why) *why = std::move(text);
    return std::nullopt;
  };
  if (!result.errors.empty()) return fail("the read has errors: " + result.errors.front());
  switch (criteria) {
    case Criteria::kRecist11: {
      if (!result.recist11) return fail("no RECIST 1.1 results (not selected by its protocol)");
      const BestResponse& b = result.recist11->best;
      return CriteriaRead{ToString(b.best), b.response_date, b.progression_date};
    }
    case Criteria::kIRecist: {
      if (!result.irecist) return fail("no iRECIST results (not selected by its protocol)");
      // iRECIST I4: the progression date is that of confirmed progression (iCPD), dated from
      // the iUPD that opened the episode; an unconfirmed iUPD has none.
      const BestResponse& b = result.irecist->best;
      return CriteriaRead{ToIRecistString(b.best), b.response_date, b.progression_date};
    }
  }
  return fail("unknown criteria");
}

}  // namespace nadir
