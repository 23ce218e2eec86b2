// RECIST axes from a lesion's boundary on one image plane: the iso-contour of a sampled
// membership (marching squares), its longest diameter, and the longest chord inside it
// perpendicular to that diameter (RECIST 1.1 §3.2: long axis of a tumour, short axis of a
// node, both on the same image). Pure 2D geometry in millimetres of the image plane; the
// segmentation and the phantom's ground truth both measure through these functions.
#pragma once

#include <span>
#include <vector>

namespace nadir {

struct Point2 {
  double x = 0, y = 0;
};
struct Segment2 {
  Point2 a, b;
};
/// A measured line: its two ends and length (mm).
struct Line2 {
  Point2 a, b;
  double length = 0;
};

/// Marching squares: the segments where the bilinear interpolation of `values` (nx by ny,
/// x fastest, sample (i, j) at (i*dx, j*dy)) crosses `level`. Samples outside the grid count
/// as below the level, so every contour closes. Saddles are resolved by the cell's mean.
std::vector<Segment2> IsoContour(std::span<const float> values, int nx, int ny, double dx,
                                 double dy, double level);

/// Convex hull (counter-clockwise, no repeated end point) of the points.
std::vector<Point2> ConvexHull(std::vector<Point2> points);

/// The longest distance between two points of the contour (its diameter); length 0 when empty.
Line2 LongestDiameter(const std::vector<Segment2>& contour);

/// The longest segment perpendicular to `axis` that lies inside the contour (between an
/// entry and the next exit along the perpendicular line); length 0 when there is none.
Line2 LongestPerpendicularChord(const std::vector<Segment2>& contour, const Line2& axis);

/// Area enclosed by the contour (mm^2), by the divergence theorem over its oriented segments.
double EnclosedArea(const std::vector<Segment2>& contour);

}  // namespace nadir
