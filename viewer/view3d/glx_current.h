// The X display and the caller's GLX context, apart from VTK: Xlib's macros (AllValues, Status,
// None ...) break VTK's headers, so no file includes both.
#pragma once

namespace nadir::view3d {

/// Keeps the GLX context current at construction (the viewer's GLFW context, or none) and
/// makes it current again at destruction, after VTK has made its own current.
class GlxCurrentGuard {
 public:
  GlxCurrentGuard();
  ~GlxCurrentGuard();
  GlxCurrentGuard(const GlxCurrentGuard&) = delete;
  GlxCurrentGuard& operator=(const GlxCurrentGuard&) = delete;

 private:
  void* display_;
  unsigned long draw_, read_;
  void* context_;
};

/// XOpenDisplay(nullptr) as an opaque Display* (nullptr when it fails), and XCloseDisplay.
void* OpenXDisplay();
void CloseXDisplay(void* display);

}  // namespace nadir::view3d
