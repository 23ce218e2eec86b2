#include "viewer/gl/context.h"

#include <stdexcept>

#include "viewer/gl/gl.h"
#include "viewer/gl/keep_driver_loaded.h"

namespace nadir::viewer {

namespace {

std::string last_glfw_error;

void OnGlfwError(int code, const char* description) {
  last_glfw_error = "GLFW error " + std::to_string(code) + ": " + description;
}

}  // namespace

GlfwContext::GlfwContext(int width, int height, const std::string& title, bool visible) {
  glfwSetErrorCallback(OnGlfwError);
  if (!glfwInit()) throw std::runtime_error("cannot start GLFW (" + last_glfw_error + ")");
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
  window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
  if (!window_) {
    glfwTerminate();
    throw std::runtime_error("cannot open an OpenGL 3.3 core window (" + last_glfw_error + ")");
  }
  glfwMakeContextCurrent(window_);
  KeepGlDriverLoaded();
}

GlfwContext::~GlfwContext() {
  glfwDestroyWindow(window_);
  glfwTerminate();
}

std::string GlfwContext::RendererDescription() {
  const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
  const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  return std::string("OpenGL ") + (version ? version : "?") + ", " + (renderer ? renderer : "?");
}

}  // namespace nadir::viewer
