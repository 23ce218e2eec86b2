#include "dicom/slice_sink.h"

#include <sys/mman.h>

#include <stdexcept>
#include <string>

namespace nadir::dicom {
namespace {

// A CT volume is hundreds of MB: ask for transparent huge pages before the first touch, so
// the kernel maps it with ~100 faults instead of ~50,000 (a measurable part of a load).
void AllocateVoxels(std::vector<std::int16_t>& hu, std::size_t n) {
  std::vector<std::int16_t>().swap(hu);
  hu.reserve(n);
  constexpr std::uintptr_t kHuge = 2u << 20;
  const auto begin = (reinterpret_cast<std::uintptr_t>(hu.data()) + kHuge - 1) & ~(kHuge - 1);
  const auto end = reinterpret_cast<std::uintptr_t>(hu.data() + n) & ~(kHuge - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  hu.resize(n);
}

}  // namespace

void VolumeSink::Begin(const Volume& geometry) {
  static_cast<VolumeGeometry&>(out_) = geometry;
  out_.sop_uids = geometry.sop_uids;
  AllocateVoxels(out_.hu, out_.VoxelCount());
}

std::span<std::int16_t> VolumeSink::SliceBuffer(int k) {
  if (k < 0 || k >= out_.size[2])
    throw std::out_of_range("VolumeSink: slice " + std::to_string(k) + " outside 0.." +
                            std::to_string(out_.size[2] - 1));
  const std::size_t n = std::size_t(out_.size[0]) * out_.size[1];
  return {out_.hu.data() + std::size_t(k) * n, n};
}

}  // namespace nadir::dicom
