#include "dicom/detail/gdcm_decode.h"

#include <gdcmImage.h>
#include <gdcmImageReader.h>
#include <gdcmTransferSyntax.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <new>
#include <sstream>

#include "dicom/detail/fork_gate.h"

namespace nadir::dicom::detail {
namespace {

// Decodes in this process into `out` (exactly `bytes` long).
bool DecodeHere(const std::string& dicom, std::uint8_t* out, std::size_t bytes, std::string& why) {
  std::istringstream stream(dicom);
  gdcm::ImageReader reader;
  reader.SetStream(stream);
  if (!reader.Read()) {
    why = "GDCM cannot read the pixel data copied for it";
    return false;
  }
  // GDCM's JPEG-LS codec is never used: its CharLS calls bind to DCMTK's CharLS in this
  // process (same C names, other structures) and corrupted the heap (codec_guard.h).
  const gdcm::TransferSyntax ts = reader.GetFile().GetHeader().GetDataSetTransferSyntax();
  if (ts == gdcm::TransferSyntax::JPEGLSLossless ||
      ts == gdcm::TransferSyntax::JPEGLSNearLossless) {
    why = "JPEG-LS is not decoded with GDCM";
    return false;
  }
  const gdcm::Image& image = reader.GetImage();
  if (image.GetBufferLength() != bytes) {
    why = "it would decode " + std::to_string(image.GetBufferLength()) +
          " bytes, the header says " + std::to_string(bytes);
    return false;
  }
  if (!image.GetBuffer(reinterpret_cast<char*>(out))) {
    why = "cannot decode the pixel data";
    return false;
  }
  return true;
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
    // Nothing may leave this block: an exception unwinding into the caller's code would run
    // the parent's loader (its thread pool, its joins) in the child.
    try {
      std::string w;
      report->ok = DecodeHere(dicom, pixels, bytes, w) ? 1 : 0;
      std::snprintf(report->why, sizeof report->why, "%s", w.c_str());
    } catch (const std::exception& e) {
      std::snprintf(report->why, sizeof report->why, "the decoder failed: %s", e.what());
    } catch (...) {
      std::snprintf(report->why, sizeof report->why, "the decoder failed");
    }
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
