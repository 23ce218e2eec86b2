// What GDCM and OpenJPEG are given (issue 18, bounded memory): a JPEG 2000 codestream must
// declare the image the DICOM header describes before any decoder allocates for it, and GDCM
// reads a minimal copy written by DCMTK, never the original file's other attributes.
#include <dcmtk/dcmdata/dcistrmb.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <sstream>
#include <vector>

#include "dicom/detail/codec_guard.h"
#include "dicom/error.h"
#include "dicom/load.h"
#include "tests/support/scratch_dir.h"

namespace nadir::dicom {
namespace {

namespace fs = std::filesystem;

struct Siz {
  std::uint32_t width = 64, height = 48, x_offset = 0, y_offset = 0;
  std::uint32_t tile_width = 64, tile_height = 48;
  std::uint16_t components = 1;
};

void PutBig(std::vector<Uint8>& out, std::uint32_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out.push_back(Uint8(v >> (8 * i)));
}

// SOC and a SIZ marker segment (ISO/IEC 15444-1 A.5.1); the decoders never run on it.
std::vector<Uint8> Codestream(const Siz& s) {
  std::vector<Uint8> b = {0xFF, 0x4F, 0xFF, 0x51};
  PutBig(b, 38 + 3u * s.components, 2);  // Lsiz
  PutBig(b, 0, 2);                       // Rsiz
  PutBig(b, s.width + s.x_offset, 4);
  PutBig(b, s.height + s.y_offset, 4);
  PutBig(b, s.x_offset, 4);
  PutBig(b, s.y_offset, 4);
  PutBig(b, s.tile_width, 4);
  PutBig(b, s.tile_height, 4);
  PutBig(b, 0, 4);  // XTOsiz
  PutBig(b, 0, 4);  // YTOsiz
  PutBig(b, s.components, 2);
  for (int c = 0; c < s.components; ++c) b.insert(b.end(), {15, 1, 1});
  return b;
}

// A dataset of rows x columns, 16-bit, one fragment holding `stream`.
std::unique_ptr<DcmDataset> Dataset(std::vector<Uint8> stream, Uint16 rows = 48,
                                    Uint16 columns = 64) {
  auto ds = std::make_unique<DcmDataset>();
  ds->putAndInsertUint16(DCM_Rows, rows);
  ds->putAndInsertUint16(DCM_Columns, columns);
  ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
  ds->putAndInsertUint16(DCM_BitsAllocated, 16);
  ds->putAndInsertUint16(DCM_BitsStored, 16);
  ds->putAndInsertUint16(DCM_HighBit, 15);
  ds->putAndInsertUint16(DCM_PixelRepresentation, 1);
  ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
  ds->putAndInsertString(DCM_PatientID, "NOT-FOR-GDCM");
  auto* seq = new DcmPixelSequence(DcmTag(DCM_PixelData, EVR_OB));
  seq->insert(new DcmPixelItem(DcmTag(DCM_Item, EVR_OB)));  // empty basic offset table
  if (stream.size() % 2) stream.push_back(0);
  auto* fragment = new DcmPixelItem(DcmTag(DCM_Item, EVR_OB));
  fragment->putUint8Array(stream.data(), Uint32(stream.size()));
  seq->insert(fragment);
  auto* pd = new DcmPixelData(DCM_PixelData);
  pd->putOriginalRepresentation(EXS_JPEG2000LosslessOnly, nullptr, seq);
  ds->insert(pd);
  ds->updateOriginalXfer();
  return ds;
}

std::string Refusal(const Siz& s, Uint16 rows = 48, Uint16 columns = 64) {
  auto ds = Dataset(Codestream(s), rows, columns);
  try {
    detail::CheckJpeg2000Streams(*ds, "f.dcm");
    return "";
  } catch (const DicomError& e) {
    EXPECT_EQ(e.file(), "f.dcm");
    EXPECT_EQ(e.tag(), "(7FE0,0010) PixelData");
    return e.what();
  }
}

TEST(Jpeg2000Guard, AStreamDeclaringTheHeadersImageIsAccepted) {
  EXPECT_EQ(Refusal(Siz{}), "");
  Siz offset;  // the image area excludes the reference grid's offsets
  offset.x_offset = 10;
  offset.y_offset = 3;
  EXPECT_EQ(Refusal(offset), "");
}

TEST(Jpeg2000Guard, AStreamDeclaringAnotherSizeIsRefusedWithBothSizes) {
  Siz wide;
  wide.width = 40000;
  const std::string why = Refusal(wide);
  EXPECT_NE(why.find("declares 40000 x 48 x 1 components"), std::string::npos) << why;
  EXPECT_NE(why.find("the header says 64 x 48 x 1"), std::string::npos) << why;
  Siz tall;
  tall.height = 49;  // one row more than the header
  EXPECT_NE(Refusal(tall), "");
  Siz colour;
  colour.components = 3;
  EXPECT_NE(Refusal(colour).find("x 3 components"), std::string::npos);
  Siz inverted;  // the offset at the image end: an empty image
  inverted.x_offset = 100;
  inverted.width = 0;
  EXPECT_NE(Refusal(inverted), "");
}

TEST(Jpeg2000Guard, TileCountIsCheckedOnBothSidesOfTheStandardsLimit) {
  // 65535 tiles is the most Isot can number (A.4.2): one row of 65535 one-pixel tiles is accepted,
  // 65536 refused.
  Siz at;
  at.width = 65535;
  at.height = 1;
  at.tile_width = 1;
  at.tile_height = 1;
  EXPECT_EQ(Refusal(at, 1, 65535), "");
  Siz over = at;
  over.height = 2;
  over.width = 32768;
  const std::string why = Refusal(over, 2, 32768);
  EXPECT_NE(why.find("65536 tiles"), std::string::npos) << why;
  Siz zero;
  zero.tile_width = 0;
  EXPECT_NE(Refusal(zero).find("0 tiles"), std::string::npos);
}

TEST(Jpeg2000Guard, ATruncatedOrMissingCodestreamHeaderIsRefused) {
  std::vector<Uint8> cut = Codestream(Siz{});
  cut.resize(20);
  auto truncated = Dataset(cut);
  EXPECT_THROW(detail::CheckJpeg2000Streams(*truncated, "f.dcm"), DicomError);
  auto none = Dataset({1, 2, 3, 4, 5, 6});
  try {
    detail::CheckJpeg2000Streams(*none, "f.dcm");
    FAIL() << "expected DicomError";
  } catch (const DicomError& e) {
    EXPECT_NE(std::string(e.what()).find("no JPEG 2000 codestream"), std::string::npos);
  }
}

TEST(Jpeg2000Guard, GdcmIsGivenOnlyTheImagePixelAttributesAndThePixelData) {
  auto ds = Dataset(Codestream(Siz{}));
  const std::string copy = detail::MinimalCopyForGdcm(*ds, "f.dcm");
  DcmFileFormat ff;
  DcmInputBufferStream in;
  in.setBuffer(copy.data(), offile_off_t(copy.size()));
  in.setEos();
  ff.transferInit();
  ASSERT_TRUE(ff.read(in).good());
  ff.transferEnd();
  DcmDataset& read = *ff.getDataset();
  EXPECT_EQ(read.getOriginalXfer(), EXS_JPEG2000LosslessOnly);
  Uint16 rows = 0;
  EXPECT_TRUE(read.findAndGetUint16(DCM_Rows, rows).good());
  EXPECT_EQ(rows, 48);
  EXPECT_FALSE(read.tagExists(DCM_PatientID)) << "the original's other attributes stay behind";
  EXPECT_TRUE(read.tagExists(DCM_PixelData));
}

// Found by dicom_scan_fuzz: a JPEG 2000 file whose meta header holds an element of unknown VR
// with a length GDCM believed, allocating and zeroing gigabytes (2.6 s per file) before it
// asserted. DCMTK reads the file; GDCM now reads the minimal copy without complaint and fails
// only on the (fuzzed) codestream itself, in milliseconds.
TEST(Jpeg2000Guard, AMalformedMetaHeaderNoLongerReachesGdcm) {
  test::ScratchDir dir("j2k_meta");
  fs::copy_file(fs::path(NADIR_CRASH_DATA) / "gdcm-meta-length-alloc.dcm", dir / "f.dcm");
  const Catalog c = Scan(dir.path());
  ASSERT_EQ(c.AllSeries().size(), 1u);
  try {
    LoadSeries(*c.AllSeries()[0]);
    FAIL() << "expected DicomError";
  } catch (const DicomError& e) {
    EXPECT_EQ(e.tag(), "(0002,0010) TransferSyntaxUID");
    // GDCM read the copy; its codestream decoder then fails (or, after ITK's reader has run in
    // the same process, crashes in the child) on the fuzzed stream.
    EXPECT_NE(e.problem().find("GDCM's JPEG 2000"), std::string::npos) << e.what();
    EXPECT_EQ(e.problem().find("cannot read"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace nadir::dicom
