#include "measure/stats/dose_escalation.h"

#include <cctype>
#include <stdexcept>
#include <tuple>

namespace nadir::stats {

namespace {

// 3+3 cohort sizes (Storer 1989): a cohort of 3, expanded to 6.
constexpr int kCohort = 3;
constexpr int kExpandedCohort = 6;
constexpr int kDltsExceeding = 2;

// The number a label ends with ("DL12" -> 12); -1 without one.
long TrailingNumber(const std::string& s) {
  size_t i = s.size();
  while (i > 0 && std::isdigit(static_cast<unsigned char>(s[i - 1]))) --i;
  if (i == s.size() || s.size() - i > 9) return -1;
  return std::stol(s.substr(i));
}

}  // namespace

const char* DecisionKey(EscalationDecision d) {
  switch (d) {
    case EscalationDecision::kEscalate:
      return "escalate";
    case EscalationDecision::kExpand:
      return "expand";
    case EscalationDecision::kExceeded:
      return "exceeded";
    case EscalationDecision::kIncomplete:
      return "incomplete";
  }
  return "?";
}

const char* MtdStatusKey(MtdStatus s) {
  switch (s) {
    case MtdStatus::kDetermined:
      return "determined";
    case MtdStatus::kNotReached:
      return "not reached";
    case MtdStatus::kNotDeterminable:
      return "not determinable";
  }
  return "?";
}

EscalationDecision Decide(int evaluable, int dlt) {
  if (evaluable < 0 || dlt < 0 || dlt > evaluable)
    throw std::invalid_argument("3+3: " + std::to_string(dlt) + " DLTs among " +
                                std::to_string(evaluable) + " evaluable subjects");
  if (dlt >= kDltsExceeding) return EscalationDecision::kExceeded;
  if (evaluable < kCohort) return EscalationDecision::kIncomplete;
  if (dlt == 1 && evaluable < kExpandedCohort) return EscalationDecision::kExpand;
  return EscalationDecision::kEscalate;
}

ArmEscalation Escalate(std::vector<DoseLevelTally> levels) {
  ArmEscalation arm;
  for (auto& l : levels) l.decision = Decide(l.evaluable, l.dlt);
  arm.levels = std::move(levels);
  size_t exceeded = arm.levels.size();
  for (size_t i = 0; i < arm.levels.size() && exceeded == arm.levels.size(); ++i)
    if (arm.levels[i].decision == EscalationDecision::kExceeded) exceeded = i;
  if (exceeded == arm.levels.size()) {
    arm.status = MtdStatus::kNotReached;
    arm.reason = "not reached: no dose level had 2 or more subjects with a DLT";
    return arm;
  }
  const std::string& over = arm.levels[exceeded].dose_level;
  if (exceeded == 0) {
    arm.status = MtdStatus::kNotDeterminable;
    arm.reason = "not determinable: the lowest level, " + over + ", was exceeded";
    return arm;
  }
  const DoseLevelTally& below = arm.levels[exceeded - 1];
  if (below.evaluable >= kMtdMinEvaluable && below.dlt <= kMtdMaxDlt) {
    arm.status = MtdStatus::kDetermined;
    arm.mtd = below.dose_level;
    arm.reason = below.dose_level + ": " + std::to_string(below.dlt) + " of " +
                 std::to_string(below.evaluable) + " evaluable with a DLT, below " + over +
                 " (exceeded)";
    return arm;
  }
  arm.status = MtdStatus::kNotDeterminable;
  arm.reason = "not determinable: " + below.dose_level + ", below " + over + " (exceeded), has " +
               std::to_string(below.evaluable) + " evaluable (" + std::to_string(kMtdMinEvaluable) +
               " needed) and " + std::to_string(below.dlt) + " with a DLT";
  return arm;
}

bool DoseLevelLess(const std::string& a, const std::string& b) {
  return std::tuple(TrailingNumber(a), a) < std::tuple(TrailingNumber(b), b);
}

}  // namespace nadir::stats
