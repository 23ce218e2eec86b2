// libFuzzer target for the SR reader: any bytes as a file -> ImportReportFiles must return
// errors and warnings; a crash, an escaping exception or a sanitizer report is a bug.
// Build: cmake --preset fuzz (tests/fuzz/CMakeLists.txt). Seed it with nadir's own reports.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "dicom/sr/sr.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/nadir_fuzz_sr_" + std::to_string(::getpid()) + ".dcm";
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  } else {
    return 0;
  }
  nadir::dicom::sr::ImportReportFiles({path});
  return 0;
}
