// The viewer's File menu paths to DICOM SR (viewer/annotate/sr_files): the assessment being
// annotated, unsaved edits included, exported into the phantom's studies and opened back in a
// session; failures leave the session as it was and say why.
#include <gtest/gtest.h>

#include "measure/assess.h"
#include "tests/sr/sr_fixture.h"
#include "viewer/annotate/session.h"
#include "viewer/annotate/sr_files.h"

namespace nadir::dicom::sr {
namespace {

using namespace nadir::test;  // the fixture (tests/sr/sr_fixture.h)

namespace an = nadir::annotate;
namespace fs = std::filesystem;

std::string Lines(const an::SrOutcome& o) { return o.summary + "\n" + Join(o.details); }

struct ViewerSr : ::testing::Test {
  const Phantom& phantom = GetPhantom();
  std::string subject = phantom.subjects.front();
  an::AnnotationSession session{Scratch().Fresh("viewer_sr_autosave").string()};
  fs::path file;  // a copy: edits autosave beside it, never beside the shared phantom
  void SetUp() override {
    file = Scratch().Fresh("viewer_sr_assessment") / (subject + ".json");
    fs::copy_file(phantom.Truth(subject), file);
    std::string error;
    ASSERT_TRUE(session.Open(file.string(), &error)) << error;
  }
};

TEST_F(ViewerSr, ExportsUnsavedEditsAndOpensThemBackWithTheSameResponses) {
  // An unsaved edit: the first follow-up's first lesion is called not evaluated.
  session.Apply(an::SetTimepoint{1});
  const std::string id = session.subject().timepoints[1].lesions.front().id;
  session.Apply(an::SetState{id, LesionState::kNotEvaluated});
  ASSERT_TRUE(session.dirty());
  const SubjectResult before = AssessSubject(session.subject());

  const fs::path out = Scratch().Fresh("viewer_sr_export");
  const an::SrOutcome written = an::ExportSessionToSr(session, phantom.Images(subject), out);
  ASSERT_TRUE(written.ok) << Lines(written);
  EXPECT_NE(written.summary.find("wrote 3 reports"), std::string::npos) << Lines(written);
  for (const auto& line : written.details) {
    if (line.rfind("20", 0) == 0) {
      EXPECT_NE(line.find(out.string()), std::string::npos) << line;
    }
  }

  an::AnnotationSession reopened{Scratch().Fresh("viewer_sr_autosave2").string()};
  const an::SrOutcome read = an::OpenSessionFromSr(reopened, out, phantom.Images(subject));
  ASSERT_TRUE(read.ok) << Lines(read);
  EXPECT_TRUE(reopened.path().empty()) << "an SR has no assessment file until Save As";
  EXPECT_FALSE(reopened.dirty());
  ASSERT_EQ(reopened.subject().timepoints.size(), session.subject().timepoints.size());
  for (std::size_t t = 0; t < session.subject().timepoints.size(); ++t) {
    const auto& a = session.subject().timepoints[t];
    const auto& b = reopened.subject().timepoints[t];
    EXPECT_EQ(a.date, b.date);
    ASSERT_EQ(a.lesions.size(), b.lesions.size()) << FormatIsoDate(a.date);
    for (std::size_t i = 0; i < a.lesions.size(); ++i) {
      EXPECT_EQ(a.lesions[i].id, b.lesions[i].id);
      EXPECT_EQ(a.lesions[i].state, b.lesions[i].state) << a.lesions[i].id;
      EXPECT_NEAR(a.lesions[i].long_axis_mm.value_or(-1), b.lesions[i].long_axis_mm.value_or(-1),
                  0.01);
    }
  }
  const SubjectResult after = AssessSubject(reopened.subject());
  for (const auto& [a, b] :
       {std::pair{&after.recist11, &before.recist11}, std::pair{&after.irecist, &before.irecist}}) {
    ASSERT_TRUE(a->has_value() && b->has_value()) << Join(after.errors);
    ASSERT_EQ((*a)->timepoints.size(), (*b)->timepoints.size());
    for (std::size_t t = 0; t < (*b)->timepoints.size(); ++t)
      EXPECT_EQ((*a)->timepoints[t].overall, (*b)->timepoints[t].overall) << t;
    EXPECT_EQ((*a)->best.best, (*b)->best.best);
  }

  // Save As then writes the JSON, which the reader can reopen like any assessment.
  const fs::path json = out / "reopened.json";
  std::string error;
  ASSERT_TRUE(reopened.SaveAs(json.string(), &error)) << error;
  an::AnnotationSession third{Scratch().Fresh("viewer_sr_autosave3").string()};
  EXPECT_TRUE(third.Open(json.string(), &error)) << error;
}

TEST_F(ViewerSr, ExportsOnlyTheTimepointOnScreenWhenAsked) {
  session.Apply(an::SetTimepoint{1});
  const Date date = session.subject().timepoints[1].date;
  const fs::path out = Scratch().Fresh("viewer_sr_one");
  const an::SrOutcome written = an::ExportSessionToSr(session, phantom.Images(subject), out, date);
  ASSERT_TRUE(written.ok) << Lines(written);
  EXPECT_NE(written.summary.find("wrote 1 report"), std::string::npos) << Lines(written);
  const ImportResult back = ImportReports(out, {});
  ASSERT_TRUE(back.subject) << Join(back.errors);
  ASSERT_EQ(back.subject->timepoints.size(), 1u);
  EXPECT_EQ(back.subject->timepoints[0].date, date);
}

TEST_F(ViewerSr, AnExportThatCannotFindItsStudiesWritesNothingAndSaysWhy) {
  const fs::path empty_images = Scratch().Fresh("viewer_sr_no_images");
  const fs::path out = Scratch().Fresh("viewer_sr_export_fail");
  const an::SrOutcome written = an::ExportSessionToSr(session, empty_images, out);
  EXPECT_FALSE(written.ok);
  EXPECT_NE(written.summary.find("SR not written"), std::string::npos) << Lines(written);
  EXPECT_TRUE(fs::is_empty(out)) << "nothing half-written";
}

TEST_F(ViewerSr, OpeningAFolderWithoutReportsKeepsTheAssessmentOpen) {
  const fs::path nothing = Scratch().Fresh("viewer_sr_nothing");
  const an::SrOutcome read = an::OpenSessionFromSr(session, nothing, std::nullopt);
  EXPECT_FALSE(read.ok);
  EXPECT_NE(read.summary.find(nothing.string()), std::string::npos) << Lines(read);
  EXPECT_EQ(session.subject().id, subject);
  EXPECT_EQ(session.path(), file.string());
}

}  // namespace
}  // namespace nadir::dicom::sr
