// The reading room's screen: a study column on the left, a lesion and response column on the
// right, the viewports in between. Panels sit beside the images, never over them: a radiologist
// must see every pixel of the scan they are measuring. Plain values, tested without a window.
#pragma once

#include <string>
#include <vector>

#include "viewer/core/view_state.h"

namespace nadir::viewer {

/// A named panel rectangle in window pixels (top-left origin).
struct PanelRect {
  std::string name;
  ViewportRect rect;
};

/// What the reader set: column widths (pixels, before clamping) and which columns are open.
struct ScreenSplit {
  float left_width = 0;       // 0: the default share of the window
  float right_width = 0;      // 0: the default share of the window
  float right_split = 0.55f;  // share of the right column given to the lesion panel
  bool left_open = true;
  bool right_open = true;
};

/// Where everything goes in a frame. Collapsed columns keep a thin strip with their handle.
struct ScreenRegions {
  ViewportRect studies;         // study browser (left, full height below the menu)
  ViewportRect reader_cases;    // blinded reader's case list (bottom of the left column), if any
  ViewportRect lesions;         // lesion panel (right, top)
  ViewportRect response;        // response panel (right, bottom)
  ViewportRect images;          // the viewports' area
  ViewportRect left_splitter;   // drag handle between studies and images
  ViewportRect right_splitter;  // drag handle between images and the right column
  bool has_left = false, has_right = false, has_cases = false;

  /// Every visible panel, named as in `--dump-layout`.
  std::vector<PanelRect> Panels() const;
};

/// Width of a collapsed column's strip and of a splitter handle (pixels).
inline constexpr int kCollapsedStrip = 18;
inline constexpr int kSplitterWidth = 6;

/// Lays out a window of `width` x `height` pixels below a menu bar `menu_height` high.
/// `right_panels` is false before an assessment is open (no lesion or response panel yet);
/// `reader_cases` reserves the bottom of the left column for a reader's case list.
/// Column widths are clamped so that the images keep at least half of the window's width.
ScreenRegions ComputeScreen(int width, int height, int menu_height, const ScreenSplit& split,
                            bool right_panels, bool reader_cases);

/// `--dump-layout`'s document: {"viewports": [{"x":, "y":, "w":, "h":}, ...], "panels": [{"name":,
/// "x":, "y":, "w":, "h":}, ...]} in window pixels, top-left origin.
std::string LayoutJson(const std::vector<ViewportRect>& viewports,
                       const std::vector<PanelRect>& panels);

/// True when two rectangles share any pixel.
bool Overlaps(const ViewportRect& a, const ViewportRect& b);

}  // namespace nadir::viewer
