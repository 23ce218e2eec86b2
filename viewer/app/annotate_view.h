// The annotation's view of the viewports: which image a viewport shows (a native slice, named
// by its SOP Instance UID, or a reformat of its series: coronal, sagittal, or axial of a
// non-axial acquisition), viewport pixels -> patient points on it, and moving the viewports to
// a lesion's measurement. Used by annotate_glue.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "viewer/annotate/shown_image.h"
#include "viewer/app/annotate_glue.h"

namespace nadir::viewer {

/// A viewport pixel on the image shown: the patient point on the plane of the slice shown.
struct ImagePoint {
  PatientPoint at;
  annotate::ShownImage image;
  double mm_per_pixel = 1;
};

/// The image viewport `v` shows, nullopt (and `why`) when no measurement can be recorded on it.
std::optional<annotate::ShownImage> ImageShown(const ReadingRoom& room, int v,
                                               std::string* why = nullptr);

/// The point under viewport pixel (x, y) (framebuffer pixels) of viewport `v`.
std::optional<ImagePoint> PointAt(const ReadingRoom& room, const std::vector<ViewportRect>& rects,
                                  int v, double x, double y, std::string* why = nullptr);

/// The study date of a series (nullopt when it has none).
std::optional<Date> DateOfSeries(const SeriesSlot& slot);

/// The series a new assessment of `patient_id` takes its baseline from: that patient's
/// earliest-dated series (RECIST 1.1 section 3.2: the baseline is the scan before treatment),
/// else the first of theirs listed; null when the patient has none.
const SeriesSlot* BaselineSeries(const std::vector<std::unique_ptr<SeriesSlot>>& series,
                                 const std::string& patient_id);

/// Whether `session` is a new assessment nothing has been recorded in yet (one timepoint, no
/// lesion, no edit): its baseline may still move to an earlier study that arrives.
bool UntouchedNewAssessment(const annotate::AnnotationSession& session);

/// The timepoint viewport `v` shows (by study date), added when `create` and none exists.
std::optional<int> TimepointOf(AnnotateUi& ui, const ReadingRoom& room, int v, bool create);

/// Moves every viewport to lesion `id`'s measurement at that viewport's timepoint (else the
/// nearest earlier one of its series): the native slice it was drawn on, or the reformat's
/// plane position (a viewport of the series turns to that plane when none shows it).
void ShowLesion(AnnotateUi& ui, ReadingRoom& room, const std::vector<ViewportRect>& rects,
                const std::string& id);

}  // namespace nadir::viewer
