// The viewer application: window, Dear ImGui, the main loop, screenshots and benchmarks.
#pragma once

#include <chrono>

#include "viewer/core/options.h"

namespace nadir::viewer {

/// Runs the viewer with parsed options; returns the process exit code. `launched` is when the
/// process started (for the time-to-first-image figure).
int RunApplication(const Options& options, std::chrono::steady_clock::time_point launched);

}  // namespace nadir::viewer
