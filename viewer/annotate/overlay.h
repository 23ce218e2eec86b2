// What the viewports draw of the annotations on one image: caliper lines in patient space with
// their labels, the measurement being dragged included. The app projects the end points to
// screen pixels with the viewport's PixelMapping and draws them; this part needs no window.
#pragma once

#include <string>
#include <vector>

#include "viewer/annotate/session.h"

namespace nadir::annotate {

struct OverlayLine {
  std::string lesion_id;
  int fragment = -1;  // a fragment of a split lesion (labelled T1a, T1b ...), else -1
  LesionKind kind = LesionKind::kTarget;
  Segment segment;
  double length_mm = 0;
  bool short_axis = false;  // the perpendicular axis of a bidirectional measurement
  bool selected = false;
  bool in_progress = false;  // being drawn or dragged now
  std::string label;         // "T1 32.4 mm" on the first axis of a lesion, "" on the other
};

/// Every measurement shown on `image` (Shows: drawn on that native image, or on a reformat of
/// the same series within half a slice of its plane), at any timepoint, fragments of split
/// lesions included, with the draft in place of the measurement it edits.
std::vector<OverlayLine> CaliperOverlay(const AnnotationSession& s, const ShownImage& image);

/// The measurements drawn on the native image `sop_uid`.
std::vector<OverlayLine> CaliperOverlay(const AnnotationSession& s, const std::string& sop_uid);

/// "T1a", "T1b" ... "T1z", then "T1.27": the name of fragment `index` of lesion `id`.
std::string FragmentLabel(const std::string& id, int index);

/// "32.4 mm" / "32.4 x 21.5 mm".
std::string FormatMm(double mm);

}  // namespace nadir::annotate
