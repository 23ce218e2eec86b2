// Draws one view of a volume into a viewport: reslice, window/level and MIP slab, all in
// shaders/slice.frag.
#pragma once

#include <memory>

#include "viewer/core/view_state.h"
#include "viewer/gl/shader_program.h"
#include "viewer/gl/volume_texture.h"

namespace nadir::viewer {

class SliceRenderer {
 public:
  SliceRenderer();  // needs a current GL 3.3 core context
  ~SliceRenderer();
  SliceRenderer(const SliceRenderer&) = delete;
  SliceRenderer& operator=(const SliceRenderer&) = delete;

  /// Draws `view` of the volume into `rect` (window pixels, top-left origin) of a framebuffer
  /// `framebuffer_height` pixels tall. Clears the viewport to black first.
  void Draw(const VolumeTexture& texture, const VolumeGeometry& geometry, const SlicePlane& plane,
            const ViewState& view, const ViewportRect& rect, int framebuffer_height);

  /// Clears a viewport to black (no series in it).
  static void Clear(const ViewportRect& rect, int framebuffer_height);

 private:
  ShaderProgram program_;
  GLuint vao_ = 0;
};

/// Number of samples across a MIP slab: one per half of the finest voxel spacing.
int SlabSamples(const VolumeGeometry& g, double slab_mm);

}  // namespace nadir::viewer
