// Caliper geometry: lengths and bidirectional measurements from patient-space end points
// (DICOM LPS, mm). Pure values: the viewer's tools call these while the reader drags, and the
// lengths they return are what the assessment file records (RECIST 1.1 §3.2, §4.3.2).
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "measure/lesion.h"

namespace nadir {

using Segment = std::array<PatientPoint, 2>;

/// Euclidean distance in mm between two patient points. Never pixels times a spacing: the
/// points carry the full geometry of the image they were drawn on (PS3.3 C.7.6.2).
double LengthMm(const PatientPoint& a, const PatientPoint& b);
inline double LengthMm(const Segment& s) { return LengthMm(s[0], s[1]); }

/// Shortest distance in mm from `p` to the segment `s`.
double DistanceToSegmentMm(const Segment& s, const PatientPoint& p);

/// `p` moved along `normal` onto the plane through `on_plane` (a drag that must stay on the
/// image the measurement was drawn on). `normal` need not be unit length; a zero normal
/// returns `p` unchanged.
PatientPoint ProjectOntoPlane(const PatientPoint& p, const PatientPoint& on_plane,
                              const PatientPoint& normal);

/// A bidirectional measurement: the longest diameter and the longest diameter perpendicular
/// to it in the same image plane (RECIST 1.1 §3.2: long axis of a tumour, short axis of a node).
struct Bidirectional {
  Segment long_axis;
  Segment short_axis;
};

/// The handles of a bidirectional measurement, in the order `Handles()` lists them.
enum class Handle { kLong0 = 0, kLong1 = 1, kShort0 = 2, kShort1 = 3 };

/// Unit vector in the image plane (normal `normal`) perpendicular to the long axis; nullopt when
/// the long axis has no length or lies along the normal.
std::optional<PatientPoint> InPlanePerpendicular(const Segment& long_axis,
                                                 const PatientPoint& normal);

/// A first short axis for a long axis just drawn: through its middle, perpendicular in the
/// image plane, `fraction` of its length (the reader then drags its ends onto the edges).
Bidirectional StartBidirectional(const Segment& long_axis, const PatientPoint& normal,
                                 double fraction = 0.5);

/// Moves one handle to `to` (projected onto the image plane) and keeps the short axis
/// perpendicular to the long axis:
///  - a long-axis end: the short axis turns with the long axis, keeping where it crosses it
///    (as a fraction of the long axis) and how far each of its ends lies from it;
///  - a short-axis end: the end follows the cursor across the long axis, the crossing slides
///    along the long axis (clamped to it) to the cursor's foot, and the other end keeps its
///    distance on its side.
/// A degenerate long axis leaves the short axis where it is.
Bidirectional DragHandle(const Bidirectional& b, Handle h, const PatientPoint& to,
                         const PatientPoint& normal);

/// The cosine of the angle between the two axes (0 when perpendicular; for tests and checks).
double AxesCosine(const Bidirectional& b);

/// Index of the handle nearest `p` within `tolerance_mm`, nullopt when none is that close.
/// Ties go to the earlier handle.
std::optional<int> NearestHandle(const std::vector<PatientPoint>& handles, const PatientPoint& p,
                                 double tolerance_mm);

}  // namespace nadir
