// The viewer's look in one place: the colours of panels, overlays and calipers, and the sizes
// and placement of the windows that are not docked in a screen column (screen_layout.h docks
// the others). Plain values, no Dear ImGui: the panels (viewer/annotate) and the application
// (viewer/app) convert them where they draw, so this header stays free of any window library.
#pragma once

#include <cstdint>

namespace nadir::viewer {

/// A colour, each channel 0..1. Converts to any four-float vector (ImVec4) where one is asked
/// for, so a panel writes `ImGui::TextColored(kError, ...)`.
struct Rgba {
  float r, g, b, a;
  template <class Vec4, class = decltype(Vec4(0.0f, 0.0f, 0.0f, 0.0f))>
  operator Vec4() const {
    return Vec4(r, g, b, a);
  }
};

/// Packed as Dear ImGui's IM_COL32 packs it (red in the low byte).
constexpr std::uint32_t Packed(Rgba c) {
  const auto byte = [](float v) { return std::uint32_t(v * 255.0f + 0.5f); };
  return byte(c.a) << 24 | byte(c.b) << 16 | byte(c.g) << 8 | byte(c.r);
}
/// 0..255 channels, as the overlays were designed.
constexpr Rgba Rgba8(int r, int g, int b, int a = 255) {
  return {r / 255.0f, g / 255.0f, b / 255.0f, a / 255.0f};
}

static_assert(Packed(Rgba8(235, 220, 120)) == 0xFF78DCEBu, "packed as IM_COL32");

// Panel text.
inline constexpr Rgba kError{1.0f, 0.45f, 0.4f, 1.0f};     // errors, unreadable files
inline constexpr Rgba kWarning{1.0f, 0.8f, 0.35f, 1.0f};   // the engine's guidance
inline constexpr Rgba kToDo{1.0f, 0.85f, 0.4f, 1.0f};      // records missing, SR notes
inline constexpr Rgba kDone{0.45f, 0.9f, 0.5f, 1.0f};      // a case with every lesion recorded
inline constexpr Rgba kArmed{0.45f, 0.9f, 0.45f, 1.0f};    // the fragment the next caliper fills
inline constexpr Rgba kDim{0.65f, 0.65f, 0.65f, 1.0f};     // secondary text
inline constexpr Rgba kFolder{0.55f, 0.75f, 1.0f, 1.0f};   // folders in the file dialog
inline constexpr Rgba kBackground{0.09f, 0.09f, 0.1f, 1};  // behind the viewports

// Viewport overlays.
inline constexpr Rgba kOverlayText = Rgba8(235, 220, 120);  // the amber of reading-room overlays
inline constexpr Rgba kOverlayLabel = Rgba8(255, 255, 255);
inline constexpr Rgba kOverlayShadow = Rgba8(0, 0, 0, 200);
inline constexpr Rgba kViewportActive = Rgba8(80, 160, 255);
inline constexpr Rgba kViewportIdle = Rgba8(60, 60, 60);

// Calipers, by lesion kind, and the Auto tool's outline.
inline constexpr Rgba kTargetCaliper = Rgba8(255, 200, 40);
inline constexpr Rgba kNonTargetCaliper = Rgba8(80, 200, 255);
inline constexpr Rgba kNewLesionCaliper = Rgba8(255, 90, 80);
inline constexpr Rgba kCaliperLabelBack = Rgba8(0, 0, 0, 170);
inline constexpr Rgba kAutoOutline = Rgba8(120, 255, 140, 220);
inline constexpr Rgba kAutoProposal = Rgba8(120, 255, 140);  // axes not recorded yet
inline constexpr Rgba kTrackMarker = Rgba8(255, 110, 230);   // a baseline lesion in the follow-up

// The sum-of-diameters chart.
inline constexpr Rgba kChartBack = Rgba8(20, 20, 24);
inline constexpr Rgba kChartAxis = Rgba8(160, 160, 160);
inline constexpr Rgba kChartLine = Rgba8(120, 180, 255);
inline constexpr Rgba kChartBetter = Rgba8(90, 200, 110);
inline constexpr Rgba kChartWorse = Rgba8(230, 90, 80);
inline constexpr Rgba kChartNotEvaluable = Rgba8(200, 200, 200);
inline constexpr Rgba kChartLabel = Rgba8(230, 230, 230);

// Windows that float over the screen (window pixels, or shares of the window).
inline constexpr float kLesionPanelFloating[2] = {540, 340};    // when not docked
inline constexpr float kResponsePanelFloating[2] = {740, 360};  // when not docked
inline constexpr float kSrWindowSize[2] = {620, 260};           // centred on first use
inline constexpr float kFileDialogShare[2] = {0.5f, 0.6f};      // of the window, centred
inline constexpr float kHelpAlpha = 0.92f;                      // the help over the images
// The status line sits on the response panel's top edge (the foot of the lesion panel), this
// far inside the right column, so it never covers an image.
inline constexpr float kStatusInset = 4;
inline constexpr float kStatusAlpha = 0.6f;

}  // namespace nadir::viewer
