// Cohen's kappa for two readers who each put every subject in one of several categories.
#pragma once

#include <optional>
#include <vector>

namespace nadir {

/// Chance-corrected agreement of two readers with its large-sample 95 % confidence interval.
struct Kappa {
  int n = 0;                      // subjects rated by both readers
  double observed_agreement = 0;  // p_o: share of subjects on the diagonal
  double expected_agreement = 0;  // p_e: agreement expected by chance from the margins
  double kappa = 0;               // (p_o - p_e) / (1 - p_e)
  double standard_error = 0;      // Fleiss, Cohen & Everitt (1969), for the interval
  double lower95 = 0;
  double upper95 = 0;
};

/// Cohen's kappa (Cohen 1960) of a square table: `table[i][j]` counts the subjects that the
/// first reader put in category i and the second in category j.
///
/// The standard error is the large-sample one of Fleiss, Cohen & Everitt, Psychol Bull
/// 1969;72:323-327 (the interval that Altman, Practical Statistics for Medical Research, 1991,
/// §14.3.2 reports); the interval is kappa +/- 1.96 SE, not clipped to [-1, 1].
///
/// nullopt when the table is empty, not square, has a negative count, or when chance agreement
/// is 1 (both readers used one and the same category for everyone: kappa is undefined).
std::optional<Kappa> CohensKappa(const std::vector<std::vector<int>>& table);

}  // namespace nadir
