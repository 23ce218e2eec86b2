#include "viewer/core/options.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>

#include "viewer/core/series_budget.h"

namespace nadir::viewer {

namespace {

std::string PresetList() {
  std::string s;
  for (const auto& p : kWindowPresets) s += (s.empty() ? "" : ", ") + std::string(p.name);
  return s;
}

}  // namespace

ParseResult ParseOptions(int argc, char** argv) {
  CLI::App app{"nadir-viewer: read CT studies side by side (baseline and follow-up)"};
  Options o;
  std::string layout, preset, window, orientation, size, synthetic_size, auto_at;
  app.add_option("path", o.path, "folder of studies (default: sample_data/phantom)");
  app.add_flag("--synthetic", o.synthetic, "show the built-in synthetic chest volume");
  app.add_option("--synthetic-size", synthetic_size,
                 "voxels of the synthetic chest, IxJxK (default 256x256x96)");
  app.add_option("--screenshot", o.screenshot, "render one frame into this PNG and exit");
  app.add_option("--layout", layout, "viewports: 1x1, 1x2, 2x2, 1x3 (axial|coronal|sagittal)");
  app.add_option("--slice", o.slice, "slice index along the view normal (0-based)");
  app.add_option("--preset", preset, "window preset: " + PresetList());
  app.add_option("--window", window, "window as WIDTH/LEVEL in HU, e.g. 400/40");
  app.add_option("--orientation", orientation, "axial, coronal or sagittal");
  app.add_option("--mip", o.slab_mm, "maximum intensity projection slab thickness (mm)");
  app.add_option("--size", size, "image or window size WxH, e.g. 1600x900");
  app.add_option("--bench", o.bench_frames, "scroll N frames, print frame times and exit");
  app.add_flag("--bench-all-series", o.bench_all_series,
               "with --bench: then open every series in turn in the first viewport, scroll it "
               "and print the resident memory");
  o.memory_budget_mb = DefaultMemoryBudgetMb();
  // Signed, so that "-5" is refused rather than wrapped to a huge budget.
  long long budget_mb = static_cast<long long>(o.memory_budget_mb);
  app.add_option("--memory-budget-mb", budget_mb,
                 "keep loaded series within N MB, unloading the least recently viewed ones "
                 "(0: no limit; default " +
                     std::to_string(o.memory_budget_mb) + ", half the physical memory)");
  app.add_flag("--no-overlay", o.no_overlay, "draw the images only (no labels or panels)");
  app.add_option("--settings", o.settings_file, "file remembering window size and layout");
  app.add_option("--dump-layout", o.dump_layout,
                 "write the screen rectangles of the frame (viewports, panels) as JSON");
  app.add_option("--assessment", o.assessment,
                 "assessment file to annotate (nadir-assessment/1); created on the first save");
  auto* sr = app.add_option("--sr", o.sr,
                            "folder of DICOM SR Measurement Reports (TID 1500) to open instead "
                            "of an assessment file");
  sr->excludes("--assessment");
  app.add_option("--user", o.user,
                 "who the audit log names for the saves (signed with this user's key from "
                 "`nadir keys create`) when the assessment has no reader; default: $USER");
  app.add_option("--view3d", o.view3d, "with --screenshot: viewport N (0-based) shown in 3D");
  app.add_option("--auto-at", auto_at,
                 "with --screenshot: the Auto tool measures at patient X,Y,Z (mm) in viewport 0 "
                 "and the lesion is recorded");
  try {
    app.parse(argc, argv);
    if (!layout.empty()) {
      o.layout = ParseLayout(layout);
      if (!o.layout) throw CLI::ValidationError("--layout", "unknown layout '" + layout + "'");
    }
    if (!preset.empty()) {
      o.window = PresetByName(preset);
      if (!o.window)
        throw CLI::ValidationError("--preset",
                                   "unknown preset '" + preset + "' (one of " + PresetList() + ")");
    }
    if (!window.empty()) {
      WindowLevel wl;
      char slash = 0;
      if (std::sscanf(window.c_str(), "%lf%c%lf", &wl.width, &slash, &wl.level) != 3 ||
          slash != '/' || wl.width < kMinWindowWidth)
        throw CLI::ValidationError("--window", "expected WIDTH/LEVEL, got '" + window + "'");
      o.window = wl;
    }
    if (!orientation.empty()) {
      o.orientation = ParseOrientation(orientation);
      if (!o.orientation)
        throw CLI::ValidationError("--orientation", "unknown orientation '" + orientation + "'");
    }
    if (!size.empty() && (std::sscanf(size.c_str(), "%dx%d", &o.width, &o.height) != 2 ||
                          o.width < 16 || o.height < 16 || o.width > 8192 || o.height > 8192))
      throw CLI::ValidationError("--size", "expected WxH (16..8192), got '" + size + "'");
    if (!synthetic_size.empty()) {
      auto& z = o.synthetic_size;
      if (std::sscanf(synthetic_size.c_str(), "%dx%dx%d", &z[0], &z[1], &z[2]) != 3 || z[0] < 2 ||
          z[1] < 2 || z[2] < 2 || z[0] > 2048 || z[1] > 2048 || z[2] > 2048)
        throw CLI::ValidationError("--synthetic-size",
                                   "expected IxJxK (2..2048), got '" + synthetic_size + "'");
      o.synthetic = true;
    }
    if (budget_mb < 0)
      throw CLI::ValidationError(
          "--memory-budget-mb", "expected MB >= 0 (0: no limit), got " + std::to_string(budget_mb));
    o.memory_budget_mb = std::uint64_t(budget_mb);
    if (!auto_at.empty()) {
      std::array<double, 3> p{};
      char rest = 0;
      if (std::sscanf(auto_at.c_str(), "%lf,%lf,%lf%c", &p[0], &p[1], &p[2], &rest) != 3)
        throw CLI::ValidationError("--auto-at", "expected X,Y,Z in mm, got '" + auto_at + "'");
      o.auto_at = p;
    }
    if (o.view3d && (*o.view3d < 0 || *o.view3d > 3))
      throw CLI::ValidationError("--view3d",
                                 "viewport " + std::to_string(*o.view3d) + " is outside 0..3");
    if (o.slab_mm < 0) throw CLI::ValidationError("--mip", "slab thickness must be >= 0 mm");
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help or the error
    return {std::nullopt, code == 0 ? 0 : 2};
  }
  if (o.settings_file.empty()) {
    const char* home = std::getenv("HOME");
    if (home && *home) o.settings_file = std::string(home) + "/.config/nadir/viewer.ini";
  }
  return {o, 0};
}

}  // namespace nadir::viewer
