// A CSV file with a header row (RFC 4180: quoted fields may hold commas, quotes and line
// breaks), for the trial's other data beside the assessment files.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nadir {

struct CsvTable {
  std::vector<std::string> header;             // trimmed column names
  std::vector<std::vector<std::string>> rows;  // fields as written, one vector per data row
  std::vector<int> lines;                      // the line each row starts on (header: line 1)
  std::vector<std::string> errors;             // "line N: ..." (unterminated quote, ...)

  /// Index of column `name`, or nullopt.
  std::optional<size_t> Column(const std::string& name) const;
};

/// Parses CSV text. A row with fewer fields than the header is padded with empty fields and
/// one with more is reported; blank lines are skipped; a UTF-8 byte order mark is ignored.
CsvTable ParseCsv(std::string_view text);

}  // namespace nadir
