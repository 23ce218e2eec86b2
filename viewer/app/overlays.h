// The text and marks drawn over each image, as on a PACS: orientation letters at the edges,
// patient / study / series at the top left, window at the top right, slice position in mm
// at the bottom left, zoom and a scale bar at the bottom, HU under the cursor, loading state.
#pragma once

#include <optional>

#include "viewer/app/reading_room.h"

struct ImDrawList;

namespace nadir::viewer {

struct OverlayInput {
  const ViewportState* viewport = nullptr;
  const SeriesSlot* series = nullptr;
  ViewportRect rect;  // window coordinates
  bool active = false;
  std::optional<Probe> probe;  // voxel under the cursor, when it is over this viewport
};

void DrawViewportOverlay(ImDrawList* draw, const OverlayInput& in);

}  // namespace nadir::viewer
