#include "viewer/gl/slice_renderer.h"

#include <algorithm>
#include <cmath>

namespace nadir::viewer {

namespace {

void SetViewport(const ViewportRect& rect, int framebuffer_height) {
  const int y = framebuffer_height - (rect.y + rect.height);
  glViewport(rect.x, y, rect.width, rect.height);
  glEnable(GL_SCISSOR_TEST);
  glScissor(rect.x, y, rect.width, rect.height);
}

void Uniform3(GLint location, const Vec3& v) {
  glUniform3f(location, float(v[0]), float(v[1]), float(v[2]));
}

}  // namespace

int SlabSamples(const VolumeGeometry& g, double slab_mm) {
  if (slab_mm <= 0) return 1;
  const double finest = std::min({g.spacing[0], g.spacing[1], g.spacing[2]});
  return std::clamp(int(std::ceil(slab_mm / (0.5 * finest))) + 1, 2, 512);
}

SliceRenderer::SliceRenderer() : program_("slice.vert", "slice.frag") {
  glGenVertexArrays(1, &vao_);
}

SliceRenderer::~SliceRenderer() {
  if (vao_) glDeleteVertexArrays(1, &vao_);
}

void SliceRenderer::Clear(const ViewportRect& rect, int framebuffer_height) {
  SetViewport(rect, framebuffer_height);
  glClearColor(0, 0, 0, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  glDisable(GL_SCISSOR_TEST);
}

void SliceRenderer::Draw(const VolumeTexture& texture, const VolumeGeometry& geometry,
                         const SlicePlane& plane, const ViewState& view, const ViewportRect& rect,
                         int framebuffer_height) {
  Clear(rect, framebuffer_height);
  if (!texture.Ready()) return;
  SetViewport(rect, framebuffer_height);
  const PixelMapping m = MapView(plane, view, rect);
  const GLuint p = program_.id();
  glUseProgram(p);
  glDisable(GL_BLEND);
  glDisable(GL_DEPTH_TEST);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_3D, texture.id());
  glUniform1i(program_.Uniform("u_volume"), 0);
  const auto t = PatientToTexture(geometry);
  glUniformMatrix4fv(program_.Uniform("u_patient_to_tex"), 1, GL_TRUE, t.data());
  glUniform4f(program_.Uniform("u_viewport"), float(rect.x),
              float(framebuffer_height - (rect.y + rect.height)), float(rect.width),
              float(rect.height));
  Uniform3(program_.Uniform("u_center"), m.center);
  Uniform3(program_.Uniform("u_right"), m.right);
  Uniform3(program_.Uniform("u_down"), m.down);
  Uniform3(program_.Uniform("u_normal"), plane.normal);
  glUniform1f(program_.Uniform("u_slab_half"), float(0.5 * view.slab_mm));
  glUniform1i(program_.Uniform("u_slab_samples"), SlabSamples(geometry, view.slab_mm));
  glUniform2f(program_.Uniform("u_window"), float(view.wl.width), float(view.wl.level));
  glBindVertexArray(vao_);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
  glUseProgram(0);
  glDisable(GL_SCISSOR_TEST);
}

}  // namespace nadir::viewer
