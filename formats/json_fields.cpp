#include "formats/json_fields.h"

#include <cmath>

namespace nadir {

const FieldReader::Json* FieldReader::Get(const Json& object, const std::string& path,
                                          const char* key) {
  if (!object.is_object()) {
    Error(path.empty() ? "document" : path, "expected an object, got " + Show(object));
    return nullptr;
  }
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

std::optional<std::string> FieldReader::String(const Json& object, const std::string& path,
                                               const char* key, bool required) {
  const Json* v = Get(object, path, key);
  if (!v) {
    if (required && object.is_object()) Error(Join(path, key), "missing (required)");
    return std::nullopt;
  }
  if (!v->is_string()) {
    Error(Join(path, key), "expected a string, got " + Show(*v));
    return std::nullopt;
  }
  return v->get_ref<const std::string&>();
}

std::optional<double> FieldReader::Number(const Json& object, const std::string& path,
                                          const char* key) {
  const Json* v = Get(object, path, key);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    Error(Join(path, key), "expected a number, got " + Show(*v));
    return std::nullopt;
  }
  const double d = v->get<double>();
  if (!std::isfinite(d)) {
    Error(Join(path, key), "expected a finite number, got " + Show(*v));
    return std::nullopt;
  }
  return d;
}

std::optional<int> FieldReader::Integer(const Json& object, const std::string& path,
                                        const char* key) {
  const Json* v = Get(object, path, key);
  if (!v) return std::nullopt;
  if (!v->is_number_integer() || v->get<long long>() < -1000000 || v->get<long long>() > 1000000) {
    Error(Join(path, key), "expected a whole number of days, got " + Show(*v));
    return std::nullopt;
  }
  return int(v->get<long long>());
}

std::optional<bool> FieldReader::Bool(const Json& object, const std::string& path,
                                      const char* key) {
  const Json* v = Get(object, path, key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    Error(Join(path, key), "expected true or false, got " + Show(*v));
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<Date> FieldReader::IsoDate(const Json& object, const std::string& path,
                                         const char* key, bool required) {
  const Json* v = Get(object, path, key);
  if (!v) {
    if (required && object.is_object()) Error(Join(path, key), "missing (required)");
    return std::nullopt;
  }
  if (v->is_string()) {
    if (auto d = ParseIsoDate(v->get_ref<const std::string&>())) return d;
  }
  Error(Join(path, key), "expected a date YYYY-MM-DD, got " + Show(*v));
  return std::nullopt;
}

std::string FieldReader::Show(const Json& value) {
  std::string s = value.dump();
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

}  // namespace nadir
