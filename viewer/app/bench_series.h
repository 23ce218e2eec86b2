// --bench --bench-all-series: pages through a whole folder the way a reader goes through a
// study, every series in turn in the first viewport, loaded and scrolled, printing after each
// the memory the series hold and the process's resident memory (the memory budget's figures).
#pragma once

#include <functional>
#include <vector>

#include "viewer/app/reading_room.h"

namespace nadir::viewer {

/// The process's resident memory now and at its peak, from /proc/self/status (VmRSS, VmHWM);
/// zeros where that cannot be read.
struct ProcessMemory {
  double resident_mb = 0, peak_mb = 0;
};
ProcessMemory ReadProcessMemory();

/// Opens each series of `room` in viewport 0, draws frames (`frame`) until it has loaded, then
/// scrolls it `scroll_frames` frames; prints one line per series and the peak at the end.
void BenchAllSeries(ReadingRoom& room, const std::vector<ViewportRect>& rects, int scroll_frames,
                    const std::function<void()>& frame);

}  // namespace nadir::viewer
