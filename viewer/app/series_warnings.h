// The loader's warnings on a series, where the reader looks: a badge beside the series in the
// study browser and beside its name in the viewport label, the list on hover, and on click a
// list that stays open. Padding replaced by air is routine for CT (the area outside the
// reconstruction circle): it is listed as a note, and alone it gives a grey badge, not amber.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "dicom/warnings.h"
#include "viewer/app/series_slot.h"

namespace nadir::viewer {

/// What the badge says: "2 warnings", "1 warning, 1 note", "1 note"; "" when there is none.
struct WarningBadge {
  std::string text;
  bool routine_only = false;  // only notes: drawn grey, not amber
};
WarningBadge BadgeFor(const std::vector<dicom::Warning>& warnings);

/// One line per warning, warnings before notes: "missing slices: 1 slice(s) missing after ...".
std::vector<std::string> WarningLines(const std::vector<dicom::Warning>& warnings);

/// Study browser, right after the series' entry: the badge on a line under it (nothing when
/// there is no warning). `id` makes the IDs unique.
void DrawSeriesWarningsBadge(const SeriesSlot& slot, int id);

/// Viewport label: the badge text at `at` (right of the series name); hovering it lists them.
void DrawViewportWarningsBadge(ImDrawList* d, ImVec2 at, const SeriesSlot& slot);

}  // namespace nadir::viewer
