// Internal to dicom/: stored pixel values -> Hounsfield units, and decoding one file's frames.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "dicom/catalog.h"

namespace nadir::dicom::detail {

struct HuStats {
  long long padded = 0, clamped = 0;
  double min_unclamped = 0, max_unclamped = 0;
  void Merge(const HuStats& o);
};

/// Modality LUT (PS3.3 C.11.1.1.2): HU = stored * slope + intercept, after masking to
/// BitsStored and sign-extending signed values (PS3.5 8.1.1); padding -> kPaddingHu.
/// `stored` holds `n` values of bits_allocated bits in host byte order; may alias `hu`
/// when bits_allocated is 16.
void StoredToHu(const void* stored, std::int16_t* hu, std::size_t n, const PixelFormat& format,
                double slope, double intercept, HuStats& stats);

/// One frame of a file and where its HU go.
struct FrameTarget {
  const SliceRef* slice;
  std::int16_t* hu;  // rows * columns values
};

/// Fills every target of one file (all share slice->file). Native pixels with a known
/// offset are read directly; everything else goes through DCMTK's decoders (and GDCM for
/// JPEG 2000). Throws DicomError naming the file, tag and value.
void DecodeFile(const SeriesInfo& series, const std::vector<FrameTarget>& targets, HuStats& stats);

}  // namespace nadir::dicom::detail
