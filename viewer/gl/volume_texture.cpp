#include "viewer/gl/volume_texture.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace nadir::viewer {

VolumeTexture::~VolumeTexture() {
  if (texture_) glDeleteTextures(1, &texture_);
}

void VolumeTexture::Release() {
  if (texture_) glDeleteTextures(1, &texture_);
  texture_ = 0;
  size_ = {0, 0, 0};
}

void VolumeTexture::Create() {
  GLint max_size = 0;
  glGetIntegerv(GL_MAX_3D_TEXTURE_SIZE, &max_size);
  for (int a = 0; a < 3; ++a)
    if (size_[a] <= 0 || size_[a] > max_size)
      throw std::runtime_error("volume of " + std::to_string(size_[0]) + "x" +
                               std::to_string(size_[1]) + "x" + std::to_string(size_[2]) +
                               " voxels exceeds GL_MAX_3D_TEXTURE_SIZE " +
                               std::to_string(max_size));
  if (!texture_) glGenTextures(1, &texture_);
  glBindTexture(GL_TEXTURE_3D, texture_);
  glTexParameteri(GL_TEXTURE_3D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_3D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  for (GLenum wrap : {GL_TEXTURE_WRAP_S, GL_TEXTURE_WRAP_T, GL_TEXTURE_WRAP_R})
    glTexParameteri(GL_TEXTURE_3D, wrap, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 2);
}

void VolumeTexture::Allocate(const std::array<int, 3>& size) {
  size_ = size;
  Create();
  glTexImage3D(GL_TEXTURE_3D, 0, GL_R16_SNORM, size[0], size[1], size[2], 0, GL_RED, GL_SHORT,
               nullptr);
}

void VolumeTexture::FillSlices(int k, int count, std::int16_t hu) {
  const std::vector<std::int16_t> value(std::size_t(size_[0]) * size_[1] * count, hu);
  UploadSlices(k, count, value);
}

void VolumeTexture::UploadSlices(int k, int count, std::span<const std::int16_t> hu) {
  if (!texture_ || k < 0 || count <= 0 || k + count > size_[2] ||
      hu.size() < std::size_t(size_[0]) * size_[1] * count)
    throw std::runtime_error("slice upload out of range: slices " + std::to_string(k) + "+" +
                             std::to_string(count) + " of " + std::to_string(size_[2]));
  glBindTexture(GL_TEXTURE_3D, texture_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 2);
  glTexSubImage3D(GL_TEXTURE_3D, 0, 0, 0, k, size_[0], size_[1], count, GL_RED, GL_SHORT,
                  hu.data());
}

}  // namespace nadir::viewer
