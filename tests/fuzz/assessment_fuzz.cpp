// libFuzzer target: any bytes as an assessment file must give a subject or errors, never a crash,
// and an assessable subject must assess without throwing (STYLE.md: a fuzzer per parser). The
// batch reader (simdjson) must read every input exactly as the single-file reader (nlohmann).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/assessment_json.h"
#include "measure/assess.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  nadir::LoadedAssessment a = nadir::ParseAssessment(text, "fuzz.json");
  const nadir::LoadedAssessment b = nadir::ParseAssessmentForBatch(text, "fuzz.json");
  if (a.errors != b.errors || a.warnings != b.warnings || a.format != b.format ||
      a.subject.has_value() != b.subject.has_value())
    __builtin_trap();
  if (a.subject) {
    nadir::Subject copy = *a.subject;
    copy.extras.document.clear();
    if (nadir::AssessmentToJson(copy) != nadir::AssessmentToJson(*b.subject) ||
        copy.extras.tracking_uids != b.subject->extras.tracking_uids)
      __builtin_trap();
  }
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
