// RGBA 8-bit PNG files (libpng): screenshots out, and back in for the screenshot tests.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nadir::viewer {

struct RgbaImage {
  int width = 0, height = 0;
  std::vector<std::uint8_t> pixels;  // RGBA, rows top to bottom
  const std::uint8_t* At(int x, int y) const { return &pixels[(std::size_t(y) * width + x) * 4]; }
};

/// Writes atomically (temporary file, then rename). Throws std::runtime_error naming the path.
void WritePng(const std::string& path, const RgbaImage& image);
/// Reads any 8-bit PNG as RGBA. Throws std::runtime_error naming the path.
RgbaImage ReadPng(const std::string& path);

}  // namespace nadir::viewer
