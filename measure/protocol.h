// Protocol parameters of the assessment file (shared/format/assessment-v1.md, "Protocol").
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace nadir {

enum class Criteria { kRecist11, kIRecist };

enum class DurationFrom {
  kResponse,  // duration of response from the first CR or PR (RECIST 1.1 §4.7)
  kControl,   // from the first CR, PR or SD (protocols such as the CD70 trial)
};

struct Protocol {
  std::vector<Criteria> criteria = {Criteria::kRecist11, Criteria::kIRecist};
  // RECIST 1.1 §4.6: single-arm trials need CR and PR confirmed by a later assessment.
  bool confirmation = true;
  // RECIST 1.1 §4.6: confirmation no less than 4 weeks after the response was first met.
  int confirm_min_days = 28;
  // RECIST 1.1 §4.4.3: SD must be met at least once this long after the start of treatment.
  int sd_min_days = 42;
  // RECIST 1.1 §4.3.2: a target lesion too small to measure counts as 5 mm.
  double too_small_mm = 5.0;
  // iRECIST I3: iUPD is confirmed at the next assessment 4 to 8 weeks later.
  int irecist_confirm_min_days = 28;
  int irecist_confirm_max_days = 56;
  // When set, best overall response only uses assessments up to this day after treatment start.
  std::optional<int> bor_window_days;
  DurationFrom dor_from = DurationFrom::kResponse;
};

}  // namespace nadir
