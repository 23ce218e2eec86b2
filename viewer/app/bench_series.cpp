#include "viewer/app/bench_series.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace nadir::viewer {

ProcessMemory ReadProcessMemory() {
  ProcessMemory m;
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key;
    double kb = 0;
    fields >> key >> kb;
    if (key == "VmRSS:") m.resident_mb = kb / 1024;
    if (key == "VmHWM:") m.peak_mb = kb / 1024;
  }
  return m;
}

void BenchAllSeries(ReadingRoom& room, const std::vector<ViewportRect>& rects, int scroll_frames,
                    const std::function<void()>& frame) {
  using Clock = std::chrono::steady_clock;
  const auto& series = room.series();
  const double mb = 1 << 20;
  const std::uint64_t budget = room.memory_budget().budget();
  const std::string budget_text =
      budget ? std::to_string(budget >> 20) + " MB" : std::string("no limit");
  std::printf("all series in turn: %zu series, memory budget %s\n", series.size(),
              budget_text.c_str());
  const auto started = Clock::now();
  double most_held = 0;
  // Shows series s in viewport 0 and draws frames until it is there, fully loaded (or the
  // load failed); returns the milliseconds that took.
  const auto show = [&](int s) {
    const auto t0 = Clock::now();
    room.Open(s, 0, Orientation::kAxial);
    while (
        series[s]->state() == SeriesSlot::State::kLoading ||
        (series[s]->state() == SeriesSlot::State::kReady && room.state().viewports[0].series != s))
      frame();
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  };
  for (int s = 0; s < int(series.size()); ++s) {
    const double load_ms = show(s);
    int direction = 1;
    for (int f = 0; f < scroll_frames && series[s]->state() == SeriesSlot::State::kReady; ++f) {
      const ViewportState& vp = room.state().viewports[0];
      const int n = SliceIndex(vp.plane, vp.view);
      if (n == 0 || n == vp.plane.slice_count - 1) direction = -direction;
      room.Apply(rects, Scroll{0, direction});
      frame();
    }
    int unloads = 0;
    for (const auto& slot : series) unloads += slot->Unloads();
    const double held = double(room.ResidentBytes()) / mb;
    most_held = std::max(most_held, held);
    const ProcessMemory m = ReadProcessMemory();
    const auto& z = series[s]->geometry().size;
    std::printf(
        "series %d/%zu (%dx%dx%d) %s in %.0f ms; series held %.0f MB, unloads so far %d; "
        "process resident %.0f MB, peak %.0f MB\n",
        s + 1, series.size(), z[0], z[1], z[2],
        series[s]->state() == SeriesSlot::State::kReady ? "loaded" : "FAILED", load_ms, held,
        unloads, m.resident_mb, m.peak_mb);
    std::fflush(stdout);
  }
  if (series.size() > 1) {
    // Back to the first: loaded again from its files when the budget had unloaded it.
    const int unloaded = series[0]->Unloads();
    const double ms = show(0);
    std::printf("back to series 1: %s in %.0f ms (unloaded %d time(s) before)\n",
                unloaded > 0 ? "loaded again" : "still loaded", ms, unloaded);
  }
  const ProcessMemory m = ReadProcessMemory();
  std::printf(
      "all series in turn: %.1f s; most held by series %.0f MB (budget %s); peak resident "
      "memory %.0f MB\n",
      std::chrono::duration<double>(Clock::now() - started).count(), most_held, budget_text.c_str(),
      m.peak_mb);
}

}  // namespace nadir::viewer
