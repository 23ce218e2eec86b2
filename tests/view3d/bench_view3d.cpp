// `nadir_bench_view3d [--slices N] [--size PX] [--out PNG]`: the 3D view's times on the trial
// phantom's CT (512 x 512 x N, lesions measured from a click at their centres, as the viewer's
// auto tool does): surfaces built once, then renders turned by 30 degrees (a drag). Needs an X
// display (xvfb-run on a headless machine).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "analysis/lesion_measure.h"
#include "dicom/phantom.h"
#include "viewer/core/png_io.h"
#include "viewer/view3d/surface_view.h"

int main(int argc, char** argv) {
  using namespace nadir;
  int slices = 100, px = 512;
  std::string out = "/tmp/nadir_view3d_trial.png";
  for (int a = 1; a + 1 < argc; a += 2) {
    if (!std::strcmp(argv[a], "--slices")) slices = std::atoi(argv[a + 1]);
    if (!std::strcmp(argv[a], "--size")) px = std::atoi(argv[a + 1]);
    if (!std::strcmp(argv[a], "--out")) out = argv[a + 1];
  }
  dicom::PhantomTrial trial = dicom::PlanPhantomTrial({});
  trial.spacing[2] = trial.spacing[2] * trial.size[2] / slices;  // the same body, N slices
  trial.size[2] = slices;
  const Volume volume = dicom::RenderPhantom(trial, 0, 0);
  std::printf("CT %d x %d x %d, spacing %.2f x %.2f x %.2f mm\n", volume.size[0], volume.size[1],
              volume.size[2], volume.spacing[0], volume.spacing[1], volume.spacing[2]);

  const std::array<std::array<float, 3>, 4> colours{
      {{0.95f, 0.15f, 0.1f}, {0.1f, 0.8f, 0.2f}, {0.2f, 0.4f, 1.0f}, {1.0f, 0.8f, 0.1f}}};
  std::vector<view3d::SceneLesion> lesions;
  for (const auto& l : trial.subjects[0].timepoints[0].lesions) {
    if (l.long_mm <= 0) continue;
    const auto m = analysis::MeasureLesion(volume, l.centre, {.nodal = l.nodal});
    std::printf("  %-4s %-10s %s\n", l.id.c_str(), l.site.c_str(),
                m.found ? "measured" : ("not found: " + m.reason).c_str());
    if (m.found) lesions.push_back({m.mask, colours[lesions.size() % colours.size()]});
  }

  view3d::SurfaceView view;
  const std::string why = view.SetScene(volume, lesions);
  if (!why.empty()) std::printf("scene: %s\n", why.c_str());
  std::printf("scene (body and %zu lesion surfaces): %.0f ms\n", lesions.size(),
              view.SceneMilliseconds());
  for (int turn = 0; turn <= 4; ++turn) {
    const auto image = view.Render(px, px, {.azimuth_deg = 30.0 * turn, .elevation_deg = 10});
    if (!image.ok) {
      std::printf("render: %s\n", image.reason.c_str());
      return 1;
    }
    std::printf("render %d x %d at azimuth %3d: %.0f ms%s\n", px, px, 30 * turn, image.milliseconds,
                turn == 0 ? " (creates the GL context)" : "");
    if (turn == 1) viewer::WritePng(out, {image.width, image.height, image.rgba});
  }
  std::printf("wrote %s\n", out.c_str());
  return 0;
}
