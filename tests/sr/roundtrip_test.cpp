// Assessment -> SR -> assessment on the phantom trial's ground truth (issue 7, "Round trip").
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <algorithm>
#include <cmath>

#include "measure/assess.h"
#include "tests/sr/sr_fixture.h"

namespace nadir::dicom::sr {
namespace {

using namespace nadir::test;  // the fixture (tests/sr/sr_fixture.h)

// Lengths travel as DS with four decimals; end points as FL pixel coordinates (about 1e-5 mm
// on these 1.4 mm pixels).
constexpr double kLengthToleranceMm = 0.01;
constexpr double kPointToleranceMm = 0.001;

std::vector<Timepoint> Sorted(std::vector<Timepoint> tps) {
  std::sort(tps.begin(), tps.end(), [](auto& a, auto& b) { return a.date < b.date; });
  return tps;
}

void ExpectSameOptional(const std::optional<double>& a, const std::optional<double>& b,
                        const std::string& what) {
  ASSERT_EQ(a.has_value(), b.has_value()) << what;
  if (a) {
    EXPECT_NEAR(*a, *b, kLengthToleranceMm) << what;
  }
}

void ExpectSamePoints(const std::optional<std::array<PatientPoint, 2>>& a,
                      const std::optional<std::array<PatientPoint, 2>>& b,
                      const std::string& what) {
  ASSERT_EQ(a.has_value(), b.has_value()) << what;
  if (!a) return;
  for (int e = 0; e < 2; ++e)
    for (int k = 0; k < 3; ++k) EXPECT_NEAR((*a)[e][k], (*b)[e][k], kPointToleranceMm) << what;
}

void ExpectSameSubject(const Subject& want, const Subject& got) {
  EXPECT_EQ(want.id, got.id);
  EXPECT_EQ(want.reader, got.reader);
  ExpectSameSubjectLevel(want, got);
  const auto a = Sorted(want.timepoints), b = Sorted(got.timepoints);
  ASSERT_EQ(a.size(), b.size());
  for (size_t t = 0; t < a.size(); ++t) {
    const std::string at = want.id + " " + FormatIsoDate(a[t].date);
    EXPECT_EQ(a[t].date, b[t].date) << at;
    EXPECT_EQ(a[t].label, b[t].label) << at;
    EXPECT_EQ(a[t].study_uid, b[t].study_uid) << at;
    ASSERT_EQ(a[t].lesions.size(), b[t].lesions.size()) << at;
    for (const LesionRecord& w : a[t].lesions) {
      const LesionRecord* g = b[t].Find(w.id);
      ASSERT_NE(g, nullptr) << at << " lesion " << w.id << " missing";
      const std::string what = at + " " + w.id;
      EXPECT_EQ(w.kind, g->kind) << what;
      EXPECT_EQ(w.state, g->state) << what;
      EXPECT_EQ(w.site, g->site) << what;
      EXPECT_EQ(w.nodal, g->nodal) << what;
      ExpectSameOptional(w.long_axis_mm, g->long_axis_mm, what + " long");
      ExpectSameOptional(w.short_axis_mm, g->short_axis_mm, what + " short");
      ASSERT_EQ(w.points.has_value(), g->points.has_value()) << what;
      if (w.points) {
        EXPECT_EQ(w.points->sop_uid, g->points->sop_uid) << what;
        ExpectSamePoints(w.points->long_axis, g->points->long_axis, what + " long points");
        ExpectSamePoints(w.points->short_axis, g->points->short_axis, what + " short points");
      }
    }
  }
}

ImportResult ImportBack(const std::string& subject, const std::string& dir) {
  const auto files = ExportTruth(subject, dir);
  EXPECT_EQ(files.size(), 3u);
  ImportOptions options;
  options.images = GetPhantom().Images(subject);
  ImportResult r = ImportReports(files.front().parent_path(), options);
  EXPECT_TRUE(r.errors.empty()) << Join(r.errors);
  return r;
}

TEST(SrRoundTrip, EveryPhantomSubjectComesBackWithSameLesionsStatesLengthsPointsAndImages) {
  for (const std::string& s : GetPhantom().subjects) {
    SCOPED_TRACE(s);
    const ImportResult r = ImportBack(s, "rt_" + s);
    ASSERT_TRUE(r.subject) << Join(r.errors);
    EXPECT_TRUE(r.warnings.empty()) << Join(r.warnings);
    const LoadedAssessment truth = ReadTruth(GetPhantom().Truth(s));
    ExpectSameSubject(*truth.subject, *r.subject);
    ExpectSameDocumentSubjectLevel(truth.document, AssessmentToJson(*r.subject));
  }
}

void ExpectSameCriteria(const std::optional<CriteriaResult>& a,
                        const std::optional<CriteriaResult>& b) {
  ASSERT_EQ(a.has_value(), b.has_value());
  if (!a) return;
  ASSERT_EQ(a->timepoints.size(), b->timepoints.size());
  for (size_t i = 0; i < a->timepoints.size(); ++i) {
    EXPECT_EQ(a->timepoints[i].overall, b->timepoints[i].overall)
        << FormatIsoDate(a->timepoints[i].date);
    EXPECT_EQ(a->timepoints[i].target, b->timepoints[i].target);
    EXPECT_EQ(a->timepoints[i].nontarget, b->timepoints[i].nontarget);
    EXPECT_EQ(a->timepoints[i].new_lesions, b->timepoints[i].new_lesions);
    ASSERT_EQ(a->timepoints[i].sum_mm.has_value(), b->timepoints[i].sum_mm.has_value());
    if (a->timepoints[i].sum_mm) {
      EXPECT_NEAR(*a->timepoints[i].sum_mm, *b->timepoints[i].sum_mm, 0.01);
    }
  }
  EXPECT_EQ(a->best.best, b->best.best);
  EXPECT_EQ(a->best.response_date, b->best.response_date);
  EXPECT_EQ(a->best.progression_date, b->best.progression_date);
}

TEST(SrRoundTrip, RecomputedResponsesAreTheSameAsFromTheOriginal) {
  for (const std::string& s : GetPhantom().subjects) {
    SCOPED_TRACE(s);
    Subject truth = *ReadTruth(GetPhantom().Truth(s)).subject;
    const ImportResult r = ImportBack(s, "resp_" + s);
    ASSERT_TRUE(r.subject);
    // Subject-level fields (protocol, treatment start ...) travel too: nothing is copied over.
    const Subject& back = *r.subject;
    const SubjectResult a = AssessSubject(truth), b = AssessSubject(back);
    ASSERT_TRUE(a.errors.empty() && b.errors.empty()) << Join(a.errors) << Join(b.errors);
    ExpectSameCriteria(a.recist11, b.recist11);
    ExpectSameCriteria(a.irecist, b.irecist);
  }
}

TEST(SrRoundTrip, ResponsesStatedInTheReportsAreTheEnginesResponses) {
  for (const std::string& s : GetPhantom().subjects) {
    SCOPED_TRACE(s);
    const SubjectResult engine = AssessSubject(*ReadTruth(GetPhantom().Truth(s)).subject);
    const ImportResult r = ImportBack(s, "stated_" + s);
    ASSERT_TRUE(engine.recist11 && engine.irecist);
    size_t r11 = 0, ir = 0;
    for (const StatedResponse& st : r.responses) {
      const auto& list =
          st.criteria == "RECIST1.1" ? engine.recist11->timepoints : engine.irecist->timepoints;
      const auto it = std::find_if(list.begin(), list.end(),
                                   [&](auto& t) { return FormatIsoDate(t.date) == st.date; });
      ASSERT_NE(it, list.end()) << st.date;
      if (st.criteria == "RECIST1.1") {
        ++r11;
        EXPECT_EQ(st.overall, ToString(it->overall)) << st.date;
        EXPECT_EQ(st.target, ToString(it->target)) << st.date;
        EXPECT_EQ(st.nontarget, ToString(it->nontarget)) << st.date;
        EXPECT_EQ(st.new_lesions, ToString(it->new_lesions)) << st.date;
      } else {
        ++ir;
        EXPECT_EQ(st.overall, ToIRecistString(it->overall)) << st.date;
      }
    }
    EXPECT_EQ(r11, engine.recist11->timepoints.size());
    EXPECT_EQ(ir, engine.irecist->timepoints.size());
  }
}

TEST(SrRoundTrip, TrackingUidIsStableAcrossTimepointsAndKeptByAReExport) {
  const std::string s = GetPhantom().subjects.front();
  const ImportResult r = ImportBack(s, "track");
  std::map<std::string, std::string> uid;
  const nlohmann::ordered_json imported =
      AssessmentToJson(*r.subject);  // as `nadir sr import` writes it
  for (const auto& tp : imported["timepoints"])
    for (const auto& l : tp["lesions"]) {
      const std::string id = l["id"], u = l["tracking_uid"];
      EXPECT_EQ(u, TrackingUidFor(s, id));
      auto [it, fresh] = uid.emplace(id, u);
      EXPECT_EQ(it->second, u) << id;
    }
  EXPECT_GE(uid.size(), 3u);

  // An imported assessment carries `tracking_uid`; exporting it again keeps those UIDs even
  // when the lesion is renamed (the UID, not the id, is the lesion's identity in SR).
  nlohmann::ordered_json doc = imported;
  for (auto& tp : doc["timepoints"])
    for (auto& l : tp["lesions"])
      if (l["id"] == "T1") l["id"] = "T1-renamed";
  const LoadedAssessment renamed = ParseAssessment(doc.dump(), "renamed.json");
  ASSERT_TRUE(renamed.subject) << Join(renamed.errors);
  ExportOptions options;
  options.images = GetPhantom().Images(s);
  options.out = Scratch().Fresh("track_again");
  ExportAssessment(*renamed.subject, "renamed.json", options);
  const ImportResult again = ImportReports(options.out, {});
  const nlohmann::ordered_json again_json = AssessmentToJson(*again.subject);
  for (const auto& tp : again_json["timepoints"])
    for (const auto& l : tp["lesions"])
      if (l["id"] == "T1-renamed") {
        EXPECT_EQ(l["tracking_uid"], uid.at("T1"));
      }
}

TEST(SrRoundTrip, EachReportIsInItsTimepointsStudyAndListsTheImagesAsEvidence) {
  const std::string s = GetPhantom().subjects.front();
  const Subject truth = *ReadTruth(GetPhantom().Truth(s)).subject;
  const auto files = ExportTruth(s, "study");
  const auto tps = Sorted(truth.timepoints);
  ASSERT_EQ(files.size(), tps.size());
  for (size_t i = 0; i < files.size(); ++i) {
    DcmFileFormat ff;
    ASSERT_TRUE(ff.loadFile(files[i].c_str()).good());
    OFString study, patient, date;
    ff.getDataset()->findAndGetOFString(DCM_StudyInstanceUID, study);
    ff.getDataset()->findAndGetOFString(DCM_PatientID, patient);
    ff.getDataset()->findAndGetOFString(DCM_StudyDate, date);
    EXPECT_EQ(study.c_str(), tps[i].study_uid);
    EXPECT_EQ(patient.c_str(), s);
    EXPECT_EQ(std::string(date.c_str()), FormatIsoDate(tps[i].date).erase(7, 1).erase(4, 1));
    DcmItem* evidence = nullptr;
    ASSERT_TRUE(
        ff.getDataset()
            ->findAndGetSequenceItem(DCM_CurrentRequestedProcedureEvidenceSequence, evidence)
            .good());
    OFString evidence_study;
    evidence->findAndGetOFString(DCM_StudyInstanceUID, evidence_study);
    EXPECT_EQ(evidence_study.c_str(), tps[i].study_uid);
  }
}

}  // namespace
}  // namespace nadir::dicom::sr

namespace nadir::dicom::sr {
namespace {

using namespace nadir::test;  // the fixture (tests/sr/sr_fixture.h)

// Every state and flag of the format travels, not only those the phantom uses.
TEST(SrRoundTrip, EveryLesionStateAndFlagOfTheFormatTravels) {
  const LoadedAssessment truth = ReadTruth(GetPhantom().Truth("PH-001"));
  Subject s = *truth.subject;
  auto tps = s.timepoints;
  std::sort(tps.begin(), tps.end(), [](auto& a, auto& b) { return a.date < b.date; });
  Timepoint& week8 = tps[1];
  Timepoint& last = tps[2];
  auto lesion = [](Timepoint& tp, const std::string& id) -> LesionRecord& {
    for (auto& l : tp.lesions)
      if (l.id == id) return l;
    throw std::runtime_error("no lesion " + id);
  };
  LesionRecord& t1 = lesion(week8, "T1");
  t1.fragments = {{12.5, 8.0}, {7.25, std::nullopt}};
  t1.long_axis_mm = 19.75;
  LesionRecord& t2 = lesion(week8, "T2");
  t2.state = LesionState::kTooSmall;
  t2.long_axis_mm = t2.short_axis_mm = std::nullopt;
  t2.points.reset();
  lesion(last, "T2").state = LesionState::kMerged;
  lesion(last, "T2").merged_into = "T1";
  lesion(last, "T2").long_axis_mm = lesion(last, "T2").short_axis_mm = std::nullopt;
  lesion(last, "T2").points.reset();
  lesion(last, "T3").state = LesionState::kNotEvaluated;
  lesion(last, "T3").long_axis_mm = lesion(last, "T3").short_axis_mm = std::nullopt;
  lesion(last, "T3").points.reset();
  lesion(week8, "NT1").state = LesionState::kAbsent;
  lesion(last, "NT1").state = LesionState::kUnequivocalProgression;
  lesion(last, "NT1").increased_since_last = true;
  LesionRecord n1;
  n1.id = "N1";
  n1.kind = LesionKind::kNew;
  n1.site = "bone";  // no SNOMED mapping in nadir: only the text travels
  n1.state = LesionState::kEquivocal;
  week8.lesions.push_back(n1);
  n1.state = LesionState::kUnequivocal;
  n1.new_category = NewLesionCategory::kNonTarget;
  n1.long_axis_mm = 11.0;
  last.lesions.push_back(n1);
  last.clinically_stable = true;
  s.timepoints = tps;

  ExportOptions options;
  options.images = GetPhantom().Images("PH-001");
  options.out = Scratch().Fresh("all_states");
  const ExportResult written = ExportAssessment(s, "states.json", options);
  for (const auto& rep : written.reports) EXPECT_EQ(DciodvfyErrors(rep.file), "") << rep.file;
  const ImportResult r = ImportReports(options.out, ImportOptions{options.images});
  ASSERT_TRUE(r.subject) << Join(r.errors);
  EXPECT_TRUE(r.errors.empty()) << Join(r.errors);
  ExpectSameSubject(s, *r.subject);
  const auto& back = r.subject->timepoints;
  const LesionRecord* f = back[1].Find("T1");
  ASSERT_EQ(f->fragments.size(), 2u);
  EXPECT_EQ(f->fragments[0].long_axis_mm, 12.5);
  EXPECT_EQ(f->fragments[0].short_axis_mm, 8.0);
  EXPECT_EQ(f->fragments[1].long_axis_mm, 7.25);
  EXPECT_FALSE(f->fragments[1].short_axis_mm);
  EXPECT_EQ(back[2].Find("T2")->merged_into, "T1");
  EXPECT_TRUE(back[2].Find("NT1")->increased_since_last);
  EXPECT_EQ(back[2].Find("N1")->new_category, NewLesionCategory::kNonTarget);
  EXPECT_EQ(back[2].Find("N1")->site, "bone");
  EXPECT_EQ(back[2].clinically_stable, std::optional<bool>(true));
  EXPECT_FALSE(back[1].clinically_stable);
}

}  // namespace
}  // namespace nadir::dicom::sr
