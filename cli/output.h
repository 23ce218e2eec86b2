// Writing a command's output file: atomically, or to standard output for "-".
#pragma once

#include <cstdio>
#include <string>

#include "formats/assessment_json.h"

namespace nadir::cli {

/// Returns false after saying why on stderr, prefixed with the command's name.
inline bool WriteOutput(const char* command, const std::string& path, const std::string& text) {
  if (path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return true;
  }
  std::string error;
  if (WriteFileAtomically(path, text, &error)) return true;
  std::fprintf(stderr, "nadir %s: %s\n", command, error.c_str());
  return false;
}

}  // namespace nadir::cli
