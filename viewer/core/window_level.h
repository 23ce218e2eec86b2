// Window/level: the last stage of the pixel pipeline (stored value -> HU -> display).
// The volume keeps Hounsfield units; this mapping runs in the fragment shader
// (shaders/slice.frag). DisplayValue is the same formula on the CPU, used by tests and the
// HU readout to predict what the shader draws.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace nadir::viewer {

struct WindowLevel {
  double width = 400;  // HU
  double level = 40;   // HU (window centre)
};

struct WindowPreset {
  std::string_view name;   // command-line name (--preset)
  std::string_view label;  // what the reading room calls it
  WindowLevel wl;
};

/// The presets on number keys 1..6, in that order.
inline constexpr std::array<WindowPreset, 6> kWindowPresets{{
    {"soft-tissue", "Soft tissue", {400, 40}},
    {"lung", "Lung", {1500, -600}},
    {"liver", "Liver", {150, 30}},
    {"bone", "Bone", {1800, 400}},
    {"brain", "Brain", {80, 40}},
    {"mediastinum", "Mediastinum", {350, 50}},
}};

std::optional<WindowLevel> PresetByName(std::string_view name);

/// Smallest window width allowed while dragging (PS3.3 C.11.2.1.2: Window Width >= 1).
inline constexpr double kMinWindowWidth = 1.0;

/// Display intensity in [0, 1] of a value in HU, by the linear VOI LUT function of
/// PS3.3 C.11.2.1.2.1:
///   x <= c - 0.5 - (w - 1) / 2  -> 0
///   x >  c - 0.5 + (w - 1) / 2  -> 1
///   else ((x - (c - 0.5)) / (w - 1) + 0.5)
double DisplayValue(double hu, const WindowLevel& wl);

/// The 8-bit grey level that DisplayValue gives on screen (round to nearest).
int DisplayByte(double hu, const WindowLevel& wl);

/// Window/level after a mouse drag of (dx, dy) pixels, as on a PACS: right widens the window,
/// down raises the level. `hu_per_pixel` scales the drag.
WindowLevel Dragged(const WindowLevel& wl, double dx, double dy, double hu_per_pixel = 2.0);

}  // namespace nadir::viewer
