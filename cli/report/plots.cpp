#include "cli/report/plots.h"

#include <map>

#include "measure/stats/group_endpoints.h"

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

std::string SampleNote(const Report& r) {
  if (r.plot_every <= 1) return "";
  return "; drawn: 1 in " + std::to_string(r.plot_every) + " of the " +
         std::to_string(r.subjects_read) + " subjects, in file order";
}

std::string CriteriaTitle(Criteria c) {
  return c == Criteria::kRecist11 ? "RECIST 1.1" : "iRECIST";
}

std::string CriteriaTitle(const CriteriaReport& c) {
  return CriteriaTitle(c.criteria) + "; " + c.definition;
}

std::vector<Response> LegendResponses(Criteria c, bool with_non_target_only) {
  std::vector<Response> out = {Response::kCR, Response::kPR, Response::kSD};
  if (with_non_target_only) out.push_back(Response::kNonCRNonPD);
  if (c == Criteria::kIRecist) {
    out.push_back(Response::kUPD);
    out.push_back(Response::kCPD);
  } else {
    out.push_back(Response::kPD);
  }
  out.push_back(Response::kNE);
  return out;
}

std::vector<std::pair<std::string, Rgb>> ResponseLegend(Criteria c, bool with_non_target_only) {
  std::vector<std::pair<std::string, Rgb>> items;
  for (Response r : LegendResponses(c, with_non_target_only))
    items.push_back({stats::ResponseCode(r, c), ResponseColour(r)});
  return items;
}

const char* EndpointName(Endpoint e) {
  switch (e) {
    case Endpoint::kPfs:
      return "Progression-free survival";
    case Endpoint::kOs:
      return "Overall survival";
    case Endpoint::kDor:
      return "Duration of response";
  }
  return "";
}

const char* EndpointKey(Endpoint e) {
  switch (e) {
    case Endpoint::kPfs:
      return "pfs";
    case Endpoint::kOs:
      return "os";
    case Endpoint::kDor:
      return "dor";
  }
  return "";
}

}  // namespace nadir::report
