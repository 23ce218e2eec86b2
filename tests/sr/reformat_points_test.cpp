// A caliper drawn on a coronal or sagittal reformat (points with series_uid, plane and normal,
// no SOP Instance UID) cannot be a SCOORD on an image: the export writes its lengths, notes
// that its end points stay behind, and the import gives the same lengths and responses.
#include <gtest/gtest.h>

#include "measure/assess.h"
#include "tests/sr/sr_fixture.h"

namespace nadir::dicom::sr {
namespace {

using namespace nadir::test;  // the fixture (tests/sr/sr_fixture.h)

TEST(SrReformatPoints, LengthsTravelAndTheEndPointsAreNoted) {
  const Phantom& p = GetPhantom();
  const std::string subject = p.subjects.front();
  LoadedAssessment truth = ReadTruth(p.Truth(subject));
  ASSERT_TRUE(truth.subject);
  LesionRecord& lesion = truth.subject->timepoints.front().lesions.front();
  ASSERT_TRUE(lesion.points && lesion.points->long_axis) << "the phantom truth has end points";
  // The same end points, as if drawn on a coronal reformat through them.
  CaliperPoints& points = *lesion.points;
  points.sop_uid.clear();
  points.series_uid = "1.2.826.0.1.3680043.10.1.99";
  points.plane = "coronal";
  points.normal = PatientPoint{0, 1, 0};
  const double y = (*points.long_axis)[0][1];
  for (auto* axis : {&points.long_axis, &points.short_axis})
    if (*axis)
      for (auto& end : **axis) end[1] = y;

  ExportOptions options;
  options.images = p.Images(subject);
  options.out = Scratch().Fresh("sr_reformat");
  const ExportResult exported = ExportAssessment(*truth.subject, "reformat.json", options);
  ASSERT_EQ(exported.reports.size(), truth.subject->timepoints.size());
  const std::string notes = Join(exported.notes);
  EXPECT_NE(notes.find("lesion " + lesion.id + ": end points drawn on a coronal reformat"),
            std::string::npos)
      << notes;
  for (const auto& r : exported.reports) EXPECT_EQ(DciodvfyErrors(r.file), "") << r.file;

  const ImportResult back = ImportReports(options.out, {});
  ASSERT_TRUE(back.subject) << Join(back.errors);
  const LesionRecord& again = back.subject->timepoints.front().lesions.front();
  EXPECT_EQ(again.id, lesion.id);
  EXPECT_NEAR(again.long_axis_mm.value_or(-1), lesion.long_axis_mm.value_or(-2), 0.01);
  EXPECT_FALSE(again.points && again.points->long_axis) << "no end points were written";
  const SubjectResult a = AssessSubject(*truth.subject), b = AssessSubject(*back.subject);
  ASSERT_TRUE(a.recist11 && b.recist11);
  EXPECT_EQ(a.recist11->best.best, b.recist11->best.best);
}

}  // namespace
}  // namespace nadir::dicom::sr
