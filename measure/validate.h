// Structural checks of an assessment before any response is computed. Errors stop the subject
// (no responses are reported for it); warnings are reported beside its responses.
#pragma once

#include <string>
#include <vector>

#include "measure/subject.h"

namespace nadir {

struct Findings {
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
};

/// Checks what the engine relies on, for a subject whose timepoints are sorted
/// (SortTimepoints; unsorted is an error): dates unique and in a sensible order, lesion ids unique
/// per timepoint, kinds fixed, targets and non-targets recorded at baseline, states allowed for the
/// kind, diameters present, non-negative and plausible. Every message names the field and the
/// value.
Findings ValidateSubject(Subject& subject);

/// RECIST 1.1 §3.1-3.2 baseline selection: at most 5 targets, at most 2 per organ,
/// measurability of each target. Warnings only: the reader decides (RECIST.md §3.1).
std::vector<std::string> CheckBaseline(const Subject& subject);

}  // namespace nadir
