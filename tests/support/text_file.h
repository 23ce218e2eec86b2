// Whole text files for tests: write one (making its folder), read one back.
#pragma once

#include <filesystem>
#include <string>

namespace nadir::test {

/// Writes `text` to `path` as is, creating its parent folders.
void WriteText(const std::filesystem::path& path, const std::string& text);

/// The bytes of `path`; empty when it cannot be read.
std::string ReadText(const std::filesystem::path& path);

}  // namespace nadir::test
