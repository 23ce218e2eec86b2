// The same series re-encoded in each transfer syntax (by DCMTK's and GDCM's command-line
// converters from Debian) loads to identical HU; the lossy one to nearly identical HU.
#include <gtest/gtest.h>

#include <cmath>

#include "dicom/load.h"
#include "dicom/write_ct.h"
#include "tests/dicom/test_util.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/skip.h"

namespace nadir::dicom {
namespace {

namespace fs = std::filesystem;

struct Syntax {
  const char* name;
  const char* tool;     // path of the converter (empty: not installed)
  const char* options;  // placed before IN OUT
  const char* uid;      // the transfer syntax the converted files must carry
  bool is_signed;
  int hu_tolerance;  // 0: lossless
};

std::string Name(const ::testing::TestParamInfo<Syntax>& p) {
  return std::string(p.param.name) + (p.param.is_signed ? "Signed" : "Unsigned");
}

// Smooth anatomy-like content with fine detail, 12 bits stored.
Volume Content(bool is_signed) {
  Volume v = test::MakeTestVolume(64, 48, 5);
  for (int k = 0; k < v.size[2]; ++k)
    for (int j = 0; j < v.size[1]; ++j)
      for (int i = 0; i < v.size[0]; ++i) {
        const double s = 900 * std::sin(i * 0.2 + k) * std::cos(j * 0.15) - 100;
        v.hu[v.Index(i, j, k)] = std::int16_t(std::lround(s) + (i * 37 + j * 101 + k * 613) % 9);
      }
  (void)is_signed;
  return v;
}

class TransferSyntax : public ::testing::TestWithParam<Syntax> {};

TEST_P(TransferSyntax, LoadsToTheSameHu) {
  const Syntax& s = GetParam();
  NADIR_SKIP_IF_MISSING(test::MissingTool(std::string("the converter to ") + s.name, s.tool));
  test::ScratchDir dir(std::string("xfer_") + Name({s, 0}));
  const Volume v = Content(s.is_signed);
  CtSeriesHeader h;
  h.pixel_signed = s.is_signed;
  h.bits_stored = 12;
  h.rescale_intercept = s.is_signed ? 0 : -1024;
  WriteCtSeries(v, h, dir / "src");
  fs::create_directories(dir / "out");
  for (const auto& e : fs::directory_iterator(dir / "src")) {
    const std::string cmd = std::string(s.tool) + " " + s.options + " " + e.path().string() + " " +
                            (dir / "out" / e.path().filename()).string();
    ASSERT_EQ(test::Run(cmd), 0) << cmd;
  }
  const Catalog c = Scan(dir / "out");
  ASSERT_EQ(c.AllSeries().size(), 1u);
  const SeriesInfo& series = *c.AllSeries()[0];
  EXPECT_EQ(series.transfer_syntax_uid, s.uid);
  LoadOptions o;
  o.threads = 3;  // decoders run on several threads at once
  const LoadedSeries l = LoadSeries(series, o);
  if (s.hu_tolerance == 0) {
    EXPECT_TRUE(test::SameVolume(v, l.volume));
  } else {
    EXPECT_TRUE(test::SameVolume(v, l.volume, 1e-6, s.hu_tolerance));
    double err = 0;
    for (size_t n = 0; n < v.hu.size(); ++n) err += std::abs(v.hu[n] - l.volume.hu[n]);
    EXPECT_LT(err / double(v.hu.size()), 10.0) << "mean absolute error (HU)";
  }
}

Syntax Make(const char* name, const char* tool, const char* options, const char* uid, bool sign,
            int tol = 0) {
  return {name, tool, options, uid, sign, tol};
}

std::vector<Syntax> All() {
  std::vector<Syntax> out;
  for (bool sign : {false, true}) {
    out.push_back(Make("ImplicitLittle", NADIR_DCMCONV, "+ti", "1.2.840.10008.1.2", sign));
    out.push_back(Make("ExplicitLittle", NADIR_DCMCONV, "+te", "1.2.840.10008.1.2.1", sign));
    out.push_back(Make("ExplicitBig", NADIR_DCMCONV, "+tb", "1.2.840.10008.1.2.2", sign));
    out.push_back(Make("Deflated", NADIR_DCMCONV, "+td", "1.2.840.10008.1.2.1.99", sign));
    out.push_back(Make("Rle", NADIR_DCMCRLE, "", "1.2.840.10008.1.2.5", sign));
    out.push_back(Make("JpegLosslessSv1", NADIR_DCMCJPEG, "+e1", "1.2.840.10008.1.2.4.70", sign));
    out.push_back(Make("JpegLossless", NADIR_DCMCJPEG, "+el", "1.2.840.10008.1.2.4.57", sign));
    out.push_back(Make("JpegLs", NADIR_DCMCJPLS, "+el", "1.2.840.10008.1.2.4.80", sign));
    out.push_back(Make("Jpeg2000", NADIR_GDCMCONV, "--j2k", "1.2.840.10008.1.2.4.90", sign));
  }
  // 12-bit lossy JPEG (extended, process 2 & 4): close, not identical.
  out.push_back(
      Make("JpegExtendedLossy", NADIR_DCMCJPEG, "+ee +q 95", "1.2.840.10008.1.2.4.51", false, 200));
  return out;
}

// JPEG baseline (process 1) holds 8-bit samples only: an 8-bit series, lossy.
TEST(TransferSyntaxBaseline, EightBitJpegBaselineDecodesCloseToTheOriginal) {
  NADIR_SKIP_IF_MISSING(test::MissingTool("dcmcjpeg", NADIR_DCMCJPEG));
  test::ScratchDir dir("xfer_baseline");
  Volume v = test::MakeTestVolume(64, 48, 4);
  for (int k = 0; k < v.size[2]; ++k)
    for (int j = 0; j < v.size[1]; ++j)
      for (int i = 0; i < v.size[0]; ++i)
        v.hu[v.Index(i, j, k)] =
            std::int16_t(-900 + std::lround(100 * std::sin(i * 0.15 + k) * std::cos(j * 0.1)));
  CtSeriesHeader h;
  h.bits_stored = 8;
  h.rescale_intercept = -1024;
  WriteCtSeries(v, h, dir / "src");
  fs::create_directories(dir / "out");
  for (const auto& e : fs::directory_iterator(dir / "src"))
    ASSERT_EQ(test::Run(std::string(NADIR_DCMCJPEG) + " +eb +q 95 " + e.path().string() + " " +
                        (dir / "out" / e.path().filename()).string()),
              0);
  const Catalog c = Scan(dir / "out");
  ASSERT_EQ(c.AllSeries().size(), 1u);
  EXPECT_EQ(c.AllSeries()[0]->transfer_syntax_uid, "1.2.840.10008.1.2.4.50");
  EXPECT_EQ(c.AllSeries()[0]->pixels.bits_allocated, 8);
  const LoadedSeries l = LoadSeries(*c.AllSeries()[0]);
  EXPECT_TRUE(test::SameVolume(v, l.volume, 1e-6, 12));
}

INSTANTIATE_TEST_SUITE_P(Dicom, TransferSyntax, ::testing::ValuesIn(All()), Name);

}  // namespace
}  // namespace nadir::dicom
