#include "viewer/gl/framebuffer.h"

#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace nadir::viewer {

Framebuffer::Framebuffer(int width, int height) : width_(width), height_(height) {
  glGenFramebuffers(1, &fbo_);
  glGenRenderbuffers(1, &color_);
  glBindRenderbuffer(GL_RENDERBUFFER, color_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_);
  const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (status != GL_FRAMEBUFFER_COMPLETE)
    throw std::runtime_error("offscreen framebuffer " + std::to_string(width) + "x" +
                             std::to_string(height) + " incomplete (status " +
                             std::to_string(status) + ")");
}

Framebuffer::~Framebuffer() {
  glDeleteFramebuffers(1, &fbo_);
  glDeleteRenderbuffers(1, &color_);
}

void Framebuffer::Bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glViewport(0, 0, width_, height_);
}

void Framebuffer::BindDefault() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

namespace {

RgbaImage ReadBound(int width, int height) {
  RgbaImage image;
  image.width = width;
  image.height = height;
  image.pixels.resize(std::size_t(width) * height * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  std::vector<std::uint8_t> bottom_up(image.pixels.size());
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
  // GL rows run bottom to top; PNG rows top to bottom.
  const std::size_t row = std::size_t(width) * 4;
  for (int y = 0; y < height; ++y)
    std::memcpy(&image.pixels[y * row], &bottom_up[(height - 1 - y) * row], row);
  for (std::size_t i = 3; i < image.pixels.size(); i += 4) image.pixels[i] = 255;  // opaque
  return image;
}

}  // namespace

RgbaImage Framebuffer::Read() const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
  return ReadBound(width_, height_);
}

RgbaImage ReadBackBuffer(int width, int height) {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  glReadBuffer(GL_BACK);
  return ReadBound(width, height);
}

}  // namespace nadir::viewer
