#include "framebuffer.h"

#include <cstring>
#include <stdexcept>
#include <string>

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

RgbaImage Framebuffer::Read() const {
  RgbaImage image;
  image.width = width_;
  image.height = height_;
  image.pixels.resize(std::size_t(width_) * height_ * 4);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  std::vector<std::uint8_t> bottom_up(image.pixels.size());
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
  // GL rows run bottom to top; PNG rows top to bottom.
  const std::size_t row = std::size_t(width_) * 4;
  for (int y = 0; y < height_; ++y)
    std::memcpy(&image.pixels[y * row], &bottom_up[(height_ - 1 - y) * row], row);
  return image;
}

}  // namespace nadir::viewer
