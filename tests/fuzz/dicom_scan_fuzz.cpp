// libFuzzer target for the DICOM reader: any bytes as a file -> Scan -> LoadSeries must give
// a catalog, a volume or a DicomError; anything else (a crash, another exception, a
// sanitizer report) is a bug. Build: cmake --preset fuzz && cmake --build --preset fuzz.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "dicom/error.h"
#include "dicom/load.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/nadir_fuzz_scan_" + std::to_string(::getpid()) + ".dcm";
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  } else {
    return 0;
  }
  try {
    const nadir::dicom::Catalog c = nadir::dicom::Scan(path);
    for (const auto* s : c.AllSeries()) {
      nadir::dicom::LoadOptions o;
      o.threads = 1;
      nadir::dicom::LoadSeries(*s, o);
    }
  } catch (const nadir::dicom::DicomError&) {
  }
  return 0;
}
