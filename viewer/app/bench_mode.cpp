// --bench: the figures for the report, from the real viewer on the real data.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <numeric>

#include "viewer/app/bench_series.h"
#include "viewer/app/viewer.h"
#include "viewer/gl/context.h"
#include "viewer/gl/gl.h"

namespace nadir::viewer {

namespace {

void PrintStats(const char* what, std::vector<double> ms) {
  if (ms.empty()) return;
  std::sort(ms.begin(), ms.end());
  const double mean = std::accumulate(ms.begin(), ms.end(), 0.0) / ms.size();
  std::printf("%s: %zu frames, median %.2f ms, mean %.2f ms, p95 %.2f ms, max %.2f ms\n", what,
              ms.size(), ms[ms.size() / 2], mean, ms[std::min(ms.size() - 1, ms.size() * 95 / 100)],
              ms.back());
}

}  // namespace

// Figures for the report: time to first image, load and upload time, frame time while
// scrolling (glFinish after every frame, so the time includes the GPU's work).
int Bench(Viewer& s, Clock::time_point launched, int width, int height) {
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
    s.room.Apply(rects, Scroll{0, direction});
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

}  // namespace nadir::viewer
