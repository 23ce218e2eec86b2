// Export finds each timepoint's study by Study Instance UID, else by date (issue 7, "found by
// Study Instance UID or date"), and refuses to guess between studies of one date.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include "dicom/error.h"
#include "tests/sr/sr_fixture.h"

namespace nadir::dicom::sr {
namespace {

using namespace nadir::test;  // the fixture (tests/sr/sr_fixture.h)

std::string StudyOf(const std::filesystem::path& sr) {
  DcmFileFormat ff;
  EXPECT_TRUE(ff.loadFile(sr.c_str()).good());
  OFString v;
  ff.getDataset()->findAndGetOFString(DCM_StudyInstanceUID, v);
  return v.c_str();
}

TEST(SrStudyLookup, TimepointWithoutStudyUidIsFoundByItsDate) {
  const LoadedAssessment truth = ReadTruth(GetPhantom().Truth("PH-002"));
  Subject s = *truth.subject;
  std::map<std::string, std::string> want;  // date -> study UID
  for (auto& tp : s.timepoints) {
    want[FormatIsoDate(tp.date)] = tp.study_uid;
    tp.study_uid.clear();
  }
  ExportOptions options;
  options.images = GetPhantom().root / "dicom";  // every subject's studies: the date decides
  options.out = Scratch().Fresh("by_date");
  const ExportResult r = ExportAssessment(s, "PH-002.json", options);
  ASSERT_EQ(r.reports.size(), 3u);
  for (const auto& rep : r.reports) {
    EXPECT_EQ(rep.study_uid, want.at(rep.date)) << rep.date;
    EXPECT_EQ(StudyOf(rep.file), want.at(rep.date)) << rep.file;
  }
}

TEST(SrStudyLookup, TwoStudiesOfTheSameDateForTheSubjectIsAnErrorAskingForStudyUid) {
  // PH-001's baseline images copied as a second study of the same date and patient.
  const LoadedAssessment truth = ReadTruth(GetPhantom().Truth("PH-001"));
  Subject s = *truth.subject;
  const auto images = Scratch().Fresh("same_date");
  std::filesystem::copy(GetPhantom().Images("PH-001"), images / "a",
                        std::filesystem::copy_options::recursive);
  const auto base_dir = GetPhantom().Images("PH-001") / FormatIsoDate(s.timepoints.front().date);
  std::filesystem::create_directories(images / "b");
  for (const auto& f : std::filesystem::directory_iterator(base_dir))
    EditDataset(f.path(), images / "b" / f.path().filename(), [](DcmItem& ds) {
      ds.putAndInsertString(DCM_StudyInstanceUID, "1.2.826.0.1.3680043.9.7.50");
      ds.putAndInsertString(DCM_SeriesInstanceUID, "1.2.826.0.1.3680043.9.7.51");
      OFString sop;
      ds.findAndGetOFString(DCM_SOPInstanceUID, sop);
      ds.putAndInsertString(DCM_SOPInstanceUID,
                            (std::string(sop.c_str()) + ".9").substr(0, 64).c_str());
    });
  for (auto& tp : s.timepoints) tp.study_uid.clear();
  ExportOptions options;
  options.images = images;
  options.out = Scratch().Fresh("same_date_out");
  try {
    ExportAssessment(s, "PH-001.json", options);
    FAIL() << "expected a DicomError";
  } catch (const DicomError& e) {
    EXPECT_EQ(e.tag(), "date");
    EXPECT_EQ(e.value(), FormatIsoDate(s.timepoints.front().date));
    EXPECT_NE(std::string(e.what()).find("several studies of this date; give study_uid"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace nadir::dicom::sr
