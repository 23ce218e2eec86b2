// The 3D view inside the viewer's GL world: with a GLFW OpenGL 3.3 core context current (as in
// nadir-viewer), a VTK render leaves that context current and working, and its image uploads to
// a texture of that context (the hook the viewer needs). Needs an X display (xvfb-run).
#include "viewer/gl/gl.h"  // before GLFW
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

#include "viewer/view3d/surface_view.h"

namespace nadir::view3d {
namespace {

Volume SmallBody() {
  Volume v;
  v.size = {48, 40, 24};
  v.spacing = {4, 4, 6};
  v.hu.assign(v.VoxelCount(), -1000);
  for (int k = 2; k < 22; ++k)
    for (int j = 5; j < 35; ++j)
      for (int i = 4; i < 44; ++i) v.hu[v.Index(i, j, k)] = 40;
  return v;
}

TEST(SurfaceViewInGlfw, LeavesTheViewersContextCurrentAndItsImageUploads) {
  if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY (run under xvfb-run)";
  ASSERT_TRUE(glfwInit());
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  GLFWwindow* window = glfwCreateWindow(64, 64, "view3d test", nullptr, nullptr);
  ASSERT_NE(window, nullptr);
  glfwMakeContextCurrent(window);
  GLuint texture = 0;
  glGenTextures(1, &texture);
  glBindTexture(GL_TEXTURE_2D, texture);

  {
    SurfaceView view;
    ASSERT_EQ(view.SetScene(SmallBody(), {}), "");
    for (int turn = 0; turn < 3; ++turn) {  // a drag: several renders between viewer frames
      const RenderedImage image = view.Render(96, 80, {.azimuth_deg = 20.0 * turn});
      ASSERT_TRUE(image.ok) << image.reason;

      // Texture names belong to a context: this one is known only if ours is current.
      EXPECT_EQ(glfwGetCurrentContext(), window);
      EXPECT_EQ(glIsTexture(texture), GL_TRUE) << "the viewer's context is not current";
      glBindTexture(GL_TEXTURE_2D, texture);
      glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
      glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA,
                   GL_UNSIGNED_BYTE, image.rgba.data());
      std::vector<std::uint8_t> back(image.rgba.size());
      glPixelStorei(GL_PACK_ALIGNMENT, 1);
      glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, back.data());
      EXPECT_EQ(glGetError(), GLenum(GL_NO_ERROR));
      EXPECT_EQ(back, image.rgba);

      // And the viewer's own framebuffer still draws.
      glClearColor(0, 1, 0, 1);
      glClear(GL_COLOR_BUFFER_BIT);
      std::uint8_t px[4] = {};
      glReadPixels(10, 10, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
      EXPECT_EQ(px[0], 0);
      EXPECT_EQ(px[1], 255);
    }
    // A new scene, or new lesions, after renders: the removed actors release their GL buffers
    // through VTK's context, and the viewer's must be current again (it crashed the viewer's
    // next ImGui draw under llvmpipe before SetScene and SetLesions kept it).
    analysis::LesionMask box;
    box.begin = {20, 18, 10};
    box.size = {4, 4, 4};
    box.voxels.assign(64, 1);
    ASSERT_EQ(view.SetScene(SmallBody(), {{box}}), "");
    ASSERT_TRUE(view.Render(96, 80, {}).ok);
    EXPECT_EQ(view.SetLesions({}), "");
    EXPECT_EQ(glfwGetCurrentContext(), window);
    EXPECT_EQ(glIsTexture(texture), GL_TRUE) << "SetLesions left VTK's context current";
    EXPECT_EQ(view.SetScene(SmallBody(), {}), "");
    EXPECT_EQ(glIsTexture(texture), GL_TRUE) << "SetScene left VTK's context current";
  }  // the view is destroyed with the viewer's context current: it stays current
  EXPECT_EQ(glIsTexture(texture), GL_TRUE);
  glDeleteTextures(1, &texture);
  glfwDestroyWindow(window);
  glfwTerminate();
}

}  // namespace
}  // namespace nadir::view3d
