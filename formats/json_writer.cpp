#include "formats/json_writer.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace nadir {

namespace {

/// The length of the well-formed UTF-8 sequence at `s[i]` (Unicode Table 3-7: no overlong
/// forms, no surrogates, nothing above U+10FFFF), or 0. nlohmann's decoder accepts exactly
/// these and copies them unchanged; anything this rejects goes to nlohmann itself.
std::size_t Utf8Length(std::string_view s, std::size_t i) {
  const auto at = [&](std::size_t k) {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
  };
  const auto cont = [](unsigned b, unsigned lo = 0x80, unsigned hi = 0xBF) {
    return b >= lo && b <= hi;
  };
  const unsigned c = at(0);
  if (c >= 0xC2 && c <= 0xDF) return cont(at(1)) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return cont(at(1), lo, hi) && cont(at(2)) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return cont(at(1), lo, hi) && cont(at(2)) && cont(at(3)) ? 4 : 0;
  }
  return 0;
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";  // nlohmann writes \u00XX in lower case
  const std::size_t start = out.size();
  out += '"';
  std::size_t run = 0;  // start of the bytes of `s` not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // UTF-8 is copied as it is (reasons hold "§", names accents) once known well formed;
      // on bad bytes nlohmann writes the string, so that it throws exactly as dump does.
      const std::size_t n = Utf8Length(s, i);
      if (n == 0) {
        out.resize(start);
        out += nlohmann::ordered_json(std::string(s)).dump();
        return;
      }
      i += n - 1;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void JsonWriter::NewLine(std::size_t depth) {
  out_ += '\n';
  out_.append(static_cast<std::size_t>(base_indent_) + depth, ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {  // an object member: Key wrote the separator
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;  // the top-level value
  if (!empty_.back()) out_ += ',';
  empty_.back() = false;
  NewLine(empty_.size());
}

void JsonWriter::Key(std::string_view key) {
  if (!empty_.back()) out_ += ',';
  empty_.back() = false;
  NewLine(empty_.size());
  AppendJsonString(out_, key);
  out_ += ": ";
  after_key_ = true;
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  out_ += bracket;
  empty_.push_back(true);
}

void JsonWriter::Close(char bracket) {
  const bool empty = empty_.back();
  empty_.pop_back();
  if (!empty) NewLine(empty_.size());
  out_ += bracket;
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  AppendJsonString(out_, s);
}

void JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
}

void JsonWriter::Bool(bool b) {
  BeforeValue();
  out_ += b ? "true" : "false";
}

void JsonWriter::Integer(std::int64_t n) {
  BeforeValue();
  char buf[24];
  out_.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
}

void JsonWriter::Number(double x) {
  BeforeValue();
  if (!std::isfinite(x)) {  // as nlohmann's serializer does
    out_ += "null";
    return;
  }
  char buf[64];  // the size of nlohmann's own number buffer
  out_.append(buf, nlohmann::detail::to_chars(buf, buf + sizeof buf, x));
}

void JsonWriter::StringArray(const std::vector<std::string>& items) {
  BeginArray();
  for (const auto& s : items) String(s);
  EndArray();
}

}  // namespace nadir
