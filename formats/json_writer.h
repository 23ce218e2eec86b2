// A streaming JSON writer that writes the bytes nlohmann's dump(1) writes for the same tree,
// without building the tree: the results file is tens of megabytes and making a tree per
// subject only to print it cost half of `recompute`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nadir {

/// Appends one JSON value to `out` in nlohmann's indented layout (one space per level):
/// "{\n", members at depth+1 as `"key": value` joined by ",\n", then "\n" and the closing
/// bracket at the opening's depth; empty objects and arrays are "{}" and "[]". Strings are
/// escaped and numbers formatted by nlohmann's own rules, so the text is byte for byte the
/// text of building the same nlohmann::ordered_json and calling dump(1). `base_indent` spaces
/// precede every line after the first (the value's own depth in a larger document).
class JsonWriter {
 public:
  JsonWriter(std::string& out, int base_indent) : out_(out), base_indent_(base_indent) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  /// An object member's key; the next call writes its value.
  void Key(std::string_view key);

  void String(std::string_view s);
  void Null();
  void Bool(bool b);
  void Integer(std::int64_t n);
  /// nlohmann's shortest round-trip form ("12.5", "3.0", "1e-05"); NaN and infinity as null.
  void Number(double x);
  void StringArray(const std::vector<std::string>& items);

 private:
  void BeforeValue();  // the separator and indent of an array element
  void Open(char bracket);
  void Close(char bracket);
  void NewLine(std::size_t depth);

  std::string& out_;
  int base_indent_;
  std::vector<bool> empty_;  // per open object/array: nothing written in it yet
  bool after_key_ = false;
};

/// `s` as a JSON string literal, quotes included, escaped as nlohmann's dump escapes it
/// (control characters, '"' and '\\'; UTF-8 kept; invalid UTF-8 throws like dump does).
void AppendJsonString(std::string& out, std::string_view s);

}  // namespace nadir
