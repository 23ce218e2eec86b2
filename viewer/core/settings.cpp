#include "viewer/core/settings.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace nadir::viewer {

namespace {

bool ParseInt(const std::string& text, int lo, int hi, int& out) {
  try {
    std::size_t used = 0;
    const int v = std::stoi(text, &used);
    if (used != text.size() || v < lo || v > hi) return false;
    out = v;
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

Settings LoadSettings(const std::string& path) {
  Settings s;
  std::ifstream in(path);
  if (!in) return s;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto eq = line.find('=');
    const std::string key = line.substr(0, eq);
    const std::string value = eq == std::string::npos ? "" : line.substr(eq + 1);
    bool ok = true;
    if (key == "window_width")
      ok = ParseInt(value, 320, 16384, s.window_width);
    else if (key == "window_height")
      ok = ParseInt(value, 240, 16384, s.window_height);
    else if (key == "layout") {
      const auto l = ParseLayout(value);
      ok = l.has_value();
      if (l) s.layout = *l;
    } else if (key == "link_scroll")
      s.link_scroll = value != "0";
    else if (key == "link_window")
      s.link_window = value != "0";
    else
      ok = false;
    if (!ok)
      std::fprintf(stderr, "nadir-viewer: %s: ignoring %s='%s'\n", path.c_str(), key.c_str(),
                   value.c_str());
  }
  return s;
}

bool SaveSettings(const std::string& path, const Settings& s) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path target(path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << "# nadir-viewer settings\n"
        << "window_width=" << s.window_width << "\nwindow_height=" << s.window_height
        << "\nlayout=" << Name(s.layout) << "\nlink_scroll=" << int(s.link_scroll)
        << "\nlink_window=" << int(s.link_window) << "\n";
    out.flush();
    if (!out) {
      std::fprintf(stderr, "nadir-viewer: cannot write settings %s\n", tmp.c_str());
      return false;
    }
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    std::fprintf(stderr, "nadir-viewer: cannot save settings %s: %s\n", path.c_str(),
                 ec.message().c_str());
    return false;
  }
  return true;
}

}  // namespace nadir::viewer
