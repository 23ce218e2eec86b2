#include "measure/irecist_new_lesions.h"

#include <map>

#include "measure/rules.h"

namespace nadir {

namespace {

bool Seen(const LesionRecord* l) {
  return l && (l->state == LesionState::kEquivocal || l->state == LesionState::kUnequivocal);
}

std::optional<double> Diameter(const LesionRecord& l) {
  return l.nodal ? l.short_axis_mm : l.long_axis_mm;
}

bool Measurable(const LesionRecord& l) {
  const auto d = Diameter(l);
  return d && *d >= (l.nodal ? kMeasurableNodeShortAxisMm : kMeasurableLongAxisMm);
}

}  // namespace

std::vector<CountedNewLesion> PlanNewLesions(const Subject& s, std::vector<std::string>* warnings) {
  std::vector<CountedNewLesion> plan;
  std::map<std::string, int> per_organ;
  int targets = 0;
  std::set<std::string> done;
  for (std::size_t t = 1; t < s.timepoints.size(); ++t) {
    for (const LesionRecord& l : s.timepoints[t].lesions) {
      if (l.kind != LesionKind::kNew || !Seen(&l) || done.count(l.id)) continue;
      bool confirmed = l.state == LesionState::kUnequivocal;
      for (std::size_t u = t + 1; u < s.timepoints.size() && !confirmed; ++u) {
        const LesionRecord* later = s.timepoints[u].Find(l.id);
        confirmed = later && later->state == LesionState::kUnequivocal;
      }
      if (!confirmed) continue;  // an equivocal lesion never confirmed does not count
      done.insert(l.id);
      CountedNewLesion c{l.id, t, false, l.nodal};
      const std::string organ = OrganOf(l);
      if (l.new_category == NewLesionCategory::kTarget) {
        c.target = true;
      } else if (l.new_category == NewLesionCategory::kAutomatic && Measurable(l)) {
        if (targets >= kMaxTargets) {
          if (warnings)
            warnings->push_back("new lesion " + l.id + " is measurable but " +
                                std::to_string(kMaxTargets) +
                                " new-lesion targets are already chosen: new-lesion non-target "
                                "(iRECIST I2)");
        } else if (per_organ[organ] >= kMaxTargetsPerOrgan) {
          if (warnings)
            warnings->push_back("new lesion " + l.id + " is measurable but " + organ +
                                " already has " + std::to_string(kMaxTargetsPerOrgan) +
                                " new-lesion targets: new-lesion non-target (iRECIST I2)");
        } else {
          c.target = true;
        }
      }
      if (c.target) {
        ++targets;
        ++per_organ[organ];
      }
      plan.push_back(c);
    }
  }
  return plan;
}

NewLesionsAt NewLesionsAtTimepoint(const Subject& s, const std::vector<CountedNewLesion>& plan,
                                   std::size_t t) {
  NewLesionsAt at;
  double sum = 0.0;
  bool sum_known = true;
  for (const auto& c : plan) {
    if (c.first > t) continue;
    const LesionRecord* l = s.timepoints[t].Find(c.id);
    if (Seen(l)) at.present.push_back(c.id);
    if (c.first == t) at.appeared.push_back(c.id);
    if (!c.target) {
      if (l && l->increased_since_last && Seen(l)) at.nontargets_increased.push_back(c.id);
      continue;
    }
    at.targets.push_back(c.id);
    if (l && l->state == LesionState::kAbsent) continue;  // gone: 0 mm
    const auto d = l && Seen(l) ? Diameter(*l) : std::nullopt;
    if (d)
      sum += *d;
    else
      sum_known = false;
  }
  if (sum_known) at.target_sum_mm = sum;
  return at;
}

}  // namespace nadir
