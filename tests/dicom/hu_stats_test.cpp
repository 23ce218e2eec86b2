// The modality LUT's clamping report (dicom/detail/pixels.h): values outside int16 are clamped,
// and the warning names the range of the values that did not fit, on whichever side they lie.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "dicom/catalog.h"
#include "dicom/detail/pixels.h"

namespace nadir::dicom::detail {
namespace {

PixelFormat Unsigned16() {
  PixelFormat f;
  f.is_signed = false;
  return f;
}

TEST(HuClamping, RangeOfValuesAboveTheTopIsReportedFromThoseValues) {
  // Plain path (slope 1, integer intercept): 40000 + 100 and 50000 + 100 exceed 32767.
  const std::vector<std::uint16_t> stored{10, 40000, 50000};
  std::vector<std::int16_t> hu(stored.size());
  HuStats st;
  StoredToHu(stored.data(), hu.data(), hu.size(), Unsigned16(), 1.0, 100.0, st);
  EXPECT_EQ(st.clamped, 2);
  EXPECT_DOUBLE_EQ(st.min_unclamped, 40100);  // not 0: every clamped value lay above
  EXPECT_DOUBLE_EQ(st.max_unclamped, 50100);
  EXPECT_EQ(hu[1], 32767);
}

TEST(HuClamping, RangeAboveTheTopWithASlopeIsReportedFromThoseValues) {
  // General path (slope 2): 20000 * 2 and 30000 * 2 exceed 32767; 10 * 2 fits.
  const std::vector<std::uint16_t> stored{10, 20000, 30000};
  std::vector<std::int16_t> hu(stored.size());
  HuStats st;
  StoredToHu(stored.data(), hu.data(), hu.size(), Unsigned16(), 2.0, 0.0, st);
  EXPECT_EQ(st.clamped, 2);
  EXPECT_DOUBLE_EQ(st.min_unclamped, 40000);
  EXPECT_DOUBLE_EQ(st.max_unclamped, 60000);
}

TEST(HuClamping, RangeBelowTheBottomIsReportedFromThoseValues) {
  PixelFormat f;  // signed 16-bit, intercept -1024 pushes -32000 below -32768
  const std::vector<std::int16_t> stored{0, -32000};
  std::vector<std::int16_t> hu(stored.size());
  HuStats st;
  StoredToHu(stored.data(), hu.data(), hu.size(), f, 1.5, -1024.0, st);
  EXPECT_EQ(st.clamped, 1);
  EXPECT_DOUBLE_EQ(st.min_unclamped, -49024);
  EXPECT_DOUBLE_EQ(st.max_unclamped, -49024);
}

TEST(HuClamping, NothingClampedReportsNothing) {
  const std::vector<std::uint16_t> stored{0, 1000, 2000};
  std::vector<std::int16_t> hu(stored.size());
  HuStats st;
  StoredToHu(stored.data(), hu.data(), hu.size(), Unsigned16(), 1.0, -1024.0, st);
  EXPECT_EQ(st.clamped, 0);
  EXPECT_EQ(hu[0], -1024);
}

}  // namespace
}  // namespace nadir::dicom::detail
