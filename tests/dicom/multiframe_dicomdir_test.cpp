// Multi-frame CT (functional groups, PS3.3 C.7.6.16) and DICOMDIR media.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "dicom/load.h"
#include "dicom/write_ct.h"
#include "tests/dicom/test_util.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/skip.h"

namespace nadir::dicom {
namespace {

namespace fs = std::filesystem;

std::string Ds(std::initializer_list<double> v) {
  std::string s;
  for (double x : v) {
    if (!s.empty()) s += '\\';
    char b[32];
    std::snprintf(b, sizeof b, "%.10g", x);
    s += b;
  }
  return s;
}

// An Enhanced CT image holding the volume's slices as frames, stored in reverse order.
void WriteEnhancedCt(const Volume& v, const std::string& file, const std::string& sop) {
  DcmFileFormat ff;
  DcmDataset& ds = *ff.getDataset();
  ds.putAndInsertString(DCM_SOPClassUID, UID_EnhancedCTImageStorage);
  ds.putAndInsertString(DCM_SOPInstanceUID, sop.c_str());
  ds.putAndInsertString(DCM_StudyInstanceUID, "1.2.826.0.1.3680043.9.77");
  ds.putAndInsertString(DCM_SeriesInstanceUID, "1.2.826.0.1.3680043.9.78");
  ds.putAndInsertString(DCM_PatientID, "MF");
  ds.putAndInsertString(DCM_Modality, "CT");
  ds.putAndInsertUint16(DCM_Rows, std::uint16_t(v.size[1]));
  ds.putAndInsertUint16(DCM_Columns, std::uint16_t(v.size[0]));
  ds.putAndInsertString(DCM_NumberOfFrames, std::to_string(v.size[2]).c_str());
  ds.putAndInsertUint16(DCM_SamplesPerPixel, 1);
  ds.putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
  ds.putAndInsertUint16(DCM_BitsAllocated, 16);
  ds.putAndInsertUint16(DCM_BitsStored, 16);
  ds.putAndInsertUint16(DCM_HighBit, 15);
  ds.putAndInsertUint16(DCM_PixelRepresentation, 1);
  DcmItem *shared = nullptr, *g = nullptr;
  ds.findOrCreateSequenceItem(DCM_SharedFunctionalGroupsSequence, shared, 0);
  shared->findOrCreateSequenceItem(DCM_PixelMeasuresSequence, g, 0);
  g->putAndInsertString(DCM_PixelSpacing, Ds({v.spacing[1], v.spacing[0]}).c_str());
  g->putAndInsertString(DCM_SliceThickness, Ds({v.spacing[2]}).c_str());
  shared->findOrCreateSequenceItem(DCM_PlaneOrientationSequence, g, 0);
  const auto& d = v.direction;
  g->putAndInsertString(DCM_ImageOrientationPatient,
                        Ds({d[0], d[1], d[2], d[3], d[4], d[5]}).c_str());
  shared->findOrCreateSequenceItem(DCM_PixelValueTransformationSequence, g, 0);
  g->putAndInsertString(DCM_RescaleIntercept, "-24");
  g->putAndInsertString(DCM_RescaleSlope, "1");
  const int nz = v.size[2];
  const size_t n = size_t(v.size[0]) * v.size[1];
  std::vector<Sint16> pixels;
  for (int f = 0; f < nz; ++f) {
    const int k = nz - 1 - f;
    DcmItem* per = nullptr;
    ds.findOrCreateSequenceItem(DCM_PerFrameFunctionalGroupsSequence, per, f);
    per->findOrCreateSequenceItem(DCM_PlanePositionSequence, g, 0);
    const auto p = v.ToPatient(0, 0, k);
    g->putAndInsertString(DCM_ImagePositionPatient, Ds({p[0], p[1], p[2]}).c_str());
    for (size_t i = 0; i < n; ++i) pixels.push_back(Sint16(v.hu[k * n + i] + 24));
  }
  ds.putAndInsertUint16Array(DCM_PixelData, reinterpret_cast<const Uint16*>(pixels.data()),
                             pixels.size());
  ASSERT_TRUE(ff.saveFile(file.c_str(), EXS_LittleEndianExplicit).good());
}

TEST(MultiFrame, EnhancedCtFramesSortByPositionAndLoadExactly) {
  test::ScratchDir dir("multiframe");
  const Volume v = test::MakeTestVolume(40, 32, 9);
  WriteEnhancedCt(v, (dir / "enhanced.dcm").string(), "1.2.826.0.1.3680043.9.79");
  const Catalog c = Scan(dir.path());
  ASSERT_EQ(c.AllSeries().size(), 1u) << (c.skipped.empty() ? "" : c.skipped[0].reason);
  const SeriesInfo& s = *c.AllSeries()[0];
  ASSERT_EQ(s.SliceCount(), 9);
  EXPECT_EQ(s.slices[0].frame, 8);  // stored last, lowest position
  const LoadedSeries l = LoadSeries(s);
  EXPECT_TRUE(test::SameVolume(v, l.volume, 1e-6));
  EXPECT_EQ(l.volume.sop_uids, std::vector<std::string>(9, "1.2.826.0.1.3680043.9.79"));
  EXPECT_TRUE(l.warnings.empty());
}

TEST(MultiFrame, CompressedMultiFrameDecodesEveryFrame) {
  NADIR_SKIP_IF_MISSING(test::MissingTool("dcmcrle", NADIR_DCMCRLE));
  test::ScratchDir dir("multiframe_rle");
  const Volume v = test::MakeTestVolume(40, 32, 6);
  WriteEnhancedCt(v, (dir / "raw.dcm").string(), "1.2.826.0.1.3680043.9.80");
  fs::create_directories(dir / "rle");
  ASSERT_EQ(test::Run(std::string(NADIR_DCMCRLE) + " " + (dir / "raw.dcm").string() + " " +
                      (dir / "rle/rle.dcm").string()),
            0);
  const LoadedSeries l = LoadPath(dir / "rle");
  EXPECT_TRUE(test::SameVolume(v, l.volume, 1e-6));
}

TEST(Dicomdir, FilesListedByDicomdirAreTheOnesRead) {
  NADIR_SKIP_IF_MISSING(test::MissingTool("dcmmkdir", NADIR_DCMMKDIR));
  test::ScratchDir dir("dicomdir");
  const Volume v = test::MakeTestVolume(32, 24, 5);
  WriteCtSeries(v, {}, dir / "SERIES");
  for (int k = 1; k <= 5; ++k) {
    char from[32], to[32];
    std::snprintf(from, sizeof from, "IM%04d.dcm", k);
    std::snprintf(to, sizeof to, "IM%04d", k);
    fs::rename(dir / "SERIES" / from, dir / "SERIES" / to);
  }
  ASSERT_EQ(test::Run("cd " + dir.path().string() + " && " + NADIR_DCMMKDIR + " +r SERIES"), 0);
  ASSERT_TRUE(fs::exists(dir / "DICOMDIR"));
  // A stray series beside the media, not listed in the DICOMDIR, is not read.
  WriteCtSeries(test::MakeTestVolume(16, 16, 2), {}, dir / "STRAY");
  const Catalog c = Scan(dir.path());
  ASSERT_EQ(c.AllSeries().size(), 1u);
  EXPECT_EQ(c.AllSeries()[0]->SliceCount(), 5);
  EXPECT_TRUE(test::SameVolume(v, LoadSeries(*c.AllSeries()[0]).volume));
  // The DICOMDIR file itself works as the path too.
  EXPECT_EQ(Scan(dir / "DICOMDIR").AllSeries().size(), 1u);
}

}  // namespace
}  // namespace nadir::dicom
