// Typed access to JSON fields that records what is wrong, with the field's path and value.
// The readers are written once over a small value interface (NlohmannValue here, SimdValue in
// formats/json_value_simd.h) so that a batch can read with simdjson and everything else, and
// every message, comes from the same code.
#pragma once

#include <cmath>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "measure/date.h"

namespace nadir {

/// A read-only view of a parsed nlohmann document: the operations the field readers use.
class NlohmannValue {
 public:
  using Json = nlohmann::ordered_json;
  NlohmannValue(const Json& j) : j_(&j) {}  // NOLINT(google-explicit-constructor): a view

  bool is_object() const { return j_->is_object(); }
  bool is_array() const { return j_->is_array(); }
  bool is_string() const { return j_->is_string(); }
  bool is_number() const { return j_->is_number(); }
  bool is_number_integer() const { return j_->is_number_integer(); }
  bool is_boolean() const { return j_->is_boolean(); }
  bool is_null() const { return j_->is_null(); }

  /// The member `key` of an object (nullopt when absent).
  std::optional<NlohmannValue> find(std::string_view key) const {
    const auto it = j_->find(std::string(key));
    if (it == j_->end()) return std::nullopt;
    return NlohmannValue(*it);
  }
  std::string_view str() const { return j_->get_ref<const std::string&>(); }
  double number() const { return j_->get<double>(); }
  long long integer() const { return j_->get<long long>(); }
  bool boolean() const { return j_->get<bool>(); }
  std::size_t size() const { return j_->size(); }
  /// Calls f(index, value) for each element of an array, in order.
  template <typename F>
  void ForEach(F&& f) const {
    std::size_t i = 0;
    for (const auto& v : *j_) f(i++, NlohmannValue(v));
  }
  /// Calls f(key, value) for each member of an object, in document order.
  template <typename F>
  void ForEachMember(F&& f) const {
    for (const auto& [k, v] : j_->items()) f(std::string_view(k), NlohmannValue(v));
  }
  std::string dump() const { return j_->dump(); }

 private:
  const Json* j_;
};

inline std::string Join(const std::string& path, const char* key) {
  return path.empty() ? std::string(key) : path + "." + key;
}

template <typename Value>
class BasicFieldReader {
 public:
  explicit BasicFieldReader(std::vector<std::string>& errors) : errors_(errors) {}

  /// `path.key` of `object`; nullopt when absent or null. Errors when `object` is not an object.
  std::optional<Value> Get(const Value& object, const std::string& path, const char* key) {
    if (!object.is_object()) {
      Error(path.empty() ? "document" : path, "expected an object, got " + Show(object));
      return std::nullopt;
    }
    auto v = object.find(key);
    if (!v || v->is_null()) return std::nullopt;
    return v;
  }

  std::optional<std::string> String(const Value& object, const std::string& path, const char* key,
                                    bool required = false) {
    const auto v = Get(object, path, key);
    if (!v) {
      if (required && object.is_object()) Error(Join(path, key), "missing (required)");
      return std::nullopt;
    }
    if (!v->is_string()) {
      Error(Join(path, key), "expected a string, got " + Show(*v));
      return std::nullopt;
    }
    return std::string(v->str());
  }

  std::optional<double> Number(const Value& object, const std::string& path, const char* key) {
    const auto v = Get(object, path, key);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
      Error(Join(path, key), "expected a number, got " + Show(*v));
      return std::nullopt;
    }
    const double d = v->number();
    if (!std::isfinite(d)) {
      Error(Join(path, key), "expected a finite number, got " + Show(*v));
      return std::nullopt;
    }
    return d;
  }

  /// A whole number of days, within +-10^6.
  std::optional<int> Integer(const Value& object, const std::string& path, const char* key) {
    const auto v = Get(object, path, key);
    if (!v) return std::nullopt;
    if (!v->is_number_integer() || v->integer() < -1000000 || v->integer() > 1000000) {
      Error(Join(path, key), "expected a whole number of days, got " + Show(*v));
      return std::nullopt;
    }
    return int(v->integer());
  }

  std::optional<bool> Bool(const Value& object, const std::string& path, const char* key) {
    const auto v = Get(object, path, key);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
      Error(Join(path, key), "expected true or false, got " + Show(*v));
      return std::nullopt;
    }
    return v->boolean();
  }

  std::optional<Date> IsoDate(const Value& object, const std::string& path, const char* key,
                              bool required = false) {
    const auto v = Get(object, path, key);
    if (!v) {
      if (required && object.is_object()) Error(Join(path, key), "missing (required)");
      return std::nullopt;
    }
    if (v->is_string()) {
      if (auto d = ParseIsoDate(v->str())) return d;
    }
    Error(Join(path, key), "expected a date YYYY-MM-DD, got " + Show(*v));
    return std::nullopt;
  }

  void Error(const std::string& path, const std::string& what) {
    errors_.push_back(path + ": " + what);
  }
  bool failed() const { return !errors_.empty(); }

  /// A short rendering of a value for messages (long values are cut).
  static std::string Show(const Value& value) {
    std::string s = value.dump();
    if (s.size() > 60) s = s.substr(0, 57) + "...";
    return s;
  }

 private:
  std::vector<std::string>& errors_;
};

using FieldReader = BasicFieldReader<NlohmannValue>;

}  // namespace nadir
