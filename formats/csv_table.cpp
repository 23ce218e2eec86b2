#include "formats/csv_table.h"

namespace nadir {

namespace {

std::string Trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

}  // namespace

std::optional<size_t> CsvTable::Column(const std::string& name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  return std::nullopt;
}

CsvTable ParseCsv(std::string_view text) {
  CsvTable t;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::vector<std::string>> records;
  std::vector<int> starts;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, any = false;
  int line = 1, start = 1;
  auto end_record = [&] {
    record.push_back(field);
    field.clear();
    const bool blank = record.size() == 1 && Trim(record[0]).empty() && !any;
    if (!blank) {
      records.push_back(record);
      starts.push_back(start);
    }
    record.clear();
    any = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      record.push_back(field);
      field.clear();
    } else if (c == '\n') {
      end_record();
      start = ++line;
    } else if (c != '\r') {
      field += c;
    }
  }
  if (quoted) t.errors.push_back("line " + std::to_string(start) + ": a quote is not closed");
  if (!field.empty() || !record.empty() || any) end_record();
  if (records.empty()) return t;
  for (const auto& h : records[0]) t.header.push_back(Trim(h));
  for (size_t r = 1; r < records.size(); ++r) {
    auto& row = records[r];
    if (row.size() > t.header.size())
      t.errors.push_back("line " + std::to_string(starts[r]) + ": " + std::to_string(row.size()) +
                         " fields, the header has " + std::to_string(t.header.size()));
    row.resize(t.header.size());
    t.rows.push_back(std::move(row));
    t.lines.push_back(starts[r]);
  }
  return t;
}

}  // namespace nadir
