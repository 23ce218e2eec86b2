// The sum of diameters of the target lesions (RECIST 1.1 §3.2, §4.3.2).
#pragma once

#include <optional>

#include "measure/lesion.h"
#include "measure/protocol.h"

namespace nadir {

/// The diameter a target lesion contributes to the sum, in mm: the long axis of a tumour or
/// the short axis of a node (§3.2); the fragments' sum for a split lesion; `too_small_mm`
/// for a lesion too small to measure unless a diameter was recorded; 0 for one that is gone
/// or merged into another (§4.3.2). Nullopt when it was not evaluated.
std::optional<double> TargetDiameterMm(const LesionRecord& lesion, const Protocol& protocol);

}  // namespace nadir
