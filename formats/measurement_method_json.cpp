#include "formats/measurement_method_json.h"

#include "formats/json_value_simd.h"

namespace nadir {

using Json = nlohmann::ordered_json;

namespace {

std::optional<MeasurementMethod::Kind> ParseKind(const std::string& s) {
  for (auto k : {MeasurementMethod::Kind::kManual, MeasurementMethod::Kind::kSemiAutomatic,
                 MeasurementMethod::Kind::kEdited})
    if (s == ToString(k)) return k;
  return std::nullopt;
}

}  // namespace

template <typename Value>
std::optional<MeasurementMethod> ReadMeasurementMethod(BasicFieldReader<Value>& in, const Value& j,
                                                       const std::string& path) {
  if (!j.is_object()) {
    in.Error(path, "expected an object, got " + in.Show(j));
    return std::nullopt;
  }
  MeasurementMethod m;
  const auto kind = in.String(j, path, "kind");
  if (!kind) {
    in.Error(Join(path, "kind"), "missing; expected 'manual', 'semi-automatic' or 'edited'");
    return std::nullopt;
  }
  if (const auto k = ParseKind(*kind)) {
    m.kind = *k;
  } else {
    in.Error(Join(path, "kind"),
             "unknown method '" + *kind + "' (expected 'manual', 'semi-automatic' or 'edited')");
    return std::nullopt;
  }
  if (const auto click = in.Get(j, path, "click")) {
    PatientPoint at{};
    bool ok = click->is_array() && click->size() == 3;
    if (ok)
      click->ForEach([&](std::size_t i, const Value& v) {
        ok = ok && v.is_number();
        if (ok) at[i] = v.number();
      });
    if (ok)
      m.click = at;
    else
      in.Error(Join(path, "click"), "expected [x, y, z] in patient mm, got " + in.Show(*click));
  }
  m.volume_ml = in.Number(j, path, "volume_ml");
  if (m.volume_ml && *m.volume_ml < 0)
    in.Error(Join(path, "volume_ml"), "negative volume " + in.Show(*j.find("volume_ml")));
  m.max_3d_diameter_mm = in.Number(j, path, "max_3d_diameter_mm");
  if (const auto a = in.String(j, path, "algorithm")) m.algorithm = *a;
  if (m.kind != MeasurementMethod::Kind::kManual && !m.click)
    in.Error(Join(path, "click"), std::string("missing; a ") + ToString(m.kind) +
                                      " measurement records the point clicked");
  return m;
}

template std::optional<MeasurementMethod> ReadMeasurementMethod(FieldReader&, const NlohmannValue&,
                                                                const std::string&);
template std::optional<MeasurementMethod> ReadMeasurementMethod(BasicFieldReader<SimdValue>&,
                                                                const SimdValue&,
                                                                const std::string&);

Json MeasurementMethodJson(const MeasurementMethod& m, const Json* original) {
  Json j = original && original->is_object() ? *original : Json::object();
  j["kind"] = ToString(m.kind);
  if (m.click)
    j["click"] = {(*m.click)[0], (*m.click)[1], (*m.click)[2]};
  else
    j.erase("click");
  if (m.volume_ml)
    j["volume_ml"] = *m.volume_ml;
  else
    j.erase("volume_ml");
  if (m.max_3d_diameter_mm)
    j["max_3d_diameter_mm"] = *m.max_3d_diameter_mm;
  else
    j.erase("max_3d_diameter_mm");
  if (!m.algorithm.empty())
    j["algorithm"] = m.algorithm;
  else
    j.erase("algorithm");
  return j;
}

}  // namespace nadir
