// Where series come from: a folder of DICOM studies (scanned on a worker thread), or the
// synthetic chest built in code. Each source lists series as SeriesSlots ready to load.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "viewer/app/series_slot.h"

namespace nadir::viewer {

/// Two synthetic series of the same chest, same frame of reference: "baseline" stored
/// head-first (k along +z) and "follow-up" stored feet-first (k along -z), so linked views
/// must line up by patient position, not by slice index.
std::vector<std::unique_ptr<SeriesSlot>> SyntheticSeries(const std::array<int, 3>& size);

/// Puts series in reading order: by patient, then study date, then series number.
void SortForReading(std::vector<std::unique_ptr<SeriesSlot>>& series);

/// Index of the baseline (earliest study) and follow-up (latest study) series of the first
/// patient; equal when there is only one study. -1 when there are no series.
std::array<int, 2> BaselineAndFollowUp(const std::vector<std::unique_ptr<SeriesSlot>>& series);

}  // namespace nadir::viewer
