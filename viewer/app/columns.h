// The handles of the screen's columns: drag a splitter to size a column, double-click it (or use
// the arrow on a folded column's strip) to fold the column away and bring it back.
#pragma once

#include <vector>

#include "viewer/app/app_intents.h"
#include "viewer/core/screen_layout.h"

namespace nadir::viewer {

/// Draws the splitters and the folded columns' strips of `regions`; returns the new split
/// (SizeColumns) while the reader drags a splitter or folds a column. `width` is the window's
/// width in pixels.
std::vector<Intent> DrawColumnHandles(const ScreenSplit& split, const ScreenRegions& regions,
                                      bool right_panels, float width);

}  // namespace nadir::viewer
