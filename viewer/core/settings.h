// What the viewer remembers between runs: window size and layout (a small key=value file).
#pragma once

#include <string>

#include "viewer/core/layout.h"

namespace nadir::viewer {

struct Settings {
  int window_width = 1600;
  int window_height = 900;
  Layout layout = Layout::k1x2;
  bool link_scroll = true;
  bool link_window = true;
};

/// Reads `path`; a missing file gives the defaults, unknown keys and bad values are ignored
/// (each is reported on stderr with the file, the key and the value).
Settings LoadSettings(const std::string& path);
/// Saves atomically (temporary file, flush, rename), creating the folder. Returns false and
/// reports on stderr when it cannot; losing the window size must never stop the viewer.
bool SaveSettings(const std::string& path, const Settings& s);

}  // namespace nadir::viewer
