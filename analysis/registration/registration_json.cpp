#include "analysis/registration/registration_json.h"

#include <stdexcept>

namespace nadir::registration {

nlohmann::ordered_json ToJson(const Registration& r, bool with_transform) {
  nlohmann::ordered_json j;
  j["ok"] = r.ok;
  j["reason"] = r.reason;
  j["from_cache"] = r.from_cache;
  j["seconds"] = r.seconds;
  j["body_dice"] = r.body_dice;
  j["tissue_agreement"] = r.tissue_agreement;
  j["body_inside"] = r.body_inside;
  j["metric"] = "Mattes mutual information (lower is better)";
  j["stages"] = nlohmann::ordered_json::array();
  for (const auto& s : r.stages)
    j["stages"].push_back({{"name", s.name},
                           {"iterations", s.iterations},
                           {"metric_start", s.metric_start},
                           {"metric_end", s.metric_end},
                           {"seconds", s.seconds},
                           {"kept", s.kept},
                           {"stop", s.stop}});
  if (with_transform) {
    j["transform"] = nlohmann::ordered_json::array();
    for (const auto& t : r.transform)
      j["transform"].push_back({{"kind", t.kind},
                                {"fixed_parameters", t.fixed_parameters},
                                {"parameters", t.parameters}});
  }
  return j;
}

Registration RegistrationFromJson(const nlohmann::json& j) {
  auto field = [&](const nlohmann::json& o, const char* name) -> const nlohmann::json& {
    if (!o.is_object() || !o.contains(name))
      throw std::invalid_argument(std::string("registration: field '") + name + "' missing");
    return o.at(name);
  };
  try {
    Registration r;
    r.ok = field(j, "ok").get<bool>();
    r.reason = field(j, "reason").get<std::string>();
    r.seconds = field(j, "seconds").get<double>();
    r.body_dice = field(j, "body_dice").get<double>();
    r.tissue_agreement = field(j, "tissue_agreement").get<double>();
    r.body_inside = field(j, "body_inside").get<double>();
    for (const auto& s : field(j, "stages")) {
      StageReport st;
      st.name = field(s, "name").get<std::string>();
      st.iterations = field(s, "iterations").get<int>();
      st.metric_start = field(s, "metric_start").get<double>();
      st.metric_end = field(s, "metric_end").get<double>();
      st.seconds = field(s, "seconds").get<double>();
      st.kept = field(s, "kept").get<bool>();
      st.stop = field(s, "stop").get<std::string>();
      r.stages.push_back(st);
    }
    for (const auto& t : field(j, "transform")) {
      TransformStage ts;
      ts.kind = field(t, "kind").get<std::string>();
      ts.fixed_parameters = field(t, "fixed_parameters").get<std::vector<double>>();
      ts.parameters = field(t, "parameters").get<std::vector<double>>();
      r.transform.push_back(std::move(ts));
    }
    return r;
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("registration: ") + e.what());
  }
}

}  // namespace nadir::registration
