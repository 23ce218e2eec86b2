// Under LeakSanitizer: the OpenGL driver's own allocations outlive the context (glfwTerminate,
// VTK's render window), and the driver is unloaded with it, so LSan reports them from an
// "<unknown module>" that no suppression can name. Kept loaded, they are reported from the
// driver's libraries, which tests/fuzz/lsan.supp names. Nothing is done in other builds.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#include <dlfcn.h>
#include <link.h>

#include <cstring>
#endif

namespace nadir::viewer {

/// Call once a GL context exists (the driver is loaded then).
inline void KeepGlDriverLoaded() {
#if defined(__SANITIZE_ADDRESS__)
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void*) {
        const char* path = info->dlpi_name;
        if (path && (std::strstr(path, "/dri/") || std::strstr(path, "libGLX_mesa") ||
                     std::strstr(path, "libglapi") || std::strstr(path, "libLLVM")))
          dlopen(path, RTLD_LAZY | RTLD_NOLOAD | RTLD_NODELETE);  // a reference never closed
        return 0;
      },
      nullptr);
#endif
}

}  // namespace nadir::viewer
