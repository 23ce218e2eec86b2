#include "dicom/detail/gdcm_decode.h"

#include <dlfcn.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

#include "dicom/detail/fork_gate.h"
#include "dicom/detail/gdcm_plugin.h"

namespace nadir::dicom::detail {
namespace {

// The plugin's decode function, loaded once per process: the plugin path is the build's
// (NADIR_GDCM_PLUGIN) unless the environment variable of that name says otherwise.
GdcmDecodeFunction LoadPlugin(std::string& why) {
  static std::string error;
  static const GdcmDecodeFunction decode = []() -> GdcmDecodeFunction {
    const char* env = std::getenv("NADIR_GDCM_PLUGIN");
    const std::string path = env && *env ? env : NADIR_GDCM_PLUGIN;
    // RTLD_LOCAL: GDCM's CharLS must not join the global scope DCMTK's JPEG-LS calls bind in.
    void* module = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!module) {
      const char* e = ::dlerror();
      error = "cannot load the JPEG 2000 decoder " + path + ": " + (e ? e : "unknown error");
      return nullptr;
    }
    auto* f = reinterpret_cast<GdcmDecodeFunction>(::dlsym(module, kGdcmDecodeSymbol));
    if (!f) error = "the JPEG 2000 decoder " + path + " has no " + kGdcmDecodeSymbol;
    return f;
  }();
  if (!decode) why = error;
  return decode;
}

// What the decoding child leaves for the parent, in front of the pixels.
struct ChildReport {
  int ok = 0;
  char why[240] = {};
};

}  // namespace

bool DecodeWithGdcm(const std::string& dicom, std::size_t bytes, std::vector<std::uint8_t>& out,
                    std::string& why) {
  // GDCM reads malformed JPEG 2000 streams out of bounds (a segfault in
  // JPEG2000Codec::GetHeaderInfo, found by the fuzz smoke run): it decodes in a child process
  // into shared memory, so that its crash is this file's error, not the end of nadir.
  const GdcmDecodeFunction decode = LoadPlugin(why);  // in the parent: loaded once
  if (!decode) return false;
  const std::size_t map_bytes = sizeof(ChildReport) + bytes;
  void* map = ::mmap(nullptr, map_bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (map == MAP_FAILED) {
    why = std::string("cannot map memory for the decoder: ") + std::strerror(errno);
    return false;
  }
  auto* report = new (map) ChildReport{};
  auto* pixels = static_cast<std::uint8_t*>(map) + sizeof(ChildReport);
  // No other loader worker is inside a library while it forks (fork_gate.h).
  const pid_t pid = ForkGate::Instance().Fork();
  if (pid == 0) {
    // The child dies by the signal itself: no sanitizer or fuzzer report for GDCM's crash.
    for (int sig : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL}) std::signal(sig, SIG_DFL);
    // The plugin lets no exception out: nothing unwinds into the parent's loader code here.
    report->ok = decode(dicom.data(), dicom.size(), pixels, bytes, report->why, sizeof report->why);
    ::_exit(0);
  }
  bool ok = false;
  if (pid < 0) {
    why = std::string("cannot start the decoder process: ") + std::strerror(errno);
  } else {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFSIGNALED(status)) {
      why =
          "the decoder crashed on this stream (" + std::string(::strsignal(WTERMSIG(status))) + ")";
    } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      why = "the decoder process failed (exit status " + std::to_string(WEXITSTATUS(status)) + ")";
    } else if (!report->ok) {
      why = report->why;
    } else {
      out.assign(pixels, pixels + bytes);
      ok = true;
    }
  }
  ::munmap(map, map_bytes);
  return ok;
}

}  // namespace nadir::dicom::detail
