// The 3D view (issue 15): the lesions' surfaces, each in its colour, inside the semi-transparent
// body surface of the CT, rendered offscreen by VTK into an RGBA image that the viewer shows as
// a texture. VTK stays in surface_view.cpp; callers see nadir types. Debian's VTK 9.1 renders
// through GLX only (no EGL, no OSMesa: vtkRenderingOpenGLConfigure.h), so an X display is
// needed (Xvfb on a headless machine); the GL context current before a render is current again
// after it, so the viewer's GLFW context is left as it was.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/lesion_measure.h"
#include "geometry/volume.h"

namespace nadir::view3d {

struct SceneLesion {
  analysis::LesionMask mask;
  std::array<float, 3> colour{1, 0, 0};  // RGB 0-1, the lesion's colour in the 2D views
  // The geometry the mask's indices refer to (the Auto tool's copied box), when it is not the
  // scene volume's: the body may then come from a coarser copy of the CT while the lesion keeps
  // its full resolution.
  std::optional<VolumeGeometry> geometry{};
};

struct SceneOptions {
  // The body's surface: air outside the patient is about -1000 HU, fat and soft tissue above
  // -150 HU, so -500 HU is the skin whatever the window (lung inside is dropped, see below).
  double body_threshold_hu = -500;
  double body_opacity = 0.25;
  std::array<float, 3> body_colour{0.85f, 0.78f, 0.70f};
  // The CT is averaged over blocks to at most this many voxels per axis before the body surface
  // is made: a 512 x 512 x 100 CT gives a body mesh of some 100,000 triangles, not millions.
  int body_max_voxels_per_axis = 160;
};

/// Where the camera looks from. Azimuth 0 and elevation 0: from the front (anterior), head up,
/// the patient's left on the right of the image (as on an axial CT).
struct Camera {
  double azimuth_deg = 0;    // about the patient's long axis, positive toward the patient's left
  double elevation_deg = 0;  // positive looks from above (cranial)
  double zoom = 1;           // > 1 magnifies
};

struct RenderedImage {
  bool ok = false;
  std::string reason;  // why nothing was rendered when !ok (no X display, no OpenGL 3.2)
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4, the top row first, alpha 255
  double milliseconds = 0;         // the render and its read-back
};

/// Holds the scene's surfaces and VTK's offscreen window between renders, so that turning the
/// view (a drag) re-renders in milliseconds without rebuilding surfaces. Not thread-safe: use
/// one SurfaceView from one thread (the UI thread, which owns GL).
class SurfaceView {
 public:
  SurfaceView();
  ~SurfaceView();
  SurfaceView(const SurfaceView&) = delete;
  SurfaceView& operator=(const SurfaceView&) = delete;

  /// Builds the body surface of `volume` and one surface per lesion (the slow part: once per
  /// volume or lesion change). Returns "" or what was wrong (a lesion whose mask is refused is
  /// named by its index; the others are kept).
  std::string SetScene(const Volume& volume, const std::vector<SceneLesion>& lesions,
                       const SceneOptions& options = {});
  /// Replaces the lesions only, keeping the body of the last SetScene (a lesion measured,
  /// recorded or undone: milliseconds instead of rebuilding the body). Returns "" or what was
  /// wrong, as SetScene; "no scene" before one.
  std::string SetLesions(const std::vector<SceneLesion>& lesions);
  /// Renders the scene at width x height pixels seen from `camera`.
  RenderedImage Render(int width, int height, const Camera& camera);
  /// Milliseconds the last SetScene or SetLesions took to build the surfaces.
  double SceneMilliseconds() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nadir::view3d
