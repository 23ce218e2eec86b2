// Reslicing planes: axial, coronal and sagittal views of a volume in patient space.
//
// Each view has a screen-right direction (row), a screen-down direction (col) and a normal, all
// unit vectors in patient LPS. They follow the radiological reading conventions:
//   axial:    right = patient Left (+x), down = Posterior (+y): seen from the feet;
//   coronal:  right = patient Left (+x), down = Inferior (-z): seen from the front;
//   sagittal: right = Posterior (+y),    down = Inferior (-z): seen from the patient's left.
// The volume axis closest to the view normal is the "slice axis": scrolling steps by its
// spacing, so an axial acquisition scrolls its native slices and reformats use the true
// inter-slice distance (anisotropic voxels keep their aspect because everything is in mm).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "viewer/core/geometry.h"

namespace nadir::viewer {

enum class Orientation { kAxial, kCoronal, kSagittal };

std::string_view Name(Orientation o);
std::optional<Orientation> ParseOrientation(std::string_view name);

struct SlicePlane {
  Orientation orientation = Orientation::kAxial;
  Vec3 row{1, 0, 0};         // screen right
  Vec3 col{0, 1, 0};         // screen down
  Vec3 normal{0, 0, 1};      // scrolling direction: the slice position grows along it
  Vec3 center{0, 0, 0};      // patient position of the volume centre
  int slice_axis = 2;        // volume index axis closest to the normal
  int slice_count = 1;       // voxels along slice_axis
  int slice_sign = 1;        // +1 when index n grows along the normal, -1 when against it
  double slice_step_mm = 1;  // distance between slices along the normal
  // Extent of the volume (voxel edges) in mm along row, col and normal, relative to center.
  double min_u = 0, max_u = 0, min_v = 0, max_v = 0, min_w = 0, max_w = 0;

  /// Slice position (mm along the normal, absolute: Dot(point, normal)) of slice index n.
  double PositionOfSlice(int n) const;
  /// Nearest slice index of a position, clamped to the volume.
  int SliceOfPosition(double position_mm) const;
  /// Positions of the first and last slice.
  double FirstPosition() const { return PositionOfSlice(0); }
  double LastPosition() const { return PositionOfSlice(slice_count - 1); }
  /// Patient point at in-plane offsets (u along row, v along col) on slice position w.
  Vec3 Point(double u, double v, double position_mm) const;
};

/// The plane of one of the three standard views through a volume.
SlicePlane MakePlane(const VolumeGeometry& g, Orientation o);

/// Orientation letters at the four edges of a view: the patient direction each edge faces.
struct EdgeLabels {
  std::string left, right, top, bottom;
};
EdgeLabels EdgeLabelsOf(const SlicePlane& plane);

}  // namespace nadir::viewer
