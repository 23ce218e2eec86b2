// libFuzzer target: any bytes as an assessment file must give a subject or errors, never a crash,
// and an assessable subject must assess without throwing (STYLE.md: a fuzzer per parser).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/assessment_json.h"
#include "measure/assess.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  nadir::LoadedAssessment a = nadir::ParseAssessment(text, "fuzz.json");
  if (a.errors.empty() && a.subject) {
    const nadir::SubjectResult r = nadir::AssessSubject(*a.subject);
    // a rewrite must read back
    const auto again =
        nadir::ParseAssessment(nadir::AssessmentToJson(*a.subject).dump(), "again.json");
    if (!again.subject) __builtin_trap();
    (void)r;
  }
  return 0;
}
