// RECIST axes, volume and largest 3D diameter from a segmentation (its membership's 0.5
// level on each axial image of the region), in patient millimetres.
#pragma once

#include "analysis/segment.h"

namespace nadir::analysis {

/// Fills the axes, slice, volume and 3D diameter of `out` from `seg` over `roi` of `volume`.
/// Returns false (with out.reason) when no image of the region holds a contour.
bool MeasureAxes(const Volume& volume, const Roi& roi, const Segmentation& seg,
                 LesionMeasurement& out);

}  // namespace nadir::analysis
