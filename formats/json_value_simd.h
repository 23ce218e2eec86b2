// A read-only view of a simdjson DOM element with NlohmannValue's operations, so the field
// readers of formats/json_fields.h read simdjson documents with the same code. Where the two
// libraries could differ, this view follows nlohmann's reading: of duplicate keys the last one
// counts; an unsigned integer reads as long long the way nlohmann's get<long long> converts it.
// Messages (dump) may differ in the rendering of numbers; callers that need the exact
// messages re-read a failing document with nlohmann (ParseAssessmentForBatch).
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace nadir {

class SimdValue {
 public:
  using Type = simdjson::dom::element_type;
  explicit SimdValue(simdjson::dom::element e) : e_(e) {}

  bool is_object() const { return e_.type() == Type::OBJECT; }
  bool is_array() const { return e_.type() == Type::ARRAY; }
  bool is_string() const { return e_.type() == Type::STRING; }
  bool is_number() const { return is_number_integer() || e_.type() == Type::DOUBLE; }
  bool is_number_integer() const { return e_.type() == Type::INT64 || e_.type() == Type::UINT64; }
  bool is_boolean() const { return e_.type() == Type::BOOL; }
  bool is_null() const { return e_.type() == Type::NULL_VALUE; }

  /// The member `key` of an object; the last of duplicates, as nlohmann's parser keeps it.
  std::optional<SimdValue> find(std::string_view key) const {
    std::optional<SimdValue> found;
    for (const auto field : Object())
      if (field.key == key) found = SimdValue(field.value);
    return found;
  }
  std::string_view str() const { return e_.get_string().value_unsafe(); }
  double number() const {
    switch (e_.type()) {
      case Type::INT64:
        return double(e_.get_int64().value_unsafe());
      case Type::UINT64:
        return double(e_.get_uint64().value_unsafe());
      default:
        return e_.get_double().value_unsafe();
    }
  }
  long long integer() const {
    if (e_.type() == Type::UINT64) return static_cast<long long>(e_.get_uint64().value_unsafe());
    return e_.get_int64().value_unsafe();
  }
  bool boolean() const { return e_.get_bool().value_unsafe(); }
  std::size_t size() const {
    if (is_array()) return Array().size();
    if (is_object()) return Object().size();
    return 1;  // as nlohmann's size() of a scalar
  }
  template <typename F>
  void ForEach(F&& f) const {
    std::size_t i = 0;
    for (const auto v : Array()) f(i++, SimdValue(v));
  }
  /// Calls f(key, value) for each key once, with its last value (nlohmann keeps the last of
  /// duplicate keys).
  template <typename F>
  void ForEachMember(F&& f) const {
    const simdjson::dom::object object = Object();
    for (auto it = object.begin(); it != object.end(); ++it) {
      bool again = false;
      for (auto later = it; !again && ++later != object.end();) again = later.key() == it.key();
      if (!again) f(it.key(), SimdValue(it.value()));
    }
  }
  std::string dump() const { return simdjson::minify(e_); }

 private:
  simdjson::dom::object Object() const { return e_.get_object().value_unsafe(); }
  simdjson::dom::array Array() const { return e_.get_array().value_unsafe(); }
  simdjson::dom::element e_;
};

}  // namespace nadir
