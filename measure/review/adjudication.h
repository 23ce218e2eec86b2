// An adjudicator's decision on a discordant subject (docs/format/adjudication-v1.md).
#pragma once

#include <string>

namespace nadir {

/// Which of two discordant reads stands, who decided, when and why.
struct Adjudication {
  std::string subject;
  std::string adjudicator;    // who decided ("ADJ1")
  std::string chosen_reader;  // the reader whose read stands ("R1", "R2")
  std::string reason;         // in the adjudicator's words; required
  std::string decided_at;     // ISO 8601 UTC date and time, "2026-06-02T14:31:00Z"
  std::string file;           // where the record was read from, for messages
};

}  // namespace nadir
