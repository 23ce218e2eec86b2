// libFuzzer target: any bytes as an adjudication record or as an audit log must give a record
// or errors, a verdict naming an entry, never a crash (STYLE.md: a fuzzer per parser).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/review/adjudication_json.h"
#include "formats/review/audit_log.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> errors;
  const nadir::Adjudication a = nadir::ParseAdjudication(text, "fuzz.json", errors);
  // a record read without errors must write and read back the same
  if (errors.empty()) {
    std::vector<std::string> again;
    nadir::ParseAdjudication(nadir::AdjudicationToJson(a).dump(), "again.json", again);
    if (!again.empty()) __builtin_trap();
  }
  const nadir::AuditCheck check = nadir::CheckAuditLog(text);
  // a bad log names a line within it; a good one has every entry parsed
  if (check.first_bad && (*check.first_bad < 1 || *check.first_bad > check.entries))
    __builtin_trap();
  if (check.ok() && check.parsed.size() != static_cast<std::size_t>(check.entries))
    __builtin_trap();
  (void)nadir::FormatAuditHistory(check.parsed);
  return 0;
}
