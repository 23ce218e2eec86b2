// New lesions under iRECIST (Seymour 2017; shared/RECIST.md I2): which count, which are
// new-lesion targets, and what they show at each timepoint.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "measure/subject.h"

namespace nadir {

/// One new lesion that counts: unequivocal at some timepoint, counted from its first sighting
/// (an equivocal sighting confirmed later counts from then, as in RECIST 1.1 §4.3.5).
struct CountedNewLesion {
  std::string id;
  std::size_t first = 0;  // timepoint index (0 is the baseline, so always >= 1)
  bool target = false;    // new-lesion target (measured, in the new-lesion target sum)
  bool nodal = false;
};

/// I2: up to 5 measurable new lesions (at most 2 per organ), in order of first sighting, are
/// new-lesion targets unless the reader set `new_category`; measurability is judged at the
/// first sighting (long axis >= 10 mm, nodes short axis >= 15 mm, RECIST 1.1 §3.1).
/// `warnings` names each measurable lesion that found no place, and why.
std::vector<CountedNewLesion> PlanNewLesions(const Subject& subject,
                                             std::vector<std::string>* warnings = nullptr);

/// What the counted new lesions show at timepoint `t`.
struct NewLesionsAt {
  std::vector<std::string> present;     // counted and seen at t (equivocal or unequivocal)
  std::vector<std::string> appeared;    // first sighting at t
  std::vector<std::string> targets;     // new-lesion targets counted by t
  std::optional<double> target_sum_mm;  // null when a new-lesion target was not evaluated
  std::vector<std::string> nontargets_increased;  // new non-targets marked increased_since_last
};

NewLesionsAt NewLesionsAtTimepoint(const Subject& subject,
                                   const std::vector<CountedNewLesion>& plan, std::size_t t);

}  // namespace nadir
