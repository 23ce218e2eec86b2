// Fixed thresholds of the guidelines, each with the section it comes from (shared/RECIST.md).
// Thresholds a protocol may change live in protocol.h instead.
#pragma once

namespace nadir {

// RECIST 1.1 §3.1: a tumour is measurable with a longest diameter of at least 10 mm (CT, slices
// <= 5 mm); a lymph node is measurable (target) with a short axis of at least 15 mm.
inline constexpr double kMeasurableLongAxisMm = 10.0;
inline constexpr double kMeasurableNodeShortAxisMm = 15.0;

// RECIST 1.1 §3.1, §4.3.1: a node under 10 mm short axis is normal; all nodes under 10 mm is
// part of complete response.
inline constexpr double kNormalNodeShortAxisMm = 10.0;

// RECIST 1.1 §3.2: at most 5 target lesions, at most 2 per organ (all nodes are one organ).
inline constexpr int kMaxTargets = 5;
inline constexpr int kMaxTargetsPerOrgan = 2;

// RECIST 1.1 §4.3.1: partial response is a decrease of at least 30 % from the baseline sum.
inline constexpr double kPartialResponseDecrease = 0.30;

// RECIST 1.1 §4.3.1: progression is an increase of at least 20 % over the nadir, and at least
// 5 mm in absolute terms.
inline constexpr double kProgressionIncrease = 0.20;
inline constexpr double kProgressionAbsoluteMm = 5.0;

// RECIST 1.1 §3.2.1 (Eisenhauer 2009): baseline imaging as close as possible to the start of
// treatment and never more than 4 weeks before it.
inline constexpr int kMaxBaselineBeforeTreatmentDays = 28;

// Diameters are recorded to 0.1 mm; comparisons at a boundary (59.5 mm against 0.7 * 85 mm)
// allow this much floating-point slack so that "exactly 30 %" counts as 30 %.
inline constexpr double kBoundaryToleranceMm = 1e-6;

// Plausibility: no lesion diameter on a CT of a human body exceeds this; larger values are
// typing errors (cm entered as mm * 10, an extra digit) and are refused.
inline constexpr double kMaxPlausibleDiameterMm = 500.0;

}  // namespace nadir
