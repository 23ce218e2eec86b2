// An offscreen RGBA8 framebuffer: screenshots render here and are read back with glReadPixels.
#pragma once

#include "viewer/core/png_io.h"
#include "viewer/gl/gl.h"

namespace nadir::viewer {

class Framebuffer {
 public:
  Framebuffer(int width, int height);  // throws std::runtime_error when incomplete
  ~Framebuffer();
  Framebuffer(const Framebuffer&) = delete;
  Framebuffer& operator=(const Framebuffer&) = delete;

  void Bind() const;
  static void BindDefault();
  /// Reads the colour buffer back, rows top to bottom.
  RgbaImage Read() const;
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  int width_, height_;
  GLuint fbo_ = 0, color_ = 0;
};

/// Reads the window's back buffer (before the swap), rows top to bottom.
RgbaImage ReadBackBuffer(int width, int height);

}  // namespace nadir::viewer
