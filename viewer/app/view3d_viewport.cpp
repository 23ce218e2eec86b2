#include "viewer/app/view3d_viewport.h"

#include <imgui.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <type_traits>
#include <variant>

#include "viewer/app/annotate_glue.h"
#include "viewer/app/input.h"
#include "viewer/app/reading_room.h"
#include "viewer/core/theme.h"
#include "viewer/gl/gl.h"
#include "viewer/view3d/surface_view.h"

namespace nadir::viewer {

namespace {

// The body is made from the CT averaged over blocks to at most this many voxels per axis: what
// view3d::SceneOptions contours anyway, so the copy is no larger than the surface needs.
constexpr int kSceneMaxVoxelsPerAxis = 160;
// Degrees the camera turns per framebuffer pixel dragged, and the zoom per wheel step.
constexpr double kDegreesPerPixel = 0.4;
constexpr double kZoomPerStep = 1.1;
constexpr double kMin3dZoom = 0.2, kMax3dZoom = 20;
// Elevation stops short of the poles, where the view-up vector would flip.
constexpr double kMaxElevationDeg = 89;

using Clock = std::chrono::steady_clock;
double MsSince(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

std::array<float, 3> Rgb(const Rgba& c) { return {c.r, c.g, c.b}; }

// The lesions' colours in the 2D views (annotate_view.cpp): by kind; the proposal not recorded
// yet in the Auto tool's colour.
std::array<float, 3> ColourOf(LesionKind kind) {
  return kind == LesionKind::kTarget      ? Rgb(kTargetCaliper)
         : kind == LesionKind::kNonTarget ? Rgb(kNonTargetCaliper)
                                          : Rgb(kNewLesionCaliper);
}

// Every lesion of the assessment by id (the same id at every timepoint), with its kind.
std::map<std::string, LesionKind> LesionKinds(const AnnotateUi& annotate) {
  std::map<std::string, LesionKind> out;
  for (const auto& tp : annotate.session.subject().timepoints)
    for (const auto& l : tp.lesions) out.emplace(l.id, l.kind);
  return out;
}

struct Scene {
  std::string key;
  std::vector<view3d::SceneLesion> lesions;
};

// What the scene of a viewport on `series_uid` holds now: the kept masks of lesions still in
// the assessment (an undone measurement drops out), and the Auto tool's proposal.
Scene SceneOf(const View3dUi& ui, const AnnotateUi& annotate, const std::string& series_uid) {
  Scene s;
  s.key = series_uid;
  const auto kinds = LesionKinds(annotate);
  for (const KeptMask& m : ui.masks) {
    const auto kind = kinds.find(m.lesion_id);
    if (m.series_uid != series_uid || kind == kinds.end()) continue;
    s.key += "|" + m.lesion_id + ":" + std::to_string(int(kind->second)) + ":" +
             std::to_string(m.version);
    s.lesions.push_back({m.mask, ColourOf(kind->second), m.box});
  }
  if (const auto& p = annotate.auto_proposal; p && p->contour.series_uid == series_uid) {
    char key[96];
    std::snprintf(key, sizeof key, "|proposal:%.3f,%.3f,%.3f:%.3f", p->contour.click[0],
                  p->contour.click[1], p->contour.click[2], p->long_mm);
    s.key += key;
    s.lesions.push_back({p->mask, Rgb(kAutoProposal), p->contour.box});
  }
  return s;
}

// The series' CT averaged over blocks of voxels (at most kSceneMaxVoxelsPerAxis per axis),
// read from the slot's CPU copy: no full-resolution copy of the series is made.
std::optional<Volume> BlockAveraged(const SeriesSlot& slot, std::string* why) {
  if (slot.state() != SeriesSlot::State::kReady) {
    *why = slot.state() == SeriesSlot::State::kFailed ? "the series failed to load: " + slot.error()
                                                      : "loading the series ...";
    return std::nullopt;
  }
  const VolumeGeometry& g = slot.geometry();
  std::array<int, 3> f{}, n{};
  for (int a = 0; a < 3; ++a) {
    f[a] = std::max(1, (g.size[a] + kSceneMaxVoxelsPerAxis - 1) / kSceneMaxVoxelsPerAxis);
    n[a] = (g.size[a] + f[a] - 1) / f[a];
  }
  Volume v;
  static_cast<VolumeGeometry&>(v) = g;
  v.size = n;
  for (int a = 0; a < 3; ++a) v.spacing[a] = g.spacing[a] * f[a];
  v.origin = g.ToPatient(0.5 * (f[0] - 1), 0.5 * (f[1] - 1), 0.5 * (f[2] - 1));
  std::vector<std::int32_t> sum(v.VoxelCount(), 0);
  std::vector<std::int32_t> count(v.VoxelCount(), 0);
  for (int k = 0; k < g.size[2]; ++k)
    for (int j = 0; j < g.size[1]; ++j)
      for (int i = 0; i < g.size[0]; ++i) {
        const auto hu = slot.HuAt(i, j, k);
        if (!hu) continue;
        const std::size_t c = v.Index(i / f[0], j / f[1], k / f[2]);
        sum[c] += *hu;
        ++count[c];
      }
  v.hu.resize(v.VoxelCount());
  for (std::size_t c = 0; c < sum.size(); ++c)
    v.hu[c] = std::int16_t(count[c] > 0 ? sum[c] / count[c] : -1000);
  return v;
}

void Upload(View3dPort& port, const view3d::RenderedImage& image) {
  if (port.texture == 0) glGenTextures(1, &port.texture);
  glBindTexture(GL_TEXTURE_2D, port.texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
               image.rgba.data());
  glBindTexture(GL_TEXTURE_2D, 0);
}

// Builds the scene when its series or lesions changed, renders when the scene, size or camera
// changed; a failure is remembered with its reason and not tried again every frame.
void Refresh(View3dPort& port, const View3dUi& ui, const AnnotateUi& annotate,
             const SeriesSlot* slot, int width, int height) {
  if (!slot) {
    port.reason = "no series in this viewport";
    port.shown_key.clear();
    return;
  }
  Scene scene = SceneOf(ui, annotate, slot->summary().series_uid);
  char camera[128];
  std::snprintf(camera, sizeof camera, "#%dx%d@%.3f,%.3f,%.4f", width, height, port.azimuth_deg,
                port.elevation_deg, port.zoom);
  const std::string shown = scene.key + camera;
  if (shown == port.shown_key && slot->state() == SeriesSlot::State::kReady) return;
  if (!port.view) port.view = std::make_shared<view3d::SurfaceView>();
  const std::string& body = slot->summary().series_uid;
  if (scene.key != port.scene_key) {
    std::string problems;
    if (body == port.body_key) {
      // The body stays: only the lesions changed (measured, recorded, undone).
      problems = port.view->SetLesions(scene.lesions);
      port.copy_ms = 0;
    } else {
      const auto t0 = Clock::now();
      std::string why;
      const std::optional<Volume> volume = BlockAveraged(*slot, &why);
      if (!volume) {
        port.reason = why;  // tried again next frame: the series is still loading
        return;
      }
      port.copy_ms = MsSince(t0);
      problems = port.view->SetScene(*volume, scene.lesions);
      port.body_key = body;
    }
    port.scene_ms = port.view->SceneMilliseconds();
    port.scene_key = scene.key;
    port.lesions = int(scene.lesions.size());
    if (!problems.empty()) std::fprintf(stderr, "nadir-viewer: 3D view: %s\n", problems.c_str());
  }
  port.shown_key = shown;
  const view3d::RenderedImage image = port.view->Render(
      width, height,
      {.azimuth_deg = port.azimuth_deg, .elevation_deg = port.elevation_deg, .zoom = port.zoom});
  if (!image.ok) {
    port.reason = "3D view: " + image.reason;
    return;
  }
  port.reason.clear();
  port.render_ms = image.milliseconds;
  Upload(port, image);
}

void DrawLabel(ImDrawList* draw, const View3dPort& port, const ImVec2& at) {
  char text[200];
  if (!port.reason.empty())
    std::snprintf(text, sizeof text, "3D  %s\nV: slices", port.reason.c_str());
  else if (port.lesions == 0)
    std::snprintf(text, sizeof text,
                  "3D  no lesion measured by Auto on this series yet\nscene %.0f ms, render %.0f "
                  "ms  drag turns, wheel zooms, V: slices",
                  port.copy_ms + port.scene_ms, port.render_ms);
  else
    std::snprintf(text, sizeof text,
                  "3D  %d lesion%s  scene %.0f ms, render %.0f ms\ndrag turns, wheel zooms, V: "
                  "slices",
                  port.lesions, port.lesions == 1 ? "" : "s", port.copy_ms + port.scene_ms,
                  port.render_ms);
  const ImVec2 size = ImGui::CalcTextSize(text);
  draw->AddRectFilled(ImVec2(at.x + 4, at.y + 4), ImVec2(at.x + size.x + 10, at.y + size.y + 8),
                      Packed(kCaliperLabelBack));
  draw->AddText(ImVec2(at.x + 7, at.y + 6), Packed(kOverlayLabel), text);
}

}  // namespace

View3dUi::~View3dUi() {
  for (View3dPort& p : ports)
    if (p.texture) glDeleteTextures(1, &p.texture);
}

void KeepMask(View3dUi& ui, const std::string& lesion_id, const std::string& series_uid,
              analysis::LesionMask mask, const VolumeGeometry& box) {
  auto same = [&](const KeptMask& m) {
    return m.lesion_id == lesion_id && m.series_uid == series_uid;
  };
  ui.masks.erase(std::remove_if(ui.masks.begin(), ui.masks.end(), same), ui.masks.end());
  ui.masks.push_back({lesion_id, series_uid, std::move(mask), box, ui.next_version++});
}

std::vector<Intent> View3dKeys(const ImGuiIO& io, const std::vector<ViewportRect>& rects,
                               int active, InputState& input) {
  std::vector<Intent> out;
  if (io.WantCaptureKeyboard) return out;
  const double mx = io.MousePos.x * io.DisplayFramebufferScale.x;
  const double my = io.MousePos.y * io.DisplayFramebufferScale.y;
  int at = active;
  for (int i = 0; i < int(rects.size()); ++i)
    if (!io.WantCaptureMouse && rects[i].Contains(mx, my)) at = i;
  auto& keys = input.keys;
  keys.erase(std::remove_if(keys.begin(), keys.end(),
                            [&](const KeyPress& k) {
                              if (k.key != GLFW_KEY_V || k.mods != 0) return false;
                              out.push_back(ToggleView3d{at});
                              return true;
                            }),
             keys.end());
  return out;
}

std::vector<Intent> RouteView3dInput(const View3dUi& ui, std::vector<ViewIntent>& views) {
  std::vector<Intent> out;
  auto routed = [&](const ViewIntent& in) {
    return std::visit(
        [&](const auto& a) -> bool {
          using T = std::decay_t<decltype(a)>;
          if constexpr (std::is_same_v<T, SetLayout> || std::is_same_v<T, SetLinking>) {
            return false;
          } else {
            if (!ui.On(a.viewport)) return false;
            if constexpr (std::is_same_v<T, WindowDrag>)
              out.push_back(
                  TurnView3d{a.viewport, -a.dx * kDegreesPerPixel, a.dy * kDegreesPerPixel});
            else if constexpr (std::is_same_v<T, Scroll>)
              out.push_back(TurnView3d{a.viewport, 0, 0, std::pow(kZoomPerStep, -a.slices)});
            else if constexpr (std::is_same_v<T, Zoom>)
              out.push_back(TurnView3d{a.viewport, 0, 0, a.factor});
            else if constexpr (std::is_same_v<T, ResetView>)
              out.push_back(TurnView3d{a.viewport, 0, 0, 0});  // zoom 0: back to the start
            else if constexpr (std::is_same_v<T, Activate> || std::is_same_v<T, SetWindow>)
              return false;  // kept: the slices behind keep their window
            return true;
          }
        },
        in);
  };
  views.erase(std::remove_if(views.begin(), views.end(), routed), views.end());
  return out;
}

void DropView3dPresses(const View3dUi& ui, std::vector<Intent>& intents) {
  intents.erase(std::remove_if(intents.begin(), intents.end(),
                               [&](const Intent& in) {
                                 const auto* press = std::get_if<CaliperPress>(&in);
                                 return press && ui.On(press->viewport);
                               }),
                intents.end());
}

void ApplyToggleView3d(View3dUi& ui, const ToggleView3d& a) {
  if (a.viewport < 0) return;
  if (a.viewport >= int(ui.ports.size())) ui.ports.resize(a.viewport + 1);
  ui.ports[a.viewport].on = !ui.ports[a.viewport].on;
}

void ApplyTurnView3d(View3dUi& ui, const TurnView3d& a) {
  if (!ui.On(a.viewport)) return;
  View3dPort& p = ui.ports[a.viewport];
  if (a.zoom <= 0) {  // ResetView
    p.azimuth_deg = p.elevation_deg = 0;
    p.zoom = 1;
    return;
  }
  p.azimuth_deg = std::remainder(p.azimuth_deg + a.azimuth_deg, 360.0);
  p.elevation_deg =
      std::clamp(p.elevation_deg + a.elevation_deg, -kMaxElevationDeg, kMaxElevationDeg);
  p.zoom = std::clamp(p.zoom * a.zoom, kMin3dZoom, kMax3dZoom);
}

void DrawView3dViewports(ImDrawList* draw, View3dUi& ui, const AnnotateUi& annotate,
                         const ReadingRoom& room, const std::vector<ViewportRect>& rects,
                         float scale) {
  for (int i = 0; i < int(rects.size()); ++i) {
    if (!ui.On(i)) continue;
    View3dPort& port = ui.ports[i];
    const ViewportRect& r = rects[i];
    Refresh(port, ui, annotate, room.SeriesOf(i), r.width, r.height);
    const ImVec2 a(r.x / scale, r.y / scale), b((r.x + r.width) / scale, (r.y + r.height) / scale);
    draw->PushClipRect(a, b, true);
    // Opaque: hides the slice, its labels and calipers drawn under it this frame.
    draw->AddRectFilled(a, b, Packed(kBackground));
    if (port.texture && port.reason.empty())
      draw->AddImage(reinterpret_cast<ImTextureID>(std::intptr_t(port.texture)), a, b);
    DrawLabel(draw, port, a);
    draw->PopClipRect();
  }
}

}  // namespace nadir::viewer
