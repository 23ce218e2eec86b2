#include "formats/caliper_points_json.h"

#include <cmath>
#include <cstdio>

#include "formats/json_value_simd.h"

namespace nadir {

namespace {

using Json = nlohmann::ordered_json;

// Three numbers, [x, y, z]; `out` gets them.
template <typename Value>
bool ReadPoint(const Value& p, PatientPoint& out) {
  if (!p.is_array() || p.size() != 3) return false;
  bool numbers = true;
  p.ForEach([&](std::size_t i, const Value& c) {
    numbers = numbers && c.is_number();
    if (numbers) out[i] = c.number();
  });
  return numbers;
}

Json PointJson(const PatientPoint& p) { return Json::array({p[0], p[1], p[2]}); }

template <typename Value>
std::optional<std::array<PatientPoint, 2>> ReadSegment(BasicFieldReader<Value>& in,
                                                       const Value& points, const std::string& path,
                                                       const char* key) {
  const auto v = in.Get(points, path, key);
  if (!v) return std::nullopt;
  std::array<PatientPoint, 2> ends{};
  bool ok = v->is_array() && v->size() == 2;
  if (ok) v->ForEach([&](std::size_t i, const Value& p) { ok = ok && ReadPoint(p, ends[i]); });
  if (!ok) {
    in.Error(Join(path, key), "expected two points [[x,y,z],[x,y,z]] in mm, got " + in.Show(*v));
    return std::nullopt;
  }
  return ends;
}

std::string Mm(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.3g", v);
  return b;
}

// A reformat names its plane by series, name and unit normal, and its end points lie on it.
template <typename Value>
void CheckReformat(BasicFieldReader<Value>& in, const Value& j, const std::string& path,
                   CaliperPoints& p) {
  if (!p.sop_uid.empty()) {
    in.Error(Join(path, "plane"), "'" + p.plane + "' given with sop_uid '" + p.sop_uid +
                                      "': a measurement is on a native image or on a reformat");
    return;
  }
  if (!KnownPlaneName(p.plane))
    in.Error(Join(path, "plane"),
             "unknown plane '" + p.plane + "' (expected one of axial, coronal, sagittal)");
  if (p.series_uid.empty())
    in.Error(Join(path, "series_uid"), "missing (required with plane '" + p.plane + "')");
  const auto n = in.Get(j, path, "normal");
  if (!n) {
    in.Error(Join(path, "normal"), "missing (required with plane '" + p.plane + "')");
    return;
  }
  PatientPoint u{};
  if (!ReadPoint(*n, u)) {
    in.Error(Join(path, "normal"), "expected [x,y,z], got " + in.Show(*n));
    return;
  }
  const double len = std::sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
  if (std::abs(len - 1) > 1e-3) {
    in.Error(Join(path, "normal"), in.Show(*n) + " is not a unit vector (length " + Mm(len) + ")");
    return;
  }
  p.normal = u;
  const auto& seg = p.long_axis ? p.long_axis : p.short_axis;
  if (!seg) return;
  const double at = (*seg)[0][0] * u[0] + (*seg)[0][1] * u[1] + (*seg)[0][2] * u[2];
  for (const auto& [key, s] :
       {std::pair{"long", &p.long_axis}, std::pair{"short", &p.short_axis}}) {
    if (!*s) continue;
    for (const PatientPoint& q : **s) {
      const double off = q[0] * u[0] + q[1] * u[1] + q[2] * u[2] - at;
      if (std::abs(off) > kOnPlaneToleranceMm)
        in.Error(Join(path, key), "an end point lies " + Mm(off) + " mm off the " + p.plane +
                                      " plane of the measurement (at most " +
                                      Mm(kOnPlaneToleranceMm) + " mm)");
    }
  }
}

}  // namespace

bool KnownPlaneName(const std::string& plane) {
  return plane == "axial" || plane == "coronal" || plane == "sagittal";
}

template <typename Value>
std::optional<CaliperPoints> ReadCaliperPoints(BasicFieldReader<Value>& in, const Value& j,
                                               const std::string& path) {
  if (!j.is_object()) {
    in.Error(path, "expected an object, got " + in.Show(j));
    return std::nullopt;
  }
  CaliperPoints p;
  p.sop_uid = in.String(j, path, "sop_uid").value_or("");
  p.series_uid = in.String(j, path, "series_uid").value_or("");
  p.plane = in.String(j, path, "plane").value_or("");
  p.long_axis = ReadSegment(in, j, path, "long");
  p.short_axis = ReadSegment(in, j, path, "short");
  if (!p.plane.empty())
    CheckReformat(in, j, path, p);
  else if (in.Get(j, path, "normal"))
    in.Error(Join(path, "normal"), "given without plane (the normal is of a reformatted plane)");
  return p;
}

template std::optional<CaliperPoints> ReadCaliperPoints(FieldReader&, const NlohmannValue&,
                                                        const std::string&);
template std::optional<CaliperPoints> ReadCaliperPoints(BasicFieldReader<SimdValue>&,
                                                        const SimdValue&, const std::string&);

Json CaliperPointsJson(const CaliperPoints& p, const Json* original) {
  Json j = original && original->is_object() ? *original : Json::object();
  const auto set = [&](const char* key, const std::string& v) {
    if (v.empty())
      j.erase(key);
    else
      j[key] = v;
  };
  set("sop_uid", p.sop_uid);
  set("series_uid", p.series_uid);
  set("plane", p.plane);
  if (p.normal)
    j["normal"] = PointJson(*p.normal);
  else
    j.erase("normal");
  for (const auto& [key, s] :
       {std::pair{"long", &p.long_axis}, std::pair{"short", &p.short_axis}}) {
    if (*s)
      j[key] = Json::array({PointJson((**s)[0]), PointJson((**s)[1])});
    else
      j.erase(key);
  }
  return j;
}

}  // namespace nadir
