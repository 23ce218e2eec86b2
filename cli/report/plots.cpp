#include "plots.h"

#include <map>

#include "stats/group_endpoints.h"

namespace nadir::report {

std::vector<std::pair<std::string, std::vector<size_t>>> Panels(const CriteriaReport& c,
                                                                const std::string& label) {
  std::map<std::string, std::vector<size_t>> m;
  for (size_t i = 0; i < c.outcomes.size(); ++i) {
    if (!c.outcomes[i].treated) continue;
    m[label.empty() ? "all" : stats::GroupValue(c.outcomes[i], label)].push_back(i);
  }
  return {m.begin(), m.end()};
}

std::string CriteriaTitle(Criteria c) { return c == Criteria::kRecist11 ? "RECIST 1.1" : "iRECIST"; }

const char* EndpointName(Endpoint e) {
  switch (e) {
    case Endpoint::kPfs: return "Progression-free survival";
    case Endpoint::kOs: return "Overall survival";
    case Endpoint::kDor: return "Duration of response";
  }
  return "";
}

const char* EndpointKey(Endpoint e) {
  switch (e) {
    case Endpoint::kPfs: return "pfs";
    case Endpoint::kOs: return "os";
    case Endpoint::kDor: return "dor";
  }
  return "";
}

}  // namespace nadir::report
