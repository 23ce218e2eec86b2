// libFuzzer target for the DICOM reader: any bytes as a file -> Scan -> load every series must
// give a catalog, a volume or a DicomError; anything else (a crash, another exception, a
// sanitizer report) is a bug. Build: cmake --preset fuzz && cmake --build --preset fuzz.
// Seeds (tests/fuzz/seeds/dicom) cover every transfer syntax nadir decodes: native little and
// big endian, deflate, RLE, JPEG lossless and extended, JPEG-LS, JPEG 2000.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <span>
#include <string>
#include <vector>

#include "dicom/error.h"
#include "dicom/load.h"
#include "dicom/slice_sink.h"

namespace {

// As DCMTK's own OSS-Fuzz harness caps allocations at 8 MiB, a series may take at most that:
// a header claiming more is refused before allocation (the limit under test), and no input
// can make the fuzzer spend its time zeroing gigabytes.
constexpr std::uint64_t kSeriesBudget = 8u << 20;

// The viewer's way of loading (viewer/app/series_slot.cpp): one buffer per slice, handed out
// as the loader asks, middle slice first, instead of one volume.
class PerSliceSink : public nadir::dicom::SliceSink {
 public:
  void Begin(const nadir::Volume& geometry) override {
    slices_.assign(std::size_t(geometry.size[2]),
                   std::vector<std::int16_t>(std::size_t(geometry.size[0]) * geometry.size[1]));
  }
  std::span<std::int16_t> SliceBuffer(int k) override { return slices_.at(std::size_t(k)); }
  void SliceDone(int k, int, int) override { (void)slices_.at(std::size_t(k)).front(); }

 private:
  std::vector<std::vector<std::int16_t>> slices_;
};

}  // namespace

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
      o.max_series_bytes = kSeriesBudget;
      // Both loader paths, chosen by the input so that either sees every kind of file.
      if (size > 0 && (data[size / 2] & 1)) {
        PerSliceSink sink;
        nadir::dicom::LoadSeriesInto(*s, sink, o);
      } else {
        nadir::dicom::LoadSeries(*s, o);
      }
    }
  } catch (const nadir::dicom::DicomError&) {
  }
  return 0;
}
