// The lesion of the realistic phantom: an ellipsoid whose radius is modulated by a few lobes
// around its axial long axis (star-shaped about its centre), and its exact RECIST truth.
#pragma once

#include <array>

#include "dicom/phantom_realistic.h"

namespace nadir::dicom {

struct LobedEllipsoid {
  std::array<double, 3> centre{};
  double a = 10, b = 8, c = 8;  // semi-axes (mm): a and b in the axial plane, c cranio-caudal
  double angle = 0;             // in-plane rotation of the a axis from +x (radians)
  std::array<double, 3> lobe_amplitude{}, lobe_phase{};
  std::array<int, 3> lobe_frequency{3, 4, 5};

  /// 1 - rho/m: positive inside, zero on the surface, negative outside.
  double Level(double x, double y, double z) const;
  bool Inside(double x, double y, double z) const { return Level(x, y, z) >= 0; }
  /// Distance (mm) from the centre to the surface along the unit direction (ux, uy, uz).
  double Radius(double ux, double uy, double uz) const;
  /// Volume (mL) by quadrature of R^3/3 over the sphere of directions.
  double VolumeMl() const;
  /// Largest distance (mm) from the centre to the surface.
  double MaxRadius() const;
};

/// RECIST axes of the lesion on the axial images of `volume` (the one where it is longest),
/// each cross-section contoured on a 0.2 mm grid; and its volume. Fills the geometric fields.
void ComputeTruth(const LobedEllipsoid& shape, const Volume& volume, RealisticTruth& truth);

}  // namespace nadir::dicom
