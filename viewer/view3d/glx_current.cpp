#include "viewer/view3d/glx_current.h"

#include <GL/glx.h>
#include <X11/Xlib.h>

namespace nadir::view3d {

GlxCurrentGuard::GlxCurrentGuard()
    : display_(glXGetCurrentDisplay()),
      draw_(glXGetCurrentDrawable()),
      read_(glXGetCurrentReadDrawable()),
      context_(glXGetCurrentContext()) {}

GlxCurrentGuard::~GlxCurrentGuard() {
  if (context_ && display_) {
    glXMakeContextCurrent(static_cast<::Display*>(display_), draw_, read_,
                          static_cast<GLXContext>(context_));
  } else if (glXGetCurrentContext()) {
    // None was current: leave none, so that no VTK context outlives the call (its display
    // may be closed before this thread makes a GLX call again).
    glXMakeContextCurrent(glXGetCurrentDisplay(), 0, 0, nullptr);
  }
}

void* OpenXDisplay() { return XOpenDisplay(nullptr); }
void CloseXDisplay(void* display) {
  if (display) XCloseDisplay(static_cast<::Display*>(display));
}

}  // namespace nadir::view3d
