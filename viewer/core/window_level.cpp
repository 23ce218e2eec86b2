#include "viewer/core/window_level.h"

#include <algorithm>
#include <cmath>

namespace nadir::viewer {

std::optional<WindowLevel> PresetByName(std::string_view name) {
  for (const auto& p : kWindowPresets)
    if (p.name == name) return p.wl;
  return std::nullopt;
}

double DisplayValue(double hu, const WindowLevel& wl) {
  const double w = std::max(wl.width, kMinWindowWidth);
  const double c = wl.level;
  if (hu <= c - 0.5 - (w - 1) / 2) return 0.0;
  if (hu > c - 0.5 + (w - 1) / 2) return 1.0;
  if (w <= 1) return 1.0;
  return std::clamp((hu - (c - 0.5)) / (w - 1) + 0.5, 0.0, 1.0);
}

int DisplayByte(double hu, const WindowLevel& wl) {
  return int(std::lround(DisplayValue(hu, wl) * 255.0));
}

WindowLevel Dragged(const WindowLevel& wl, double dx, double dy, double hu_per_pixel) {
  return {std::max(wl.width + dx * hu_per_pixel, kMinWindowWidth), wl.level + dy * hu_per_pixel};
}

}  // namespace nadir::viewer
