#include "viewer/gl/shader_program.h"

#include <stdexcept>
#include <vector>

namespace nadir::viewer {

namespace {

GLuint Compile(GLenum type, std::string_view name) {
  const std::string_view source = EmbeddedShader(name);
  if (source.empty()) throw std::runtime_error("no shader named shaders/" + std::string(name));
  const GLuint shader = glCreateShader(type);
  const char* text = source.data();
  const GLint length = GLint(source.size());
  glShaderSource(shader, 1, &text, &length);
  glCompileShader(shader);
  GLint ok = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok != GL_TRUE) {
    GLint log_length = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &log_length);
    std::vector<char> log(std::max(log_length, 1));
    glGetShaderInfoLog(shader, GLsizei(log.size()), nullptr, log.data());
    glDeleteShader(shader);
    throw std::runtime_error("shaders/" + std::string(name) + " does not compile: " + log.data());
  }
  return shader;
}

}  // namespace

ShaderProgram::ShaderProgram(std::string_view vertex_name, std::string_view fragment_name) {
  const GLuint vs = Compile(GL_VERTEX_SHADER, vertex_name);
  GLuint fs = 0;
  try {
    fs = Compile(GL_FRAGMENT_SHADER, fragment_name);
  } catch (...) {
    glDeleteShader(vs);
    throw;
  }
  program_ = glCreateProgram();
  glAttachShader(program_, vs);
  glAttachShader(program_, fs);
  glLinkProgram(program_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = GL_FALSE;
  glGetProgramiv(program_, GL_LINK_STATUS, &ok);
  if (ok != GL_TRUE) {
    char log[2048] = {};
    glGetProgramInfoLog(program_, sizeof log, nullptr, log);
    glDeleteProgram(program_);
    throw std::runtime_error("shaders " + std::string(vertex_name) + " + " +
                             std::string(fragment_name) + " do not link: " + log);
  }
}

ShaderProgram::~ShaderProgram() {
  if (program_) glDeleteProgram(program_);
}

}  // namespace nadir::viewer
