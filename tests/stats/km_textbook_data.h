// Published survival data sets used by the Kaplan-Meier tests (times as printed; `true` = event).
#pragma once

#include <vector>

#include "measure/stats/kaplan_meier.h"

namespace nadir::test {

/// Freireich et al., Blood 1963;21:699-716: weeks in remission of acute leukaemia, 6-MP arm
/// (n = 21, 9 relapses); as printed in Kalbfleisch & Prentice 2002 Table 1.1 (`+` censored):
/// 6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+.
inline std::vector<stats::Observation> Freireich6Mp() {
  return {{6, true},   {6, true},   {6, true},   {6, false}, {7, true},   {9, false},
          {10, true},  {10, false}, {11, false}, {13, true}, {16, true},  {17, false},
          {19, false}, {20, false}, {22, true},  {23, true}, {25, false}, {32, false},
          {32, false}, {34, false}, {35, false}};
}

/// The same trial's placebo arm: 21 relapses, no censoring:
/// 1 1 2 2 3 4 4 5 5 8 8 8 8 11 11 12 12 15 17 22 23.
inline std::vector<stats::Observation> FreireichPlacebo() {
  std::vector<stats::Observation> out;
  for (double t : {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23})
    out.push_back({t, true});
  return out;
}

/// Collett 2015, Example 1.1: weeks to discontinuation of an intrauterine device, 18 women
/// (`*` censored): 10 13* 18* 19 23* 30 36 38* 54* 56* 59 75 93 97 104* 107 107* 107*.
inline std::vector<stats::Observation> CollettIud() {
  return {{10, true}, {13, false}, {18, false},  {19, true},  {23, false},  {30, true},
          {36, true}, {38, false}, {54, false},  {56, false}, {59, true},   {75, true},
          {93, true}, {97, true},  {104, false}, {107, true}, {107, false}, {107, false}};
}

}  // namespace nadir::test
