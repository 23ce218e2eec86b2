// nadir-viewer: parse options, run the application, map errors to exit codes.
#include <chrono>
#include <cstdio>
#include <exception>

#include "viewer/app/application.h"

int main(int argc, char** argv) {
  const auto launched = std::chrono::steady_clock::now();
  const auto parsed = nadir::viewer::ParseOptions(argc, argv);
  if (!parsed.options) return parsed.exit_code;
  try {
    return nadir::viewer::RunApplication(*parsed.options, launched);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "nadir-viewer: %s\n", e.what());
    return 1;
  }
}
