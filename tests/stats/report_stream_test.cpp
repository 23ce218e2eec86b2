// `nadir report` builds the report one block of subjects at a time (issue 18): each subject's
// share is prepared on a worker thread and added in file order. These tests hold the streamed
// report to the one built from every file in memory, and check the whole-course variant when
// only a later subject's protocol has its own definitions (the earlier ones are copied then).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "cli/report/plots.h"
#include "cli/report/report_cdisc.h"
#include "cli/report/report_data.h"
#include "cli/report/report_json.h"
#include "cli/report/report_tables.h"
#include "cli/report/text_format.h"
#include "formats/assessment_json.h"
#include "formats/batch.h"
#include "formats/synthetic_trial.h"
#include "measure/assess.h"

namespace nadir::report {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Every per-subject data set and the endpoint tables, as written.
std::vector<std::string> Outputs(const Report& r) {
  return {
      ListingCsv(r),           TrCsv(r), RsCsv(r), AdtteCsv(r), EndpointsCsv(r), CovariatesCsv(r),
      EndpointsJson(r).dump(1)};
}

Report Streamed(const std::vector<std::string>& files, std::size_t block, bool plots = true) {
  ReportBuilder builder({"arm", "dose_level"}, {}, {}, "S");
  if (!plots) builder.WithoutPlotData().PlotSubjectsOnly();
  builder.Reserve(files.size());
  AssessFilesInOrder(
      files, 3, [&](AssessedFile& a) { builder.Prepare(a); },
      [&](AssessedFile&& a) { builder.Add(std::move(a)); }, {}, nullptr, block);
  return builder.Finish();
}

void ExpectStreamedAsInMemory(const std::string& folder) {
  std::vector<std::string> problems;
  const auto files = FindAssessmentFiles({folder}, problems);
  ASSERT_TRUE(problems.empty());
  ASSERT_GT(files.size(), 3u);
  const Report whole = BuildReport(AssessFiles(files, 1), {"arm", "dose_level"}, {}, {}, "S");
  const auto expected = Outputs(whole);
  EXPECT_GT(Lines(expected[0]).size(), files.size());  // a listing row per subject and criteria
  for (std::size_t block : {std::size_t(1), std::size_t(4), files.size()}) {
    const Report r = Streamed(files, block);
    EXPECT_EQ(r.subjects.size(), whole.subjects.size());
    const auto got = Outputs(r);
    for (std::size_t i = 0; i < got.size(); ++i)
      EXPECT_EQ(got[i], expected[i]) << "output " << i << ", blocks of " << block;
  }
  // Without plots (and trial data) the tables are counted as subjects come and neither the
  // outcomes nor the subjects' records are kept: the same tables, data sets and JSON.
  const Report counted = Streamed(files, 4, false);
  ASSERT_EQ(counted.criteria.size(), whole.criteria.size());
  for (const auto& c : counted.criteria) EXPECT_TRUE(c.outcomes.empty()) << c.key;
  EXPECT_TRUE(counted.subjects.empty());
  EXPECT_EQ(counted.subjects_read, whole.subjects.size());
  EXPECT_EQ(counted.subjects_with_errors, whole.subjects_with_errors);
  const auto got = Outputs(counted);
  for (std::size_t i = 0; i < got.size(); ++i)
    EXPECT_EQ(got[i], expected[i]) << "output " << i << ", without plot data";
}

TEST(ReportStream, SampleTrialStreamedAsInMemory) {
  ExpectStreamedAsInMemory(NADIR_SAMPLE_TRIAL);  // every protocol with a BOR window
}

TEST(ReportStream, WorkedExamplesStreamedAsInMemory) {
  ExpectStreamedAsInMemory(NADIR_FORMAT_EXAMPLES);  // no protocol definitions
}

// The worked examples, the fifth with a BOR window to day 56: the whole-course variant appears,
// and the four subjects before it, whose protocols have no definitions, have the same rows in
// it as under their protocol.
TEST(ReportStream, WholeCourseVariantFromALaterSubject) {
  std::vector<std::string> problems;
  const auto files = FindAssessmentFiles({NADIR_FORMAT_EXAMPLES}, problems);
  std::vector<AssessedFile> assessed = AssessFiles(files, 1);
  // expected-recist11.json is no assessment
  std::erase_if(assessed, [](const AssessedFile& a) { return !a.subject; });
  ASSERT_EQ(assessed.size(), 6u);
  AssessedFile& fifth = assessed[4];
  ASSERT_TRUE(fifth.subject);
  fifth.subject->protocol.bor_window_days = 56;
  const std::string file = fifth.result.file;
  fifth.result = AssessSubject(*fifth.subject);
  fifth.result.file = file;
  const Report r = BuildReport(std::move(assessed), {}, {}, {}, "EX");
  ASSERT_EQ(r.criteria.size(), 4u);
  EXPECT_EQ(r.criteria[1].key, "recist11_whole_course");
  EXPECT_EQ(r.criteria[0].definition,
            "BOR window and DOR start per subject's protocol (2 different)");
  EXPECT_EQ(r.criteria[1].definition, "BOR over the whole course, DOR from the first CR or PR");
  const auto rows = Lines(ListingCsv(r));
  ASSERT_EQ(rows.size(), 1u + 4 * 6);
  for (int c : {0, 2}) {  // RECIST 1.1 and iRECIST, then their whole-course variants
    ASSERT_EQ(r.criteria[c + 1].outcomes.size(), 6u);
    for (int i = 0; i < 6; ++i) {
      const auto& o = r.criteria[c].outcomes[i];
      const auto& w = r.criteria[c + 1].outcomes[i];
      EXPECT_EQ(o.subject, w.subject);
      if (i == 4) continue;
      EXPECT_EQ(o.best, w.best) << o.subject;
      EXPECT_EQ(o.pfs.obs.time, w.pfs.obs.time) << o.subject;
      // The listing row but for its first two columns (criteria key and definition).
      auto tail = [&](int criteria, int subject) {
        const std::string& row = rows[1 + 6 * criteria + subject];
        const auto& cr = r.criteria[criteria];
        const std::string head = Csv(cr.key) + "," + Csv(cr.definition) + ",";
        EXPECT_EQ(row.rfind(head, 0), 0u) << row;
        return row.substr(head.size());
      };
      EXPECT_EQ(tail(c, i), tail(c + 1, i));
    }
  }
}

std::vector<AssessedFile> SyntheticFiles(int subjects) {
  std::vector<AssessedFile> files;
  for (int i = 0; i < subjects; ++i) {
    AssessedFile f;
    f.subject = SyntheticSubject(1, i);
    f.result = AssessSubject(*f.subject);
    files.push_back(std::move(f));
  }
  return files;
}

Report SyntheticReport(int subjects) {
  return BuildReport(SyntheticFiles(subjects), {}, {}, {}, "SYN");
}

// Without the trial's CSV data only the plots read the subjects (issue 18): beyond the plots'
// sample size (10,000 in `nadir report`, 2,000 here) a trial of 4,500 keeps the plot data of
// every 3rd subject (ceil(4,500 / 2,000)), in file order, and says so in the figures; the
// tables still count all 4,500 as the report built in memory does.
TEST(ReportStream, PlotsOfALargeTrialDrawASampleAndTheTablesCountEverySubject) {
  constexpr int kSubjects = 4500;
  ReportBuilder builder({}, {}, {}, "SYN");
  builder.PlotSubjectsOnly(2000).Reserve(kSubjects);
  for (auto& f : SyntheticFiles(kSubjects)) builder.Add(std::move(f));
  const Report sampled = builder.Finish();
  const Report whole = BuildReport(SyntheticFiles(kSubjects), {}, {}, {}, "SYN");
  EXPECT_EQ(sampled.plot_every, 3u);
  EXPECT_EQ(sampled.subjects_read, std::size_t(kSubjects));
  ASSERT_EQ(sampled.subjects.size(), 1500u);
  EXPECT_EQ(sampled.subjects[1].id, whole.subjects[3].id);
  ASSERT_EQ(sampled.criteria.size(), whole.criteria.size());
  for (size_t c = 0; c < sampled.criteria.size(); ++c) {
    ASSERT_EQ(sampled.criteria[c].outcomes.size(), 1500u);
    EXPECT_EQ(sampled.criteria[c].outcomes[1].subject, whole.criteria[c].outcomes[3].subject);
    EXPECT_EQ(sampled.criteria[c].outcomes[1].best, whole.criteria[c].outcomes[3].best);
  }
  EXPECT_EQ(EndpointsCsv(sampled), EndpointsCsv(whole));
  EXPECT_EQ(CovariatesCsv(sampled), CovariatesCsv(whole));
  EXPECT_EQ(EndpointsJson(sampled).dump(1), EndpointsJson(whole).dump(1));
  EXPECT_EQ(SampleNote(sampled), "; drawn: 1 in 3 of the 4500 subjects, in file order");
  EXPECT_EQ(SampleNote(whole), "");
}

// The boundary of the plots' sample, on both sides: n subjects within the sample size are all
// drawn, one more and every 2nd is.
TEST(ReportStream, PlotSampleStartsBeyondItsSize) {
  auto every = [](std::size_t sample, std::size_t subjects, bool plots) {
    ReportBuilder builder({}, {}, {}, "SYN");
    if (!plots) builder.WithoutPlotData();
    builder.PlotSubjectsOnly(sample).Reserve(subjects);
    return builder.Finish().plot_every;
  };
  EXPECT_EQ(every(4500, 4500, true), 1u);
  EXPECT_EQ(every(4499, 4500, true), 2u);
  EXPECT_EQ(every(ReportBuilder::kPlotSample, ReportBuilder::kPlotSample, true), 1u);
  EXPECT_EQ(every(ReportBuilder::kPlotSample, ReportBuilder::kPlotSample + 1, true), 2u);
  EXPECT_EQ(every(10, 100000, false), 1u);  // without plots nothing is drawn, nothing sampled
}

std::uintmax_t SpiderSvgBytes(const Report& r, const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / "nadir_report_stream_test";
  std::filesystem::create_directories(dir);
  std::string error;
  EXPECT_TRUE(
      WriteFigure((dir / name).string(), 960, 560, SpiderFigure(r, r.criteria.front(), ""), &error))
      << error;
  return std::filesystem::file_size(dir / (name + ".svg"));
}

// A spider panel draws at most 250 lines (every k-th subject beyond that): twice the subjects
// do not make a file twice the size, as they do below the cap.
TEST(ReportStream, SpiderPanelsDrawASampleOfLargeTrials) {
  const auto small = SpiderSvgBytes(SyntheticReport(100), "spider_100");
  const auto below = SpiderSvgBytes(SyntheticReport(240), "spider_240");
  const auto capped = SpiderSvgBytes(SyntheticReport(500), "spider_500");
  const auto capped_twice = SpiderSvgBytes(SyntheticReport(1000), "spider_1000");
  EXPECT_GT(double(below), 1.6 * double(small));
  EXPECT_LT(double(capped_twice), 1.3 * double(capped));
}

}  // namespace
}  // namespace nadir::report
