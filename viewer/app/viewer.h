// One run of the viewer: everything it holds (the reading room, the annotation, the File menu,
// reader mode, input and screen regions), and the frame that draws it. The interactive loop
// (application.cpp), the benchmark (bench_mode.cpp) and the screenshot (screenshot_mode.cpp)
// each drive frames of it.
#pragma once

#include <chrono>
#include <future>
#include <string>
#include <vector>

#include "viewer/app/annotate_glue.h"
#include "viewer/app/dicom_source.h"
#include "viewer/app/file_menu.h"
#include "viewer/app/input.h"
#include "viewer/app/panels.h"
#include "viewer/app/reader_mode.h"
#include "viewer/app/reading_room.h"
#include "viewer/app/tracking_flow.h"
#include "viewer/app/view3d_viewport.h"
#include "viewer/core/options.h"
#include "viewer/core/screen_layout.h"
#include "viewer/pacs/pacs_window.h"

struct GLFWwindow;

namespace nadir::viewer {

using Clock = std::chrono::steady_clock;

/// Milliseconds from `t` until now.
double MsSince(Clock::time_point t);

struct Viewer {
  Viewer(const Options& o, GLFWwindow* w, Layout layout, const WindowLevel& wl)
      : options(o), window(w), room({}, layout, wl) {}

  const Options& options;
  GLFWwindow* window;
  ReadingRoom room;
  BrowserPanel browser{};
  InputState input{};
  std::future<ScannedFolder> scan{};
  std::string source_label{};
  double frame_ms = 0;
  double cine_time = 0;
  bool save_window = false;  // F12 pressed: read the back buffer after this frame
  int saved_windows = 0;
  Clock::time_point last_frame = Clock::now();
  AnnotateUi annotate{};                 // lesions, calipers, live response (viewer/annotate)
  FileMenuUi files{};                    // open / save assessments and DICOM SR
  ReaderModeUi reader{};                 // a blinded reader's package: its cases
  TrackingUi tracking{};                 // baseline lesions followed into the follow-up (N)
  View3dUi view3d{};                     // viewports showing their series in 3D, the lesion masks
  ScreenSplit split{};                   // column widths and which columns are folded
  ScreenRegions regions{};               // where this frame put the panels and the images
  ViewportRect images_area{};            // where the viewports go (framebuffer pixels)
  std::vector<ViewportRect> rects{};     // this frame's viewports (framebuffer pixels)
  std::string dumped_layout{};           // what --dump-layout last wrote
  PacsWindowUi pacs{};                   // File > Open from PACS, and Send SR to PACS
  std::vector<std::string> retrieved{};  // series folders that arrived from the PACS
  std::vector<std::string> arrivals{};   // of those, the ones waiting to be listed, in order
  bool scan_adds = false;                // the running scan lists one arrival (AddSeries)
  bool lists_retrieved = false;          // the room lists series retrieved from the PACS
};

/// Takes the folder scan's result when it is there (`wait`: blocks until it is). Returns true
/// when series were added.
bool CollectScan(Viewer& v, bool wait);

/// One frame: panels, input, images, overlays. `overlay` false draws the images only, filling
/// the framebuffer (screenshot tests compare pixels of those).
void Frame(Viewer& v, int fb_width, int fb_height, bool overlay);

/// --dump-layout: this frame's viewports (window pixels) and docked panels, written when they
/// change (tests check that no panel covers an image). `scale`: framebuffer pixels per window
/// pixel.
void DumpLayout(Viewer& v, float scale);

/// --screenshot: draws one picture offscreen once everything shown has loaded, writes it;
/// returns the exit code (1 when the picture lacks the images asked for).
int Screenshot(Viewer& v, int width, int height);

/// --bench N: time to first image, load and upload time, then N frames of scrolling.
int Bench(Viewer& v, Clock::time_point launched, int width, int height);

}  // namespace nadir::viewer
