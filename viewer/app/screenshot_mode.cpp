// --screenshot: one picture of the viewer, drawn offscreen, for scripts and image tests.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "viewer/app/controller.h"
#include "viewer/core/png_io.h"
#include "viewer/gl/context.h"
#include "viewer/gl/framebuffer.h"
#include "viewer/gl/gl.h"

namespace nadir::viewer {

int Screenshot(Viewer& s, int width, int height) {
  CollectScan(s, true);
  ShowSubjectWhenListed(s);
  s.room.FinishLoading();
  Framebuffer fbo(width, height);
  fbo.Bind();
  if (const int status = View3dAtStart(s, width, height); status != 0) return status;
  // ImGui sizes auto-fitting windows on their first frame: draw two, keep the second.
  for (int i = 0; i < 2; ++i) Frame(s, width, height, !s.options.no_overlay);
  glFinish();
  WritePng(s.options.screenshot, fbo.Read());
  DumpLayout(s, 1.0f);
  Framebuffer::BindDefault();
  std::printf("wrote %s (%dx%d, %s)\n", s.options.screenshot.c_str(), width, height,
              GlfwContext::RendererDescription().c_str());
  // A picture without the images asked for is a failure for the script that asked.
  int status = 0;
  if (s.room.series().empty()) {
    std::fprintf(stderr, "nadir-viewer: no series to show, nothing written but an empty frame\n");
    status = 1;
  }
  for (const auto& slot : s.room.series())
    if (slot->state() == SeriesSlot::State::kFailed) {
      std::fprintf(stderr, "nadir-viewer: cannot show %s %s: %s\n",
                   slot->summary().patient_id.c_str(), slot->summary().series_description.c_str(),
                   slot->error().c_str());
      status = 1;
    }
  return status;
}

}  // namespace nadir::viewer
