#include "viewer/app/application.h"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <utility>

#include "viewer/app/columns.h"
#include "viewer/app/controller.h"
#include "viewer/app/dicom_source.h"
#include "viewer/app/overlays.h"
#include "viewer/app/sources.h"
#include "viewer/app/viewer.h"
#include "viewer/core/settings.h"
#include "viewer/core/theme.h"
#include "viewer/gl/context.h"
#include "viewer/gl/framebuffer.h"
#include "viewer/gl/gl.h"

namespace nadir::viewer {

double MsSince(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

namespace {

// Starts listing series: the synthetic chest at once, or a folder scan on a worker thread.
void StartSources(Viewer& s) {
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
int OpenAtStart(Viewer& s) {
  std::string error;
  const Options& o = s.options;
  if (!o.synthetic && !StartReaderMode(s.reader, s.files.images, &error)) {
    std::fprintf(stderr, "nadir-viewer: %s\n", error.c_str());
    return 1;
  }
  s.annotate.session.SetUser(o.user);  // the audit log's user when the assessment names none
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
    if (OpenSrAtStart(s, o.sr, &error)) return 0;
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

}  // namespace

bool CollectScan(Viewer& s, bool wait) {
  if (!s.scan.valid()) return false;
  if (!wait && s.scan.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
  ScannedFolder folder = s.scan.get();
  if (s.options.bench_frames > 0)
    std::printf("scan: %s in %.1f ms\n", folder.message.c_str(), folder.scan_ms);
  if (folder.series.empty()) std::fprintf(stderr, "nadir-viewer: %s\n", folder.message.c_str());
  const bool arrival = std::exchange(s.scan_adds, false);
  if (arrival && s.lists_retrieved) {
    // A series retrieved from the PACS joins those listed; what is on screen stays.
    s.room.AddSeries(std::move(folder.series));
    s.room.RefreshDefaults(s.options.orientation);
    FollowEarlierBaseline(s);
  } else {
    // A folder opened (the series retrieved are no longer listed), or the first series that
    // arrived from the PACS: the list is replaced.
    if (!arrival) s.retrieved.clear();
    s.lists_retrieved = arrival;
    s.room.SetSeries(std::move(folder.series));
    s.room.PlaceDefaults(s.options.orientation);
  }
  s.source_label = arrival ? std::to_string(s.room.series().size()) +
                                 " series retrieved from the PACS (" + folder.message + ")"
                           : folder.message;
  StartNextArrival(s);
  return true;
}

void Frame(Viewer& s, int fb_width, int fb_height, bool overlay) {
  const auto now = Clock::now();
  const double dt = std::chrono::duration<double>(now - s.last_frame).count();
  s.last_frame = now;
  CollectScan(s, false);
  s.room.Pump();
  ReadingState& state = s.room.state();
  glDisable(GL_SCISSOR_TEST);
  glViewport(0, 0, fb_width, fb_height);
  glClearColor(kBackground.r, kBackground.g, kBackground.b, kBackground.a);
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
  const std::vector<Intent> menu = DrawMenuBar(state, s.frame_ms, menu_height,
                                               [&] { return DrawFileMenu(s.files, s.annotate); });
  // Panels beside the images, never over them (screen_layout.h); window pixels here, the
  // viewports below in framebuffer pixels.
  const bool right_panels = s.annotate.started;
  s.regions = ComputeScreen(int(io.DisplaySize.x), int(io.DisplaySize.y), int(menu_height), s.split,
                            right_panels, s.reader.active);
  const ViewportRect& r = s.regions.images;
  s.images_area = {int(r.x * scale), int(r.y * scale), std::max(int(r.width * scale), 1),
                   std::max(int(r.height * scale), 1)};
  s.rects = LayoutRects(state.layout, s.images_area);
  std::optional<OpenSeries> open;
  if (s.regions.has_left)
    open = DrawStudyBrowser(s.browser, s.room.series(), state, s.regions.studies,
                            s.source_label.c_str());
  Apply(s, DrawColumnHandles(s.split, s.regions, right_panels, io.DisplaySize.x));
  if (state.show_help && !DrawHelp()) Apply(s, CloseHelp{});
  ShowSubjectWhenListed(s);
  for (const auto& folder : DrawPacsWindow(s.pacs)) Apply(s, OpenRetrieved{folder.string()});
  const ViewportRect none{0, 0, 0, 0};
  const ViewportRect response = s.regions.has_right ? s.regions.response : none;
  if (s.annotate.started) {
    TakeAutoMeasurement(s);
    FollowShownPair(s);
    ShowPendingLesion(s);  // before the panels draw, so that this very frame shows the selection
  }
  Apply(s, AnnotatePanels(s.annotate, s.regions.has_right ? s.regions.lesions : none, response));
  DrawAnnotateStatus(s.annotate, response);
  DrawTrackingStatus(s, response);
  Apply(s,
        DrawReaderCases(s.reader, s.annotate, s.regions.has_cases ? s.regions.reader_cases : none));
  Apply(s, DrawFileDialogs(s.files, s.annotate));
  Apply(s, FileMenuKeys(s.annotate, io, s.input));
  StartAnnotation(s);
  Apply(s, AnnotateKeys(s.annotate, io, s.input));
  Apply(s, View3dKeys(io, s.rects, state.active, s.input));
  const bool dragging = s.annotate.caliper_drag;
  std::vector<Intent> calipers = CaliperInput(s.annotate, io, s.room, s.rects);
  DropView3dPresses(s.view3d, calipers);
  Apply(s, calipers);
  const bool caliper = dragging || s.annotate.caliper_drag;
  AppKeys keys;
  std::vector<ViewIntent> views = ViewportInput(io, state, s.rects, s.input, keys);
  if (caliper) DropCaliperDrag(views);
  std::vector<Intent> intents = RouteView3dInput(s.view3d, views);
  for (const Intent& in : menu)  // the menu's view intents first, its other choices below
    if (std::holds_alternative<ViewIntent>(in)) intents.push_back(in);
  intents.insert(intents.end(), views.begin(), views.end());
  if (open) intents.push_back(*open);
  for (const Intent& in : menu)
    if (!std::holds_alternative<ViewIntent>(in)) intents.push_back(in);
  if (keys.toggle_help) intents.push_back(ToggleHelp{});
  if (keys.close_help) intents.push_back(CloseHelp{});
  if (keys.toggle_cine) intents.push_back(ToggleCine{});
  if (keys.quit) intents.push_back(Quit{});
  if (keys.save_screenshot) intents.push_back(SaveWindow{});
  Apply(s, intents);
  GuardClose(s);
  Apply(s, DrawCloseQuestion(s.annotate));
  if (const auto step = CineStep(state, dt, s.cine_time)) Apply(s, *step);
  const std::vector<ViewportRect>& rects = s.rects;

  s.room.Render(rects, fb_height);
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
  DrawTrackingMarker(draw, s, scale);
  DrawView3dViewports(draw, s.view3d, s.annotate, s.room, rects, scale);
  ImGui::Render();
  glViewport(0, 0, fb_width, fb_height);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

namespace {

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

}  // namespace

void DumpLayout(Viewer& s, float scale) {
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

namespace {

int Interactive(Viewer& s, Settings& settings, const std::string& settings_file) {
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
  Viewer s(o, context.window(), settings.layout, o.window.value_or(WindowLevel{}));
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
