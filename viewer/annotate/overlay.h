// What the viewports draw of the annotations on one image: caliper lines in patient space with
// their labels, the measurement being dragged included. The app projects the end points to
// screen pixels with the viewport's PixelMapping and draws them; this part needs no window.
#pragma once

#include <string>
#include <vector>

#include "session.h"

namespace nadir::annotate {

struct OverlayLine {
  std::string lesion_id;
  LesionKind kind = LesionKind::kTarget;
  caliper::Segment segment;
  double length_mm = 0;
  bool short_axis = false;  // the perpendicular axis of a bidirectional measurement
  bool selected = false;
  bool in_progress = false;  // being drawn or dragged now
  std::string label;         // "T1 32.4 mm" on the first axis of a lesion, "" on the other
};

/// Every measurement drawn on the image `sop_uid`, at any timepoint (SOP Instance UIDs are
/// unique), with the draft in place of the lesion it edits.
std::vector<OverlayLine> CaliperOverlay(const AnnotationSession& s, const std::string& sop_uid);

/// "32.4 mm" / "32.4 x 21.5 mm".
std::string FormatMm(double mm);

}  // namespace nadir::annotate
