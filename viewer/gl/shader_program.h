// A linked GLSL program built from the shaders embedded from shaders/ at build time.
#pragma once

#include <string>
#include <string_view>

#include "viewer/gl/gl.h"

namespace nadir::viewer {

/// Source text of a file in shaders/ (e.g. "slice.frag"); empty when there is none.
std::string_view EmbeddedShader(std::string_view name);

class ShaderProgram {
 public:
  /// Compiles and links; throws std::runtime_error with the shader name and the driver's log.
  ShaderProgram(std::string_view vertex_name, std::string_view fragment_name);
  ~ShaderProgram();
  ShaderProgram(const ShaderProgram&) = delete;
  ShaderProgram& operator=(const ShaderProgram&) = delete;

  GLuint id() const { return program_; }
  GLint Uniform(const char* name) const { return glGetUniformLocation(program_, name); }

 private:
  GLuint program_ = 0;
};

}  // namespace nadir::viewer
