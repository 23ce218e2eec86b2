#include "viewer/app/application.h"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <future>
#include <numeric>
#include <thread>

#include "viewer/app/annotate_glue.h"
#include "viewer/app/bench_series.h"
#include "viewer/app/columns.h"
#include "viewer/app/dicom_source.h"
#include "viewer/app/file_menu.h"
#include "viewer/app/input.h"
#include "viewer/app/overlays.h"
#include "viewer/app/panels.h"
#include "viewer/app/reader_mode.h"
#include "viewer/app/reading_room.h"
#include "viewer/app/sources.h"
#include "viewer/core/settings.h"
#include "viewer/gl/context.h"
#include "viewer/gl/framebuffer.h"
#include "viewer/gl/gl.h"

namespace nadir::viewer {

namespace {

using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// Everything one run of the viewer holds.
struct Session {
  const Options& options;
  GLFWwindow* window;
  ReadingRoom room;
  BrowserPanel browser;
  InputState input;
  std::future<ScannedFolder> scan;
  std::string source_label;
  double frame_ms = 0;
  double cine_time = 0;
  bool save_window = false;  // F12 pressed: read the back buffer after this frame
  int saved_windows = 0;
  Clock::time_point last_frame = Clock::now();
  AnnotateUi annotate{};            // lesions, calipers, live response (viewer/annotate)
  FileMenuUi files{};               // open / save assessments and DICOM SR
  ReaderModeUi reader{};            // a blinded reader's package: its cases
  ScreenSplit split;                // column widths and which columns are folded
  ScreenRegions regions;            // where this frame put the panels and the images
  std::vector<ViewportRect> rects;  // this frame's viewports (framebuffer pixels)
  std::string dumped_layout;        // what --dump-layout last wrote
};

// Starts listing series: the synthetic chest at once, or a folder scan on a worker thread.
void StartSources(Session& s) {
  const Options& o = s.options;
  if (o.synthetic) {
    s.room.SetSeries(SyntheticSeries(o.synthetic_size));
    s.source_label = "synthetic chest (built in code)";
    s.room.PlaceDefaults(o.orientation);
    return;
  }
  const std::string path = o.path.empty() ? kDefaultStudies : o.path;
  s.source_label = "scanning " + path + " ...";
  s.scan = std::async(std::launch::async, [path] { return ScanFolder(path); });
}

// Opens --sr or --assessment before the first frame, so that the subject's own studies are
// shown once listed. Returns 1 when the one asked for could not be opened (said on stderr); the
// viewer then starts a new assessment and never writes over the file it could not read.
int OpenAtStart(Session& s) {
  std::string error;
  const Options& o = s.options;
  if (!o.synthetic && !StartReaderMode(s.reader, s.files.images, &error)) {
    std::fprintf(stderr, "nadir-viewer: %s\n", error.c_str());
    return 1;
  }
  if (s.reader.active) s.annotate.session.LockReader(s.reader.cases.reader);
  const std::string first_case =
      s.reader.active && o.sr.empty() && o.assessment.empty() ? FirstCaseToRead(s.reader) : "";
  if (!first_case.empty()) {
    s.annotate.assessment = first_case;
    if (s.annotate.session.Open(first_case, &error)) {
      s.annotate.started = true;
      s.files.show_subject = true;
      return 0;
    }
    s.annotate.assessment.clear();
  } else if (!o.sr.empty()) {
    if (OpenSrAtStart(s.files, s.annotate, o.sr, &error)) return 0;
  } else if (!o.assessment.empty() && std::filesystem::exists(o.assessment)) {
    if (s.annotate.session.Open(o.assessment, &error)) {
      s.annotate.started = true;
      s.files.show_subject = true;
      return 0;
    }
    s.annotate.assessment.clear();
  } else {
    return 0;
  }
  s.annotate.status = error;
  std::fprintf(stderr, "nadir-viewer: %s\n", error.c_str());
  return 1;
}

// Takes the scan's result when it is there. Returns true when series were added.
bool CollectScan(Session& s, bool wait) {
  if (!s.scan.valid()) return false;
  if (!wait && s.scan.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
  ScannedFolder folder = s.scan.get();
  s.source_label = folder.message;
  if (s.options.bench_frames > 0)
    std::printf("scan: %s in %.1f ms\n", folder.message.c_str(), folder.scan_ms);
  if (folder.series.empty()) std::fprintf(stderr, "nadir-viewer: %s\n", folder.message.c_str());
  s.room.SetSeries(std::move(folder.series));
  s.room.PlaceDefaults(s.options.orientation);
  return true;
}

// One frame: panels, input, images, overlays. `overlay` false draws the images only, filling
// the framebuffer (screenshot tests compare pixels of those).
void Frame(Session& s, int fb_width, int fb_height, bool overlay) {
  const auto now = Clock::now();
  const double dt = std::chrono::duration<double>(now - s.last_frame).count();
  s.last_frame = now;
  CollectScan(s, false);
  s.room.Pump();
  ReadingState& state = s.room.state();
  glDisable(GL_SCISSOR_TEST);
  glViewport(0, 0, fb_width, fb_height);
  glClearColor(0.09f, 0.09f, 0.1f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  if (!overlay) {
    s.room.Render(LayoutRects(state.layout, {0, 0, fb_width, fb_height}), fb_height);
    return;
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  const ImGuiIO& io = ImGui::GetIO();
  const float scale = io.DisplayFramebufferScale.x > 0 ? io.DisplayFramebufferScale.x : 1.0f;
  float menu_height = 0;
  MenuIntent menu =
      DrawMenuBar(state, s.frame_ms, menu_height, [&] { DrawFileMenu(s.files, s.annotate); });
  // Panels beside the images, never over them (screen_layout.h); window pixels here, the
  // viewports below in framebuffer pixels.
  const bool right_panels = s.annotate.started;
  s.regions = ComputeScreen(int(io.DisplaySize.x), int(io.DisplaySize.y), int(menu_height), s.split,
                            right_panels, s.reader.active);
  const auto area = [&] {
    const ViewportRect& r = s.regions.images;
    return ViewportRect{int(r.x * scale), int(r.y * scale), std::max(int(r.width * scale), 1),
                        std::max(int(r.height * scale), 1)};
  };
  std::vector<ViewportRect> rects = LayoutRects(state.layout, area());
  std::optional<OpenSeries> open;
  if (s.regions.has_left)
    open = DrawStudyBrowser(s.browser, s.room.series(), state, s.regions.studies,
                            s.source_label.c_str());
  DrawColumnHandles(s.split, s.regions, right_panels, io.DisplaySize.x);
  if (state.show_help && !DrawHelp()) state.show_help = false;
  ShowSubjectWhenListed(s.files, s.annotate, s.room);
  const ViewportRect none{0, 0, 0, 0};
  AnnotatePanels(s.annotate, s.room, rects, s.regions.has_right ? s.regions.lesions : none,
                 s.regions.has_right ? s.regions.response : none);
  DrawReaderCases(s.reader, s.files, s.annotate,
                  s.regions.has_cases ? s.regions.reader_cases : none);
  SaveAsWhenAsked(s.files, s.annotate);
  DrawFileDialogs(s.files, s.annotate, s.room);
  FileMenuKeys(s.files, s.annotate, io, s.input);
  const bool caliper = AnnotateInput(s.annotate, io, s.room, rects, s.input);
  AppKeys keys;
  std::vector<Intent> intents = ViewportInput(io, state, rects, s.input, keys);
  if (caliper) DropCaliperDrag(intents);
  intents.insert(intents.begin(), menu.intents.begin(), menu.intents.end());
  for (const Intent& in : intents) {
    s.room.Apply(rects, in);
    rects = LayoutRects(state.layout, area());
  }
  if (open) {
    const auto& vps = state.viewports;
    const Orientation o = open->viewport < int(vps.size()) && vps[open->viewport].series >= 0
                              ? vps[open->viewport].plane.orientation
                              : Orientation::kAxial;
    s.room.Open(open->series, open->viewport, o);
  }
  if (keys.toggle_help || menu.toggle_help) state.show_help = !state.show_help;
  if (keys.close_help) state.show_help = false;
  if (keys.toggle_cine || menu.toggle_cine) state.cine = !state.cine, s.cine_time = 0;
  if (keys.quit || menu.quit) glfwSetWindowShouldClose(s.window, GLFW_TRUE);
  AnnotateGuardClose(s.annotate, s.window);
  s.save_window |= keys.save_screenshot;
  if (const auto step = CineStep(state, dt, s.cine_time)) s.room.Apply(rects, *step);

  s.room.Render(rects, fb_height);
  s.rects = rects;
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  for (int i = 0; i < int(rects.size()); ++i) {
    OverlayInput in;
    in.viewport = &state.viewports[i];
    in.series = s.room.SeriesOf(i);
    in.rect = {int(rects[i].x / scale), int(rects[i].y / scale), int(rects[i].width / scale),
               int(rects[i].height / scale)};
    in.active = i == state.active && rects.size() > 1;
    const double mx = io.MousePos.x * scale - rects[i].x, my = io.MousePos.y * scale - rects[i].y;
    if (!io.WantCaptureMouse && rects[i].Contains(io.MousePos.x * scale, io.MousePos.y * scale))
      in.probe = s.room.ProbeAt(i, rects[i], mx, my);
    DrawViewportOverlay(draw, in);
  }
  DrawCalipers(draw, s.annotate, s.room, rects, scale);
  ImGui::Render();
  glViewport(0, 0, fb_width, fb_height);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

struct ImGuiScope {
  explicit ImGuiScope(GLFWwindow* window) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // panels are placed by code; settings.h remembers
    ImGui::StyleColorsDark();
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
  }
  ~ImGuiScope() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
};

bool WriteTextAtomically(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return false;
  const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !written) return false;
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

// --dump-layout: this frame's viewports (window pixels) and docked panels, written when they
// change (tests check that no panel covers an image).
void DumpLayout(Session& s, float scale) {
  if (s.options.dump_layout.empty()) return;
  std::vector<ViewportRect> viewports;
  for (const ViewportRect& r : s.rects)
    viewports.push_back(
        {int(r.x / scale), int(r.y / scale), int(r.width / scale), int(r.height / scale)});
  const std::string json = LayoutJson(viewports, s.regions.Panels());
  if (json == s.dumped_layout) return;
  s.dumped_layout = json;
  if (!WriteTextAtomically(s.options.dump_layout, json))
    std::fprintf(stderr, "nadir-viewer: cannot write --dump-layout %s\n",
                 s.options.dump_layout.c_str());
}

int Screenshot(Session& s, int width, int height) {
  CollectScan(s, true);
  ShowSubjectWhenListed(s.files, s.annotate, s.room);
  s.room.FinishLoading();
  Framebuffer fbo(width, height);
  fbo.Bind();
  // ImGui sizes auto-fitting windows on their first frame: draw two, keep the second.
  for (int i = 0; i < 2; ++i) Frame(s, width, height, !s.options.no_overlay);
  glFinish();
  WritePng(s.options.screenshot, fbo.Read());
  DumpLayout(s, 1.0f);
  Framebuffer::BindDefault();
  std::printf("wrote %s (%dx%d, %s)\n", s.options.screenshot.c_str(), width, height,
              GlfwContext::RendererDescription().c_str());
  // A picture without the images asked for is a failure for the script that asked.
  int status = 0;
  if (s.room.series().empty()) {
    std::fprintf(stderr, "nadir-viewer: no series to show, nothing written but an empty frame\n");
    status = 1;
  }
  for (const auto& slot : s.room.series())
    if (slot->state() == SeriesSlot::State::kFailed) {
      std::fprintf(stderr, "nadir-viewer: cannot show %s %s: %s\n",
                   slot->summary().patient_id.c_str(), slot->summary().series_description.c_str(),
                   slot->error().c_str());
      status = 1;
    }
  return status;
}

void PrintStats(const char* what, std::vector<double> ms) {
  if (ms.empty()) return;
  std::sort(ms.begin(), ms.end());
  const double mean = std::accumulate(ms.begin(), ms.end(), 0.0) / ms.size();
  std::printf("%s: %zu frames, median %.2f ms, mean %.2f ms, p95 %.2f ms, max %.2f ms\n", what,
              ms.size(), ms[ms.size() / 2], mean, ms[std::min(ms.size() - 1, ms.size() * 95 / 100)],
              ms.back());
}

// Figures for the report: time to first image, load and upload time, frame time while
// scrolling (glFinish after every frame, so the time includes the GPU's work).
int Bench(Session& s, Clock::time_point launched, int width, int height) {
  glfwSwapInterval(0);
  std::printf("renderer: %s\n", GlfwContext::RendererDescription().c_str());
  const auto started = Clock::now();
  bool first = false;
  while (true) {
    Frame(s, width, height, !s.options.no_overlay);
    glFinish();
    glfwSwapBuffers(s.window);
    glfwPollEvents();
    if (!first && s.room.FirstImageReady()) {
      first = true;
      std::printf("first image: %.1f ms after launch (%.1f ms after the window opened)\n",
                  MsSince(launched), MsSince(started));
    }
    bool loading = s.scan.valid();
    for (const auto& slot : s.room.series())
      loading |= slot->state() == SeriesSlot::State::kLoading;
    if (first && !loading) break;
    if (MsSince(started) > 600000) break;
  }
  double upload_ms = 0, bytes = 0;
  for (const auto& slot : s.room.series())
    if (slot->state() == SeriesSlot::State::kReady)
      upload_ms += slot->UploadMs(), bytes += double(slot->texture().Bytes());
  std::printf(
      "all shown series loaded: %.1f ms after the window opened; GPU upload %.1f ms for "
      "%.1f MB (%.0f MB/s)\n",
      MsSince(started), upload_ms, bytes / 1e6, upload_ms > 0 ? bytes / 1e3 / upload_ms : 0);
  for (int i = 0; i < int(s.room.state().viewports.size()); ++i)
    if (const SeriesSlot* slot = s.room.SeriesOf(i))
      std::printf("viewport %d: %dx%dx%d voxels, %s; texture allocation (air) %.1f ms\n", i + 1,
                  slot->geometry().size[0], slot->geometry().size[1], slot->geometry().size[2],
                  std::string(Name(s.room.state().viewports[i].plane.orientation)).c_str(),
                  slot->AllocateMs());
  for (int i = 0; i < int(s.room.state().viewports.size()); ++i)
    if (const SeriesSlot* slot = s.room.SeriesOf(i)) {
      const auto ms = [&](Clock::time_point t) {
        return std::chrono::duration<double, std::milli>(t - slot->started_at).count();
      };
      std::printf(
          "viewport %d: after loading started: geometry %.1f ms, first slice on the GPU "
          "%.1f ms\n",
          i + 1, ms(slot->geometry_at), ms(slot->first_slice_at));
    }
  std::vector<double> ms;
  const std::vector<ViewportRect> rects = LayoutRects(s.room.state().layout, {0, 0, width, height});
  int direction = 1;
  for (int f = 0; f < s.options.bench_frames; ++f) {
    const auto t0 = Clock::now();
    ReadingState& st = s.room.state();
    const ViewportState& vp = st.viewports[0];
    const int n = SliceIndex(vp.plane, vp.view);
    if (n == 0 || n == vp.plane.slice_count - 1) direction = -direction;
    s.room.Apply(rects, intent::Scroll{0, direction});
    Frame(s, width, height, !s.options.no_overlay);
    glFinish();
    ms.push_back(MsSince(t0));
    glfwSwapBuffers(s.window);
    glfwPollEvents();
  }
  PrintStats("scrolling", ms);
  if (s.options.bench_all_series)
    BenchAllSeries(s.room, rects, s.options.bench_frames, [&] {
      Frame(s, width, height, !s.options.no_overlay);
      glFinish();
      glfwSwapBuffers(s.window);
      glfwPollEvents();
    });
  return 0;
}

int Interactive(Session& s, Settings& settings, const std::string& settings_file) {
  glfwSwapInterval(1);
  while (!glfwWindowShouldClose(s.window)) {
    bool busy = s.scan.valid() || s.room.state().cine || s.input.drag_viewport >= 0 ||
                s.annotate.auto_job.has_value();
    for (const auto& slot : s.room.series()) busy |= slot->state() == SeriesSlot::State::kLoading;
    // Idle: wait for input instead of spinning (the machine is shared with the loader).
    if (busy) {
      // No faster than ~120 frames a second when swap does not wait for vsync (Xvfb).
      const auto next = s.last_frame + std::chrono::milliseconds(8);
      if (Clock::now() < next) std::this_thread::sleep_until(next);
      glfwPollEvents();
    } else {
      glfwWaitEventsTimeout(0.25);
    }
    int w = 0, h = 0;
    glfwGetFramebufferSize(s.window, &w, &h);
    if (w <= 0 || h <= 0) continue;
    const auto t0 = Clock::now();
    Frame(s, w, h, true);
    s.frame_ms = 0.9 * s.frame_ms + 0.1 * MsSince(t0);
    DumpLayout(s, w > 0 ? float(w) / std::max(float(ImGui::GetIO().DisplaySize.x), 1.0f) : 1.0f);
    if (s.save_window) {
      s.save_window = false;
      const std::string name = "nadir-window-" + std::to_string(++s.saved_windows) + ".png";
      try {
        WritePng(name, ReadBackBuffer(w, h));
        std::printf("saved %s\n", name.c_str());
      } catch (const std::exception& e) {
        std::fprintf(stderr, "nadir-viewer: %s\n", e.what());
      }
    }
    glfwSwapBuffers(s.window);
  }
  glfwGetWindowSize(s.window, &settings.window_width, &settings.window_height);
  settings.layout = s.room.state().layout;
  settings.link_scroll = s.room.state().link.scroll;
  settings.link_window = s.room.state().link.window;
  if (!settings_file.empty()) SaveSettings(settings_file, settings);
  return 0;
}

}  // namespace

int RunApplication(const Options& o, Clock::time_point launched) {
  const bool headless = !o.screenshot.empty();
  Settings settings =
      headless || o.settings_file.empty() ? Settings{} : LoadSettings(o.settings_file);
  if (o.width > 0) settings.window_width = o.width, settings.window_height = o.height;
  if (o.layout) settings.layout = *o.layout;
  GlfwContext context(settings.window_width, settings.window_height, "nadir viewer", !headless);
  Session s{o,
            context.window(),
            ReadingRoom({}, settings.layout, o.window.value_or(WindowLevel{})),
            {},
            {},
            {},
            {},
            0,
            0,
            false,
            0,
            Clock::now(),
            {},
            {},
            {},
            {},
            {},
            {},
            {}};
  s.annotate.assessment = o.assessment;
  if (!o.synthetic) s.files.images = o.path.empty() ? kDefaultStudies : o.path;
  if (const int status = OpenAtStart(s); status != 0 && headless) return status;
  InstallKeyQueue(context.window(), s.input);  // before ImGui's backend, which chains to it
  ImGuiScope imgui(context.window());
  s.room.state().link = {settings.link_scroll, settings.link_window};
  if (o.slice) s.room.SetStartSlice(*o.slice);
  s.room.SetStartSlab(o.slab_mm);
  s.room.SetMemoryBudget(o.memory_budget_mb << 20);
  StartSources(s);
  int w = 0, h = 0;
  glfwGetFramebufferSize(context.window(), &w, &h);
  if (headless) return Screenshot(s, settings.window_width, settings.window_height);
  if (o.bench_frames > 0) return Bench(s, launched, w, h);
  return Interactive(s, settings, o.settings_file);
}

}  // namespace nadir::viewer
