#include "tests/support/skip.h"

#include <cstdlib>

namespace nadir::test {

std::optional<std::string> MissingDisplay() {
  const char* display = std::getenv("DISPLAY");
  if (display && *display) return std::nullopt;
  return "no DISPLAY: tests that open a window run under xvfb-run";
}

std::optional<std::string> MissingTool(const std::string& name, const std::string& path) {
  if (!path.empty()) return std::nullopt;
  return name + " not installed (scripts/setup.sh installs it)";
}

std::optional<std::string> MissingPath(const std::filesystem::path& path, const std::string& what) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return std::nullopt;
  return what + " not found at " + path.string();
}

}  // namespace nadir::test
