// One way for a test to skip when what it needs is not here (an X display, a tool, a data
// folder): GTEST_SKIP with the reason, so ctest reports it skipped and says why.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>

namespace nadir::test {

/// "no DISPLAY ..." when there is no X display to open a window or a GL context on.
std::optional<std::string> MissingDisplay();

/// "<name> not installed ..." when `path` (where CMake's find_program found the tool, empty
/// when it did not) is empty.
std::optional<std::string> MissingTool(const std::string& name, const std::string& path);

/// "<what> not found at <path>" when nothing is at `path`.
std::optional<std::string> MissingPath(const std::filesystem::path& path, const std::string& what);

}  // namespace nadir::test

/// Skips the running test when `missing` (one of the functions above) gives a reason. More
/// text may be streamed after it: NADIR_SKIP_IF_MISSING(MissingDisplay()) << "...".
#define NADIR_SKIP_IF_MISSING(missing)                                                \
  if (const std::optional<std::string> nadir_missing_ = (missing); !nadir_missing_) { \
  } else                                                                              \
    GTEST_SKIP() << *nadir_missing_
