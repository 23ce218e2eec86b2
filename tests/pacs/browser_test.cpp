// The viewer's PACS session (viewer/pacs/pacs_browser.h) against a real Orthanc that
// browser_test.sh starts and fills with the phantom; without it (no $ORTHANC_DIMSE) the server
// cases are skipped. Reading order needs no server.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "viewer/pacs/pacs_browser.h"

namespace nadir::viewer {
namespace {

namespace fs = std::filesystem;

pacs::SeriesRecord Series(std::string modality, std::string number) {
  pacs::SeriesRecord r;
  r.modality = std::move(modality);
  r.number = std::move(number);
  r.series_uid = r.modality + r.number;
  return r;
}

TEST(PacsBrowserOrder, ImagesComeBeforeStructuredReportsThenBySeriesNumber) {
  const auto order =
      ReadingOrder({Series("SR", "1"), Series("CT", "3"), Series("CT", "2"), Series("OT", "x")});
  std::vector<std::string> uids;
  for (const auto& s : order) uids.push_back(s.series_uid);
  EXPECT_EQ(uids, (std::vector<std::string>{"CT2", "CT3", "OTx", "SR1"}));
}

// Polls until the worker is idle again (at most 120 s: a loaded machine retrieves slowly).
PacsSnapshot WaitIdle(const PacsBrowser& b, int since) {
  for (int i = 0; i < 1200; ++i) {
    PacsSnapshot s = b.Snapshot();
    if (s.generation > since && s.activity == PacsSnapshot::Activity::kIdle) return s;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ADD_FAILURE() << "the PACS worker did not finish within 120 s";
  return b.Snapshot();
}

class PacsBrowserOrthanc : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* address = std::getenv("ORTHANC_DIMSE");
    const char* scratch = std::getenv("NADIR_TEST_SCRATCH");
    if (!address || !scratch) GTEST_SKIP() << "no Orthanc (run through tests/pacs/browser_test.sh)";
    node_.name = "orthanc";
    node_.dimse = pacs::ParseDimseAddress(address);
    cache_.dir =
        fs::path(scratch) /
        ("cache-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
  }
  pacs::Node node_;
  pacs::Options options_;
  pacs::CacheOptions cache_;
};

TEST_F(PacsBrowserOrthanc, FindsTheSubjectsStudiesAndRetrievesOneSeriesAtATimeThenFromTheCache) {
  PacsBrowser b(node_, options_, cache_);
  pacs::StudyQuery q;
  q.subject_id = "PH-001";
  b.Find(q);
  PacsSnapshot s = WaitIdle(b, 0);
  ASSERT_TRUE(s.error.empty()) << s.error;
  ASSERT_EQ(s.studies.size(), 3u);
  const std::string study = s.studies.front().study_uid;
  b.Retrieve(study);
  s = WaitIdle(b, s.generation);
  ASSERT_TRUE(s.error.empty()) << s.error;
  EXPECT_FALSE(s.cancelled);
  ASSERT_EQ(s.arrived.size(), 1u);  // the phantom's study has one CT series
  EXPECT_EQ(s.series_done, 1);
  int files = 0;
  for (const auto& f : fs::directory_iterator(s.arrived[0]))
    files += f.path().extension() == ".dcm";
  EXPECT_EQ(files, 48);
  EXPECT_EQ(s.progress.done, 48);
  b.Retrieve(study);
  s = WaitIdle(b, s.generation);
  ASSERT_EQ(s.arrived.size(), 2u);
  EXPECT_EQ(s.arrived[1], s.arrived[0]);
  EXPECT_NE(s.messages.back().find("from the cache"), std::string::npos) << s.messages.back();
}

TEST_F(PacsBrowserOrthanc, ACancelledRetrieveLeavesNoSeriesAndNoTornFile) {
  PacsBrowser b(node_, options_, cache_);
  pacs::StudyQuery q;
  q.patient_id = "PH-001";
  b.Find(q);
  PacsSnapshot s = WaitIdle(b, 0);
  ASSERT_EQ(s.studies.size(), 3u);
  b.Retrieve(s.studies.back().study_uid);
  // Cancel once the first instances are on their way.
  for (int i = 0; i < 600 && b.Snapshot().progress.done < 2; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  b.Cancel();
  s = WaitIdle(b, s.generation);
  EXPECT_TRUE(s.cancelled) << (s.messages.empty() ? "" : s.messages.back());
  EXPECT_TRUE(s.arrived.empty());
  for (const auto& f : fs::recursive_directory_iterator(cache_.dir))
    EXPECT_NE(f.path().extension(), ".part") << f.path();
}

TEST_F(PacsBrowserOrthanc, ASentStructuredReportJoinsItsStudyAsANewSeries) {
  const char* sr = std::getenv("NADIR_TEST_SR");
  ASSERT_NE(sr, nullptr);
  PacsBrowser b(node_, options_, cache_);
  b.Send({fs::path(sr)});
  PacsSnapshot s = WaitIdle(b, 0);
  ASSERT_TRUE(s.error.empty()) << s.error;
  EXPECT_EQ(s.sent, 1);
  pacs::StudyQuery q;
  q.patient_id = "PH-001";
  b.Find(q);
  s = WaitIdle(b, s.generation);
  int with_sr = 0;
  for (const auto& study : s.studies)
    for (const auto& series : study.series) with_sr += series.modality == "SR";
  EXPECT_EQ(with_sr, 1);
}

TEST_F(PacsBrowserOrthanc, AServerThatDoesNotAnswerIsAnErrorNamingItAndTheOperation) {
  pacs::Node dead = node_;
  dead.name = "dead";
  dead.dimse->port = 1;  // nothing listens on port 1 of loopback
  pacs::Options quick = options_;
  quick.timeout_s = 3;
  PacsBrowser b(dead, quick, cache_);
  b.Find({});
  const PacsSnapshot s = WaitIdle(b, 0);
  EXPECT_TRUE(s.studies.empty());
  EXPECT_NE(s.error.find("C-FIND failed"), std::string::npos) << s.error;
}

}  // namespace
}  // namespace nadir::viewer
