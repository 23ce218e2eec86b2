// A GLFW window with an OpenGL 3.3 core context (hidden for screenshots).
#pragma once

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <string>

namespace nadir::viewer {

class GlfwContext {
 public:
  /// Initialises GLFW and opens the window; throws std::runtime_error with GLFW's reason
  /// (e.g. no display) when it cannot.
  GlfwContext(int width, int height, const std::string& title, bool visible);
  ~GlfwContext();
  GlfwContext(const GlfwContext&) = delete;
  GlfwContext& operator=(const GlfwContext&) = delete;

  GLFWwindow* window() const { return window_; }
  /// "OpenGL 4.5 (Core Profile) Mesa ... llvmpipe": what the frames are drawn by.
  static std::string RendererDescription();

 private:
  GLFWwindow* window_ = nullptr;
};

}  // namespace nadir::viewer
