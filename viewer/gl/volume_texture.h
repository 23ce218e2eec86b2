// The volume on the GPU: one 3D texture of Hounsfield units, 16 bits a voxel.
//
// Stored as GL_R16_SNORM so the GPU filters it (integer textures cannot be sampled linearly):
// the bits are the int16 HU unchanged, and the shader reads hu = texel * 32767. Uploaded once,
// slice by slice as the loader delivers them; never re-uploaded for a change of window.
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "viewer/gl/gl.h"

namespace nadir::viewer {

class VolumeTexture {
 public:
  VolumeTexture() = default;
  ~VolumeTexture();
  VolumeTexture(const VolumeTexture&) = delete;
  VolumeTexture& operator=(const VolumeTexture&) = delete;

  /// Allocates size[0] x size[1] x size[2] voxels, contents undefined until uploaded or
  /// filled. Throws std::runtime_error when the volume exceeds GL_MAX_3D_TEXTURE_SIZE.
  void Allocate(const std::array<int, 3>& size);
  /// Sets `count` slices from k to one value (air for slices that have not arrived yet).
  void FillSlices(int k, int count, std::int16_t hu);
  /// Uploads `count` consecutive slices starting at slice k (i fastest, then j).
  void UploadSlices(int k, int count, std::span<const std::int16_t> hu);
  /// Frees the texture's memory (the series was unloaded); Allocate makes it anew.
  void Release();

  bool Ready() const { return texture_ != 0; }
  GLuint id() const { return texture_; }
  const std::array<int, 3>& size() const { return size_; }
  std::size_t Bytes() const { return std::size_t(size_[0]) * size_[1] * size_[2] * 2; }

 private:
  void Create();
  GLuint texture_ = 0;
  std::array<int, 3> size_{0, 0, 0};
};

}  // namespace nadir::viewer
