// Typed access to JSON fields that records what is wrong, with the field's path and value.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "measure/date.h"

namespace nadir {

class FieldReader {
 public:
  using Json = nlohmann::ordered_json;
  explicit FieldReader(std::vector<std::string>& errors) : errors_(errors) {}

  /// `path.key` of `object`; nullptr when absent or null. Errors when `object` is not an object.
  const Json* Get(const Json& object, const std::string& path, const char* key);

  std::optional<std::string> String(const Json& object, const std::string& path, const char* key,
                                    bool required = false);
  std::optional<double> Number(const Json& object, const std::string& path, const char* key);
  std::optional<int> Integer(const Json& object, const std::string& path, const char* key);
  std::optional<bool> Bool(const Json& object, const std::string& path, const char* key);
  std::optional<Date> IsoDate(const Json& object, const std::string& path, const char* key,
                              bool required = false);

  void Error(const std::string& path, const std::string& what) {
    errors_.push_back(path + ": " + what);
  }

  /// A short rendering of a value for messages (long values are cut).
  static std::string Show(const Json& value);

 private:
  std::vector<std::string>& errors_;
};

inline std::string Join(const std::string& path, const char* key) {
  return path.empty() ? std::string(key) : path + "." + key;
}

}  // namespace nadir
