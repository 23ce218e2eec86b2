// Deflated files (issue 18, bounded memory): read through an inflated copy, so that DCMTK checks
// every element's length against what the file holds before allocating; a stream that inflates
// beyond the limit is stopped, a corrupt one named.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dicom/detail/dcmtk_util.h"
#include "dicom/detail/image_header.h"
#include "dicom/detail/inflated_copy.h"
#include "dicom/error.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/text_file.h"

namespace nadir::dicom {
namespace {

namespace fs = std::filesystem;

// A small image-less dataset with `padding` zero bytes in a private OB element, saved in `xfer`.
fs::path Write(const fs::path& path, E_TransferSyntax xfer, std::size_t padding = 0) {
  DcmFileFormat ff;
  DcmDataset& ds = *ff.getDataset();
  ds.putAndInsertString(DCM_SOPClassUID, UID_SecondaryCaptureImageStorage);
  ds.putAndInsertString(DCM_SOPInstanceUID, "1.2.826.0.1.3680043.8.498.77");
  ds.putAndInsertString(DCM_PatientID, "DEFLATE1");
  if (padding > 0) {
    std::vector<Uint8> zeros(padding, 0);
    ds.putAndInsertUint8Array(DcmTag(0x0009, 0x1010, EVR_OB), zeros.data(), Uint32(padding));
  }
  EXPECT_TRUE(ff.saveFile(path.c_str(), xfer).good());
  return path;
}

// ReadImageHeader refuses `file` at InstanceNumber, whose claimed length the file cannot hold.
void ExpectHeaderStopsAtInstanceNumber(const fs::path& file) {
  try {
    detail::ReadImageHeader(file.string());
    FAIL() << "expected DicomError";
  } catch (const DicomError& e) {
    EXPECT_EQ(e.file(), file.string());
    EXPECT_EQ(e.tag(), "(0020,0013) InstanceNumber") << e.what();
  }
}

TEST(InflatedCopy, OnlyDeflatedFilesAreCopied) {
  test::ScratchDir dir("deflate_only");
  EXPECT_FALSE(detail::InflatedCopy::IfDeflated(Write(dir / "e.dcm", EXS_LittleEndianExplicit)));
  EXPECT_FALSE(detail::InflatedCopy::IfDeflated((dir / "missing.dcm").string()));
  test::WriteText(dir / "short.dcm", "not DICOM");
  EXPECT_FALSE(detail::InflatedCopy::IfDeflated((dir / "short.dcm").string()));
}

TEST(InflatedCopy, TheCopyHoldsTheSameDatasetInExplicitLittleEndian) {
  test::ScratchDir dir("deflate_same");
  const fs::path file = Write(dir / "d.dcm", EXS_DeflatedLittleEndianExplicit, 1000);
  std::string path;
  {
    const auto copy = detail::InflatedCopy::IfDeflated(file.string());
    ASSERT_TRUE(copy);
    path = copy->path();
    DcmFileFormat original, inflated;
    ASSERT_TRUE(original.loadFile(file.c_str()).good());
    ASSERT_TRUE(inflated.loadFile(path.c_str()).good());
    EXPECT_EQ(inflated.getDataset()->getOriginalXfer(), EXS_LittleEndianExplicit);
    OFString a, b;
    original.getDataset()->findAndGetOFString(DCM_PatientID, a);
    inflated.getDataset()->findAndGetOFString(DCM_PatientID, b);
    EXPECT_EQ(a, b);
    DcmElement* padding = nullptr;
    ASSERT_TRUE(
        inflated.getDataset()->findAndGetElement(DcmTagKey(0x0009, 0x1010), padding).good());
    EXPECT_EQ(padding->getLength(), 1000u);
  }
  EXPECT_FALSE(fs::exists(path)) << "the copy is removed with its object";
}

TEST(InflatedCopy, AMetaHeaderLongerThanTheFirstReadIsReadWhole) {
  test::ScratchDir dir("deflate_long_meta");
  DcmFileFormat ff;
  DcmDataset& ds = *ff.getDataset();
  ds.putAndInsertString(DCM_SOPClassUID, UID_SecondaryCaptureImageStorage);
  ds.putAndInsertString(DCM_SOPInstanceUID, "1.2.826.0.1.3680043.8.498.78");
  ds.putAndInsertString(DCM_PatientID, "LONGMETA");
  // 10 KB of private information in the meta header: past the first 4 KiB read.
  std::vector<Uint8> info(10000, 'x');
  DcmMetaInfo& meta = *ff.getMetaInfo();
  meta.putAndInsertString(DCM_PrivateInformationCreatorUID, "1.2.826.0.1.3680043.8.498.79");
  meta.putAndInsertUint8Array(DCM_PrivateInformation, info.data(), Uint32(info.size()));
  const fs::path file = dir / "long.dcm";
  ASSERT_TRUE(ff.saveFile(file.c_str(), EXS_DeflatedLittleEndianExplicit, EET_ExplicitLength,
                          EGL_recalcGL, EPD_noChange, 0, 0, EWM_updateMeta)
                  .good());
  const std::string bytes = test::ReadText(file);
  const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
  ASSERT_GT(144 + (b[140] | b[141] << 8 | b[142] << 16 | std::size_t(b[143]) << 24), 4096u);
  const auto copy = detail::InflatedCopy::IfDeflated(file.string());
  ASSERT_TRUE(copy);
  DcmFileFormat inflated;
  ASSERT_TRUE(inflated.loadFile(copy->path().c_str()).good());
  OFString id;
  inflated.getDataset()->findAndGetOFString(DCM_PatientID, id);
  EXPECT_EQ(id, "LONGMETA");
}

TEST(InflatedCopy, AStreamInflatingBeyondTheLimitIsStopped) {
  test::ScratchDir dir("deflate_bomb");
  // 4 MiB of zeros deflate to a few KiB: refused at a 1 MiB limit, read at 8 MiB.
  const fs::path file = Write(dir / "bomb.dcm", EXS_DeflatedLittleEndianExplicit, 4u << 20);
  ASSERT_LT(fs::file_size(file), 64u * 1024);
  try {
    detail::InflatedCopy::IfDeflated(file.string(), 1u << 20);
    FAIL() << "expected DicomError";
  } catch (const DicomError& e) {
    EXPECT_EQ(e.file(), file.string());
    EXPECT_EQ(e.tag(), "(0002,0010) TransferSyntaxUID");
    EXPECT_NE(e.problem().find("inflates beyond 1048576 bytes"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(detail::InflatedCopy::IfDeflated(file.string(), 8u << 20));
}

TEST(InflatedCopy, ACorruptStreamIsNamed) {
  test::ScratchDir dir("deflate_corrupt");
  const fs::path file = Write(dir / "d.dcm", EXS_DeflatedLittleEndianExplicit, 1000);
  std::string bytes = test::ReadText(file);
  // Past the meta header (its group length at byte 140), 0xFF bytes start a deflate block of
  // the reserved type 3.
  const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t dataset =
      144 + (b[140] | b[141] << 8 | b[142] << 16 | std::size_t(b[143]) << 24);
  ASSERT_LT(dataset, bytes.size());
  for (std::size_t i = dataset; i < bytes.size(); ++i) bytes[i] = char(0xFF);
  test::WriteText(file, bytes);
  try {
    detail::InflatedCopy::IfDeflated(file.string());
    FAIL() << "expected DicomError";
  } catch (const DicomError& e) {
    EXPECT_NE(e.problem().find("the deflated dataset is corrupt"), std::string::npos) << e.what();
  }
}

// Found by dicom_scan_fuzz: a 987-byte deflated file whose InstanceNumber claims 2.4 GB. DCMTK
// allocated the 2.4 GB before finding the stream short; from the copy it stops at the element.
TEST(InflatedCopy, AnElementClaimingMoreThanTheFileHoldsIsAnErrorNamingIt) {
  const fs::path file = fs::path(NADIR_CRASH_DATA) / "deflated-element-claims-2gb.dcm";
  ExpectHeaderStopsAtInstanceNumber(file);
}

// Found by CI's fuzz smoke run: the same 2.4 GB claim, with a foreign element (0022,0002)
// inside the meta header. A walk of the meta header that stopped at it never saw the deflated
// syntax; DCMTK, bounded by the group length, read on and inflated. Whether a file is deflated
// is now DCMTK's own reading of its meta header.
TEST(InflatedCopy, AForeignElementInTheMetaHeaderDoesNotHideTheDeflatedSyntax) {
  const fs::path file = fs::path(NADIR_CRASH_DATA) / "deflated-foreign-meta-element.dcm";
  EXPECT_TRUE(detail::InflatedCopy::IfDeflated(file.string()));
  ExpectHeaderStopsAtInstanceNumber(file);
}

}  // namespace
}  // namespace nadir::dicom
