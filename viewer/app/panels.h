// Dear ImGui panels: each a small state struct and a draw function returning what the user
// asked for. The controller applies it; panels change nothing themselves.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "viewer/app/app_intents.h"
#include "viewer/app/series_slot.h"

namespace nadir::viewer {

struct BrowserPanel {
  int selected = -1;
};
/// Lists patients, studies and series; a click selects, a double-click or the buttons open the
/// series in a viewport. It fills `place`, the left column of the screen.
std::optional<OpenSeries> DrawStudyBrowser(BrowserPanel& panel,
                                           const std::vector<std::unique_ptr<SeriesSlot>>& series,
                                           const ReadingState& state, const ViewportRect& place,
                                           const char* source_label);

/// The main menu bar (layout, links, presets, MIP, cine, help) with frame time at the right.
/// Returns its height in pixels through `height`, and what was chosen.
/// `first_menus` draws menus before Layout (the File menu) and returns what they chose.
std::vector<Intent> DrawMenuBar(const ReadingState& state, double frame_ms, float& height,
                                const std::function<std::vector<Intent>()>& first_menus = {});

/// The keyboard and mouse help, over the viewports. Returns false when closed.
bool DrawHelp();

}  // namespace nadir::viewer
