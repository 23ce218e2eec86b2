// The 3D view in a viewport (issue 15): the series the viewport showed supplies the body, the
// masks the Auto tool measured on that series this session supply the lesions, each in its
// caliper colour; viewer/view3d renders them offscreen (VTK) into a GL texture, drawn over the
// viewport's rectangle. The texture is rendered again only when the camera, the size or the
// scene changes. Left drag turns the view, the wheel zooms, V goes back to the slices.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "analysis/lesion_measure.h"
#include "viewer/app/app_intents.h"
#include "viewer/core/view_intents.h"

struct ImGuiIO;
struct ImDrawList;

namespace nadir::view3d {
class SurfaceView;
}

namespace nadir::viewer {

struct AnnotateUi;
struct InputState;
struct Viewer;
class ReadingRoom;

/// A lesion's mask as the Auto tool found it, kept for the session: recorded lesion `lesion_id`
/// on series `series_uid`, its indices in `box` (the copy of the series it was measured in).
struct KeptMask {
  std::string lesion_id, series_uid;
  analysis::LesionMask mask;
  VolumeGeometry box;
  int version = 0;  // changes when the lesion is measured again (the scene is rebuilt)
};

/// One viewport's 3D state: its camera, and what its texture shows.
struct View3dPort {
  bool on = false;
  double azimuth_deg = 0, elevation_deg = 0, zoom = 1;
  std::string body_key;   // the series the body was built from
  std::string scene_key;  // the series and lesions the scene was built from
  std::string shown_key;  // scene, size and camera of the texture (or of the failed attempt)
  unsigned texture = 0;   // GL_RGBA8, 0 until a render succeeded
  std::string reason;     // why nothing is shown (no X display, series still loading ...)
  int lesions = 0;        // lesion surfaces in the scene
  double scene_ms = 0, render_ms = 0;  // the last build of surfaces (all, or the lesions only)
  double copy_ms = 0;                  // the block-averaged copy of the CT for the body
  std::shared_ptr<view3d::SurfaceView> view;  // VTK's window and the surfaces
};

struct View3dUi {
  View3dUi() = default;
  ~View3dUi();  // deletes the textures (the GL context must still be current)
  View3dUi(const View3dUi&) = delete;
  View3dUi& operator=(const View3dUi&) = delete;

  std::vector<KeptMask> masks;
  std::vector<View3dPort> ports;  // by viewport; grows with the layout
  int next_version = 1;

  bool On(int viewport) const {
    return viewport >= 0 && viewport < int(ports.size()) && ports[viewport].on;
  }
};

/// Keeps (or replaces: measured again) the mask of lesion `lesion_id` on `series_uid`.
void KeepMask(View3dUi& ui, const std::string& lesion_id, const std::string& series_uid,
              analysis::LesionMask mask, const VolumeGeometry& box);

/// V over a viewport (else the active one): ToggleView3d. Taken out of the key queue; call
/// before ViewportInput.
std::vector<Intent> View3dKeys(const ImGuiIO& io, const std::vector<ViewportRect>& rects,
                               int active, InputState& input);

/// The viewports' intents on a 3D viewport become turns of its camera (a left drag turns it,
/// the wheel, Up/Down, Ctrl + wheel and a right drag zoom); the rest of them (pan, window,
/// slices) are dropped there. Call on ViewportInput's intents before applying them.
std::vector<Intent> RouteView3dInput(const View3dUi& ui, std::vector<ViewIntent>& views);

/// A caliper press on a 3D viewport measures nothing: dropped.
void DropView3dPresses(const View3dUi& ui, std::vector<Intent>& intents);

void ApplyToggleView3d(View3dUi& ui, const ToggleView3d& a);
void ApplyTurnView3d(View3dUi& ui, const TurnView3d& a);

/// Once a frame, after the calipers: each 3D viewport's scene built or rendered again when
/// needed, its image drawn over the viewport's rectangle with a label (or the reason nothing
/// is shown). `rects` in framebuffer pixels; `scale` framebuffer pixels per window pixel.
void DrawView3dViewports(ImDrawList* draw, View3dUi& ui, const AnnotateUi& annotate,
                         const ReadingRoom& room, const std::vector<ViewportRect>& rects,
                         float scale);

// Start-up (view3d_start.cpp): --auto-at and --view3d of a screenshot, and tests.

/// The Auto tool at `at` (patient mm) on the series of viewport `viewport`, which is moved to
/// that point's slice; waits for the worker and records the proposal. Needs this frame's
/// `v.rects`. Returns "" or why nothing was recorded.
std::string AutoMeasureAt(Viewer& v, int viewport, const Vec3& at);

/// --auto-at and --view3d: draws one frame (placing the viewports), measures, and turns the
/// viewport to 3D. Returns 0, or 1 when the measurement asked for was not recorded (said on
/// stderr).
int View3dAtStart(Viewer& v, int width, int height);

}  // namespace nadir::viewer
