// Inputs that once aborted nadir (issue 20), kept in tests/dicom/data/crashes/: each must give
// a DicomError naming the file, the tag or the codec and the reason, and the other files of
// the series must still load.
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <variant>

#include "dicom/detail/codec_guard.h"
#include "dicom/error.h"
#include "dicom/load.h"
#include "dicom/write_ct.h"
#include "tests/dicom/test_util.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/skip.h"

namespace nadir::dicom {
namespace {

namespace fs = std::filesystem;

// JPEG-LS lossless, 256 x 256, with a corrupted stream: DCMTK refuses it; GDCM, asked next,
// corrupted the heap (free(): corrupted unsorted chunks).
const fs::path kJpegLs = fs::path(NADIR_CRASH_DATA) / "jpeg-ls-heap-corruption.dcm";
// JPEG lossless with BitsStored (0028,0101) encoded as VR FL with a 2-byte value: GDCM's
// Attribute<0x0028,0x0101>::SetFromDataElement asserted.
const fs::path kBitsStoredVr = fs::path(NADIR_CRASH_DATA) / "gdcm-assert-bits-stored-vr.dcm";

// JPEG lossless (process 14, SV1) whose stream has a TEM marker (FF01) just after SOI: DCMTK
// 3.6.7's scan for the frame header looped forever (dicom_scan_fuzz; DCMTK bug #1190).
const fs::path kJpegTem = fs::path(NADIR_CRASH_DATA) / "dcmtk-jpeg-tem-marker-hang.dcm";

// The UIDs and geometry of the crash files: neighbours written with them join their series.
CtSeriesHeader CrashFileSeries() {
  CtSeriesHeader h;
  h.patient_id = "ANCHOR1";
  h.patient_name = "Phantom^Anchor";
  h.study_uid = "1.2.826.0.1.3680043.8.498.11977418302810687297893509358177360867";
  h.series_uid = "1.2.826.0.1.3680043.8.498.12058825793637914284369135160208921683";
  h.frame_of_reference_uid = "1.2.826.0.1.3680043.8.498.10576387794908293756596394589477976836";
  h.study_date = "20260105";
  return h;
}

// Four 256 x 256 slices around the crash file's z = -198.75 (1.25 mm apart), leaving its
// place free, so that with it the series has five slices.
void WriteNeighbours(const fs::path& dir) {
  Volume v = test::MakeTestVolume(256, 256, 4);
  v.spacing = {1.953125, 1.953125, 1.25};
  v.origin = {-250, -250, -201.25};
  CtSlicePlacement place;
  place.positions = {
      {-250, -250, -201.25}, {-250, -250, -200.0}, {-250, -250, -197.5}, {-250, -250, -196.25}};
  place.instance_numbers = {1, 3, 4, 5};
  WriteCtSeries(v, CrashFileSeries(), dir, place);
}

const FileSkipped* SkippedFile(const LoadedSeries& l) {
  for (const auto& w : l.warnings)
    if (const auto* s = std::get_if<FileSkipped>(&w)) return s;
  return nullptr;
}

// The error of loading `crash` alone, as the only file of its series.
DicomError LoadAlone(const fs::path& crash, const test::ScratchDir& dir) {
  fs::copy_file(crash, dir / "bad.dcm");
  const Catalog c = Scan(dir.path());
  if (c.AllSeries().size() != 1) throw std::runtime_error("the crash file is not one series");
  try {
    LoadSeries(*c.AllSeries()[0]);
  } catch (const DicomError& e) {
    return e;
  }
  throw std::runtime_error("expected DicomError");
}

// `crash` as the middle slice (k = 2) of its five-slice series, whose other four files
// `converter` (a command and its options) writes in the crash file's transfer syntax: the
// series loads with that slice a gap, and the skipped file's reason is returned.
std::string ReasonSkippedInItsSeries(const fs::path& crash, const std::string& converter,
                                     const test::ScratchDir& dir) {
  WriteNeighbours(dir / "src");
  fs::create_directories(dir / "in");
  for (const auto& e : fs::directory_iterator(dir / "src"))
    EXPECT_EQ(test::Run(converter + " " + e.path().string() + " " +
                        (dir / "in" / e.path().filename()).string()),
              0);
  fs::copy_file(crash, dir / "in" / "bad.dcm");
  const Catalog c = Scan(dir / "in");
  EXPECT_EQ(c.AllSeries().size(), 1u);
  if (c.AllSeries().size() != 1) return "";
  EXPECT_EQ(c.AllSeries()[0]->SliceCount(), 5);
  const LoadedSeries l = LoadSeries(*c.AllSeries()[0]);
  EXPECT_EQ(l.volume.size[2], 5);
  const FileSkipped* s = SkippedFile(l);
  EXPECT_NE(s, nullptr);
  if (!s || l.volume.size[2] != 5) return "";
  EXPECT_EQ(s->file, (dir / "in" / "bad.dcm").string());
  const std::size_t n = std::size_t(256) * 256;
  const auto slice = [&](int k) { return l.volume.hu.begin() + std::ptrdiff_t(k * n); };
  const auto gap = [](std::int16_t h) { return h == kPaddingHu; };
  EXPECT_TRUE(std::all_of(slice(2), slice(3), gap));
  EXPECT_FALSE(std::all_of(slice(1), slice(2), gap));
  EXPECT_FALSE(std::all_of(slice(3), slice(4), gap));
  return s->reason;
}

TEST(CrashInputs, CorruptJpegLsStreamAloneIsADicomErrorNamingFileSyntaxAndDecoder) {
  test::ScratchDir dir("crash_jpegls_alone");
  const DicomError e = LoadAlone(kJpegLs, dir);
  EXPECT_EQ(e.file(), (dir / "bad.dcm").string());
  EXPECT_EQ(e.tag(), "(0002,0010) TransferSyntaxUID");
  EXPECT_EQ(e.value(), "1.2.840.10008.1.2.4.80");
  EXPECT_NE(e.problem().find("DCMTK's JPEG-LS"), std::string::npos) << e.what();
  EXPECT_NE(e.problem().find("decoder cannot decode"), std::string::npos) << e.what();
}

TEST(CrashInputs, CorruptJpegLsFileIsSkippedAndTheRestOfItsSeriesLoads) {
  NADIR_SKIP_IF_MISSING(test::MissingTool("dcmcjpls", NADIR_DCMCJPLS));
  test::ScratchDir dir("crash_jpegls_series");
  const std::string reason = ReasonSkippedInItsSeries(kJpegLs, NADIR_DCMCJPLS, dir);
  EXPECT_NE(reason.find("JPEG-LS"), std::string::npos) << reason;
}

TEST(CrashInputs, JpegTemMarkerAloneIsADicomErrorNamingTheMarkerAndItsOffset) {
  test::ScratchDir dir("crash_jpeg_tem_alone");
  const DicomError e = LoadAlone(kJpegTem, dir);
  EXPECT_EQ(e.file(), (dir / "bad.dcm").string());
  EXPECT_EQ(e.tag(), "(7FE0,0010) PixelData");
  EXPECT_EQ(e.value(), "fragment 1: marker FF01 (TEM) at byte 2");
  EXPECT_NE(e.problem().find("loop forever"), std::string::npos) << e.what();
}

TEST(CrashInputs, JpegTemMarkerFileIsSkippedAndTheRestOfItsSeriesLoads) {
  NADIR_SKIP_IF_MISSING(test::MissingTool("dcmcjpeg", NADIR_DCMCJPEG));
  test::ScratchDir dir("crash_jpeg_tem_series");
  const std::string reason =
      ReasonSkippedInItsSeries(kJpegTem, std::string(NADIR_DCMCJPEG) + " +e1", dir);
  EXPECT_NE(reason.find("FF01 (TEM)"), std::string::npos) << reason;
}

TEST(CrashInputs, BitsStoredWithVrFlIsSkippedAtTheScanNamingTagAndVr) {
  test::ScratchDir dir("crash_bits_stored");
  WriteNeighbours(dir.path());
  fs::copy_file(kBitsStoredVr, dir / "bad.dcm");
  const Catalog c = Scan(dir.path());
  ASSERT_EQ(c.skipped.size(), 1u);
  EXPECT_EQ(c.skipped[0].file, (dir / "bad.dcm").string());
  EXPECT_NE(c.skipped[0].reason.find("(0028,0101) BitsStored = 'VR FL, 2 bytes'"),
            std::string::npos)
      << c.skipped[0].reason;
  ASSERT_EQ(c.AllSeries().size(), 1u);
  const LoadedSeries l = LoadSeries(*c.AllSeries()[0]);
  EXPECT_EQ(l.volume.size[2], 5);  // the bad file's place is a gap
  EXPECT_EQ(CountOf<MissingSlices>(l.warnings), 1);
}

TEST(CrashInputs, BitsStoredWithVrFlAloneIsAScanErrorNamingTheTag) {
  test::ScratchDir dir("crash_bits_stored_alone");
  fs::copy_file(kBitsStoredVr, dir / "bad.dcm");
  try {
    Scan(dir.path());
    FAIL() << "expected DicomError";
  } catch (const DicomError& e) {
    EXPECT_NE(std::string(e.what()).find("(0028,0101) BitsStored"), std::string::npos) << e.what();
  }
}

// JPEG 2000, 16 x 16, whose codestream header makes GDCM's JPEG2000Codec::GetHeaderInfo read
// out of bounds (SIGSEGV; found by the fuzz smoke run). GDCM decodes in a child process.
TEST(CrashInputs, GdcmCrashingOnAJpeg2000StreamIsADicomErrorNamingTheDecoder) {
  test::ScratchDir dir("crash_j2k");
  fs::copy_file(fs::path(NADIR_CRASH_DATA) / "gdcm-j2k-header-segv.dcm", dir / "bad.dcm");
  const Catalog c = Scan(dir.path());
  ASSERT_EQ(c.AllSeries().size(), 1u);
  try {
    LoadSeries(*c.AllSeries()[0]);
    FAIL() << "expected DicomError";
  } catch (const DicomError& e) {
    EXPECT_EQ(e.file(), (dir / "bad.dcm").string());
    EXPECT_EQ(e.tag(), "(0002,0010) TransferSyntaxUID");
    EXPECT_NE(e.problem().find("GDCM's JPEG 2000"), std::string::npos) << e.what();
  }
}

// The checks made before GDCM is called, on the crash files themselves.
TEST(CrashInputs, NeitherCrashFileIsGivenToGdcm) {
  for (const fs::path& f : {kJpegLs, kBitsStoredVr}) {
    DcmFileFormat ff;
    ASSERT_TRUE(ff.loadFile(f.c_str()).good()) << f;
    try {
      detail::CheckBeforeGdcm(*ff.getDataset(), f.string());
      FAIL() << "expected DicomError for " << f;
    } catch (const DicomError& e) {
      EXPECT_EQ(e.file(), f.string());
      const std::string tag =
          f == kJpegLs ? "(0002,0010) TransferSyntaxUID" : "(0028,0101) BitsStored";
      EXPECT_EQ(e.tag(), tag) << e.what();
    }
  }
}

// DCMTK's JPEG-LS decoder must reach DCMTK's own CharLS, not GDCM's (same C names, other
// structures): the heap corruption's root cause, checked in this process as nadir runs it.
TEST(CrashInputs, JpegLsDecoderBindsToDcmtksCharls) {
  EXPECT_EQ(detail::JpegLsBindingProblem(), "");
}

}  // namespace
}  // namespace nadir::dicom
