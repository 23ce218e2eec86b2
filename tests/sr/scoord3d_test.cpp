// SCOORD3D in nadir's reports: each caliper axis in patient mm beside its SCOORD, in its image's
// Frame of Reference; import without images rebuilds end points from it; SCOORD and SCOORD3D
// that disagree are a warning, and the SCOORD on its image wins when the images are given.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include "dicom/sr/image_index.h"
#include "dicom/sr/write_report.h"
#include "tests/sr/sr_fixture.h"

namespace nadir::dicom::sr {
namespace {

using namespace nadir::test;  // the fixture (tests/sr/sr_fixture.h)

namespace fs = std::filesystem;

constexpr double kPointToleranceMm = 0.001;  // FL patient coordinates of a ~100 mm phantom

int CountValueType(DcmItem& item, const std::string& value_type) {
  int n = 0;
  DcmSequenceOfItems* seq = nullptr;
  if (item.findAndGetSequence(DCM_ContentSequence, seq).bad() || !seq) return 0;
  for (unsigned long i = 0; i < seq->card(); ++i) {
    OFString v;
    seq->getItem(i)->findAndGetOFString(DCM_ValueType, v);
    n += (v.c_str() == value_type) + CountValueType(*seq->getItem(i), value_type);
  }
  return n;
}

// Removes every content item of `value_type` (with what it contains).
void RemoveValueType(DcmItem& item, const std::string& value_type) {
  DcmSequenceOfItems* seq = nullptr;
  if (item.findAndGetSequence(DCM_ContentSequence, seq).bad() || !seq) return;
  for (unsigned long i = seq->card(); i-- > 0;) {
    OFString v;
    seq->getItem(i)->findAndGetOFString(DCM_ValueType, v);
    if (v.c_str() == value_type)
      delete seq->remove(i);
    else
      RemoveValueType(*seq->getItem(i), value_type);
  }
}

// Every lesion's caliper of `want` is in `got`: same image (unless `same_image` is false) and
// end points within `tolerance` mm.
void ExpectSamePoints(const Subject& want, const Subject& got, bool same_image, double tolerance) {
  ASSERT_EQ(want.timepoints.size(), got.timepoints.size());
  int axes = 0;
  for (size_t t = 0; t < want.timepoints.size(); ++t)
    for (const LesionRecord& w : want.timepoints[t].lesions) {
      const LesionRecord* g = got.timepoints[t].Find(w.id);
      ASSERT_NE(g, nullptr) << w.id;
      ASSERT_EQ(w.points.has_value(), g->points.has_value()) << w.id;
      if (!w.points) continue;
      if (same_image) {
        EXPECT_EQ(w.points->sop_uid, g->points->sop_uid) << w.id;
      }
      for (auto [a, b] : {std::pair{&w.points->long_axis, &g->points->long_axis},
                          std::pair{&w.points->short_axis, &g->points->short_axis}}) {
        ASSERT_EQ(a->has_value(), b->has_value()) << w.id;
        if (!*a) continue;
        ++axes;
        for (int e = 0; e < 2; ++e)
          for (int k = 0; k < 3; ++k) EXPECT_NEAR((**a)[e][k], (**b)[e][k], tolerance) << w.id;
      }
    }
  EXPECT_GT(axes, 0);
}

TEST(SrScoord3d, ReportsAreComprehensive3dSrWithEveryAxisInItsImagesFrameOfReference) {
  const ImageIndex index = IndexImages(GetPhantom().Images("PH-001"));
  for (const auto& f : ExportTruth("PH-001", "s3d_class")) {
    DcmFileFormat ff;
    ASSERT_TRUE(ff.loadFile(f.c_str()).good());
    DcmDataset& ds = *ff.getDataset();
    OFString sop_class;
    ds.findAndGetOFString(DCM_SOPClassUID, sop_class);
    EXPECT_EQ(std::string(sop_class.c_str()), UID_Comprehensive3DSRStorage);
    EXPECT_GT(CountValueType(ds, "SCOORD"), 0);
    EXPECT_EQ(CountValueType(ds, "SCOORD3D"), CountValueType(ds, "SCOORD")) << f;
    // The first SCOORD3D is in the frame of reference of the image its SCOORD sibling is on.
    DcmItem* scoord = FindValueType(ds, "SCOORD");
    DcmItem* scoord3d = FindValueType(ds, "SCOORD3D");
    ASSERT_TRUE(scoord && scoord3d);
    DcmItem* image = FindValueType(*scoord, "IMAGE");
    ASSERT_NE(image, nullptr);
    DcmItem* ref = nullptr;
    ASSERT_TRUE(image->findAndGetSequenceItem(DCM_ReferencedSOPSequence, ref).good());
    OFString sop, frame, type;
    ref->findAndGetOFString(DCM_ReferencedSOPInstanceUID, sop);
    scoord3d->findAndGetOFString(DCM_ReferencedFrameOfReferenceUID, frame);
    scoord3d->findAndGetOFString(DCM_GraphicType, type);
    ASSERT_NE(index.Find(sop.c_str()), nullptr);
    EXPECT_EQ(frame.c_str(), index.Find(sop.c_str())->frame_of_reference_uid);
    EXPECT_FALSE(frame.empty());
    EXPECT_EQ(std::string(type.c_str()), "POLYLINE");
  }
}

TEST(SrScoord3d, ImportWithoutImagesRebuildsEndPointsFromScoord3dAndTheImageFromScoord) {
  for (const std::string& s : GetPhantom().subjects) {
    SCOPED_TRACE(s);
    const auto files = ExportTruth(s, "s3d_noimages_" + s);
    const ImportResult r = ImportReports(files.front().parent_path());  // no --images
    ASSERT_TRUE(r.subject) << Join(r.errors);
    EXPECT_TRUE(r.errors.empty()) << Join(r.errors);
    EXPECT_TRUE(r.warnings.empty()) << Join(r.warnings);
    ExpectSamePoints(*ReadTruth(GetPhantom().Truth(s)).subject, *r.subject, true,
                     kPointToleranceMm);
  }
}

TEST(SrScoord3d, ReportWithOnlyScoord3dGivesEndPointsWithoutAnImage) {
  const auto files = ExportTruth("PH-001", "s3d_only_src");
  const fs::path dir = Scratch().Fresh("s3d_only");
  for (const auto& f : files)
    EditDataset(f, dir / f.filename(), [](DcmItem& ds) { RemoveValueType(ds, "SCOORD"); });
  const ImportResult r = ImportReports(dir, ImportOptions{GetPhantom().Images("PH-001")});
  ASSERT_TRUE(r.subject) << Join(r.errors);
  EXPECT_TRUE(r.errors.empty()) << Join(r.errors);
  ExpectSamePoints(*ReadTruth(GetPhantom().Truth("PH-001")).subject, *r.subject, false,
                   kPointToleranceMm);
  EXPECT_EQ(r.subject->timepoints[0].lesions[0].points->sop_uid, "");
}

// The first lesion's (T1 at baseline) long axis SCOORD3D moved 2 mm along x.
fs::path MovedScoord3d(const std::string& name) {
  const fs::path src = ExportTruth("PH-001", name + "_src").front();
  const fs::path out = Scratch().Fresh(name) / src.filename();
  EditDataset(src, out, [](DcmItem& ds) {
    DcmItem* scoord3d = FindValueType(ds, "SCOORD3D");
    ASSERT_NE(scoord3d, nullptr);
    const Float32* data = nullptr;
    unsigned long n = 0;
    ASSERT_TRUE(scoord3d->findAndGetFloat32Array(DCM_GraphicData, data, &n).good());
    ASSERT_EQ(n, 6u);
    std::vector<Float32> moved(data, data + n);
    moved[0] += 2.0f;
    moved[3] += 2.0f;
    ASSERT_TRUE(scoord3d->putAndInsertFloat32Array(DCM_GraphicData, moved.data(), n).good());
  });
  return out;
}

TEST(SrScoord3d, ScoordAndScoord3dApartIsAWarningNamingFileAndLesionAndTheScoordOnItsImageWins) {
  const fs::path f = MovedScoord3d("s3d_apart");
  const ImportResult r = ImportReportFiles({f}, ImportOptions{GetPhantom().Images("PH-001")});
  ASSERT_TRUE(r.subject) << Join(r.errors);
  EXPECT_TRUE(Contains(r.warnings,
                       f.string() + ": content item 1.4.1: lesion 'T1' long axis: SCOORD on image"))
      << Join(r.warnings);
  EXPECT_TRUE(Contains(r.warnings, "and SCOORD3D are up to 2.0")) << Join(r.warnings);
  EXPECT_TRUE(Contains(r.warnings, "the SCOORD on its image is kept")) << Join(r.warnings);
  EXPECT_EQ(r.warnings.size(), 1u) << Join(r.warnings);
  const Subject truth = *ReadTruth(GetPhantom().Truth("PH-001")).subject;
  const auto& want = *truth.timepoints[0].Find("T1")->points->long_axis;
  const auto& got = *r.subject->timepoints[0].Find("T1")->points->long_axis;
  EXPECT_NEAR(got[0][0], want[0][0], kPointToleranceMm);

  // Without the images the SCOORD cannot be placed in patient space: the SCOORD3D is taken.
  const ImportResult blind = ImportReportFiles({f});
  ASSERT_TRUE(blind.subject) << Join(blind.errors);
  EXPECT_NEAR((*blind.subject->timepoints[0].Find("T1")->points->long_axis)[0][0], want[0][0] + 2.0,
              1e-3);
}

// An image without FrameOfReferenceUID: SCOORD3D needs one (Type 1), so that caliper is written
// as SCOORD only, and the report says so in a note; the file stays valid.
TEST(SrScoord3d, ImageWithoutFrameOfReferenceGetsScoordOnlyAndANote) {
  const LoadedAssessment truth = ReadTruth(GetPhantom().Truth("PH-001"));
  ImageIndex index = IndexImages(GetPhantom().Images("PH-001"));
  for (auto& [sop, plane] : index.by_sop) plane.frame_of_reference_uid.clear();
  const Timepoint& baseline = truth.subject->timepoints.front();
  ReportInput in;
  in.subject = &*truth.subject;
  in.timepoint = &baseline;
  for (const auto& st : index.studies)
    if (st.study_uid == baseline.study_uid) in.study = &st;
  ASSERT_NE(in.study, nullptr);
  in.images = &index;
  for (const auto& l : baseline.lesions) in.tracking_uids[l.id] = TrackingUidFor("PH-001", l.id);
  in.time_point_order = 1;
  in.assessment_file = "PH-001.json";
  const fs::path out = Scratch().Fresh("s3d_noframe") / "sr.dcm";
  const ExportedReport rep = WriteReport(in, ExportOptions{}, out);
  EXPECT_TRUE(Contains(rep.notes, "lesion T1: image ")) << Join(rep.notes);
  EXPECT_TRUE(Contains(rep.notes, "has no FrameOfReferenceUID (0020,0052)")) << Join(rep.notes);
  DcmFileFormat ff;
  ASSERT_TRUE(ff.loadFile(out.c_str()).good());
  EXPECT_EQ(CountValueType(*ff.getDataset(), "SCOORD3D"), 0);
  EXPECT_GT(CountValueType(*ff.getDataset(), "SCOORD"), 0);
  EXPECT_EQ(DciodvfyErrors(out), "");
}

}  // namespace
}  // namespace nadir::dicom::sr
