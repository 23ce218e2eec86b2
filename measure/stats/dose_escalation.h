// The 3+3 dose escalation of a phase I arm: a decision per dose level from its dose-limiting
// toxicities (DLTs), and the maximum tolerated dose (MTD). Pure: values in, values out.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace nadir::stats {

/// A DLT counts when its onset lies 0 to 28 days after treatment start (the protocol's DLT
/// window; issue 21 "Definitions").
inline constexpr int kDltWindowDays = 28;

enum class EscalationDecision {
  kEscalate,    // safe to open the next level
  kExpand,      // 1 DLT among fewer than 6 evaluable: treat 3 more at this level
  kExceeded,    // 2 or more subjects with a DLT: above the MTD
  kIncomplete,  // fewer than 3 evaluable subjects (and fewer than 2 with a DLT)
};

const char* DecisionKey(EscalationDecision d);  // "escalate", "expand", "exceeded", "incomplete"

/// One dose level of one arm: subjects treated, DLT-evaluable, and evaluable with a DLT.
struct DoseLevelTally {
  std::string dose_level;  // "DL1"
  int treated = 0;
  int evaluable = 0;
  int dlt = 0;  // evaluable subjects with at least one DLT
  EscalationDecision decision = EscalationDecision::kIncomplete;
};

/// The 3+3 rule over DLT-evaluable subjects, checked in this order:
/// `exceeded` when dlt >= 2; `incomplete` when evaluable < 3; `expand` when dlt == 1 and
/// evaluable < 6; otherwise `escalate` (0 DLT in 3-5, or at most 1 DLT in 6 or more).
/// Reference: Storer, Biometrics 1989;45:925-937 (design "A"); Le Tourneau et al., J Natl
/// Cancer Inst 2009;101:708-720, Fig. 1. Throws std::invalid_argument for dlt > evaluable or a
/// negative count.
EscalationDecision Decide(int evaluable, int dlt);

enum class MtdStatus {
  kDetermined,       // the level below the lowest exceeded one, with >= 6 evaluable, <= 1 DLT
  kNotReached,       // no level exceeded
  kNotDeterminable,  // the lowest level exceeded, or the level below has too few evaluable
};

const char* MtdStatusKey(MtdStatus s);  // "determined", "not reached", "not determinable"

/// Subjects needed at the MTD, and the most of them with a DLT (3+3: "6 with at most 1").
inline constexpr int kMtdMinEvaluable = 6;
inline constexpr int kMtdMaxDlt = 1;

struct ArmEscalation {
  std::vector<DoseLevelTally> levels;  // ascending dose, decisions filled in
  std::optional<std::string> mtd;      // the MTD's dose level when determined
  MtdStatus status = MtdStatus::kNotReached;
  std::string reason;  // one sentence: why this MTD or none
};

/// Decides every level (in the order given, lowest dose first) and the MTD: the level just
/// below the lowest `exceeded` level, when that level had at least 6 evaluable subjects and at
/// most 1 with a DLT; otherwise none, `not reached` when no level was exceeded, `not
/// determinable` when the lowest level was exceeded or the one below it falls short.
ArmEscalation Escalate(std::vector<DoseLevelTally> levels);

/// Orders dose level labels by dose: the number they end with ("DL2" < "DL10"), then the text.
bool DoseLevelLess(const std::string& a, const std::string& b);

}  // namespace nadir::stats
