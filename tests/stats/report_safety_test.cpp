// `nadir report`'s safety, kinetics and cytokine sections on the sample trial
// (sample_data/trial, data from scripts/make_sample_trial_data.py). Expected values worked by
// hand from the generator's table of subjects:
// - DLTs: IV-105 (CRS g3, DL3), IV-106 (CRS g3 + ICANS g3, DL4), IV-107 (CRS g4, DL4), IP-205
//   (CRS g3, DL3), IP-206 (ICANS g3, DL4). IV-108 (DL3) is not DLT-evaluable (died day 25).
// - IV: DL1 0/2, DL2 0/2 incomplete; DL3 1 of 1 evaluable (2 treated) incomplete; DL4 2/2
//   exceeded; MTD not determinable (DL3 has 1 evaluable, 6 needed).
// - IP: DL1 0/2, DL2 0/1, DL3 1/2, DL4 1/1: all incomplete, MTD not reached.
// - TEAEs (14 treated): any 14 (IV-101's anaemia before infusion is not TE, its fatigue is);
//   grade >= 3: 10; serious 7; related 14; CRS 12, grade >= 3 4; ICANS 6, grade >= 3 2.
//   Worst grade: 1: 2, 2: 2, 3: 7, 4: 2, 5: 1.
#include <gtest/gtest.h>

#include <algorithm>

#include "cli/report/report_ae_cdisc.h"
#include "cli/report/report_data.h"
#include "cli/report/report_json.h"
#include "cli/report/report_safety_tables.h"
#include "cli/report/report_tables.h"
#include "formats/assessment_json.h"
#include "formats/batch.h"

namespace nadir::report {
namespace {

Report SampleTrial() {
  std::vector<std::string> problems;
  const auto files = FindAssessmentFiles({NADIR_SAMPLE_TRIAL}, problems);
  EXPECT_TRUE(problems.empty());
  Report r = BuildReport(AssessFiles(files, 1), {"arm", "dose_level"}, {}, {}, "CD70");
  TrialSubjects subjects;
  for (const auto& s : r.subjects) subjects[s.id] = s.treatment_start;
  r.safety = BuildSafety(r, ReadTrialData({NADIR_SAMPLE_TRIAL}, subjects));
  return r;
}

TEST(ReportSafety, SampleTrialReadsWithoutErrors) {
  const Report r = SampleTrial();
  EXPECT_EQ(r.subjects.size(), 14u);
  EXPECT_TRUE(r.safety.errors.empty()) << r.safety.errors.front();
  EXPECT_EQ(r.safety.files_read.size(), 3u);
}

TEST(ReportSafety, EscalationOfTheSampleTrial) {
  const auto j = EndpointsJson(SampleTrial());
  const auto& iv = j["escalation"]["IV"];
  ASSERT_EQ(iv["levels"].size(), 4u);
  EXPECT_EQ(iv["levels"][2]["dose_level"], "DL3");
  EXPECT_EQ(iv["levels"][2]["treated"], 2);
  EXPECT_EQ(iv["levels"][2]["evaluable"], 1);
  EXPECT_EQ(iv["levels"][2]["dlt"], 1);
  EXPECT_EQ(iv["levels"][2]["decision"], "incomplete");
  EXPECT_EQ(iv["levels"][3]["dlt"], 2);
  EXPECT_EQ(iv["levels"][3]["decision"], "exceeded");
  EXPECT_TRUE(iv["mtd"].is_null());
  EXPECT_EQ(iv["mtd_status"], "not determinable");
  const auto& ip = j["escalation"]["IP"];
  EXPECT_EQ(ip["levels"][2]["dlt"], 1);
  EXPECT_EQ(ip["mtd_status"], "not reached");
}

TEST(ReportSafety, AdverseEventTalliesOfTheSampleTrial) {
  const auto j = EndpointsJson(SampleTrial());
  const auto& all = j["safety"]["all"];
  auto k = [&](const char* row) { return all[row]["k"].get<int>(); };
  EXPECT_EQ(all["any_ae"]["n"], 14);
  EXPECT_EQ(k("any_ae"), 14);
  EXPECT_EQ(k("grade_3_plus"), 10);
  EXPECT_EQ(k("serious"), 7);
  EXPECT_EQ(k("related"), 14);
  EXPECT_EQ(k("crs"), 12);
  EXPECT_EQ(k("crs_grade_3_plus"), 4);
  EXPECT_EQ(k("icans"), 6);
  EXPECT_EQ(k("icans_grade_3_plus"), 2);
  EXPECT_EQ(all["worst_grade"]["1"]["k"], 2);
  EXPECT_EQ(all["worst_grade"]["3"]["k"], 7);
  EXPECT_EQ(all["worst_grade"]["5"]["k"], 1);
  EXPECT_EQ(j["safety"]["arm=IV"]["crs_grade_3_plus"]["k"], 3);
  EXPECT_EQ(j["safety"]["arm=IV"]["crs_grade_3_plus"]["n"], 8);
}

// IV-108 died on day 25: its last sample is day 21, so AUC 0-28 is null; the others reach
// day 90 (samples to day 120).
TEST(ReportSafety, KineticsAndCytokinesOfTheSampleTrial) {
  const auto j = EndpointsJson(SampleTrial());
  const auto& subjects = j["kinetics"]["subjects"];
  EXPECT_EQ(subjects.size(), 14u);
  EXPECT_TRUE(subjects["CD70-IV-108"]["auc_0_28"].is_null());
  EXPECT_FALSE(subjects["CD70-IV-107"]["auc_0_90"].is_null());
  for (const auto& [id, s] : subjects.items()) {
    EXPECT_GE(s["tmax_day"].get<double>(), 7) << id;  // expansion peaks at days 7-14
    EXPECT_LE(s["tmax_day"].get<double>(), 14) << id;
  }
  EXPECT_EQ(j["kinetics"]["groups"]["all"]["n"], 14);
  EXPECT_EQ(j["cytokines"]["units"]["IL-6"], "pg/mL");
  // IL-6 peaks rise with the CRS grade (medians of the generator: 14, 85, 320, 1600, 5200).
  const auto& il6 = j["cytokines"]["by_crs_grade"]["IL-6"];
  EXPECT_LT(il6["0"]["median_peak"].get<double>(), il6["2"]["median_peak"].get<double>());
  EXPECT_LT(il6["2"]["median_peak"].get<double>(), il6["3"]["median_peak"].get<double>());
  EXPECT_EQ(j["covariates_toxicity"]["cd70_positive_pct"]["CRS"]["with"]["n"], 12);
}

// The protocol's definitions (BOR to day 90, DOR from CR/PR/SD) and the whole course.
TEST(ReportSafety, ProtocolAndWholeCourseEndpoints) {
  const Report r = SampleTrial();
  std::vector<std::string> keys;
  for (const auto& c : r.criteria) keys.push_back(c.key);
  const std::vector<std::string> want = {"recist11", "recist11_whole_course", "irecist",
                                         "irecist_whole_course"};
  EXPECT_EQ(keys, want);
  EXPECT_EQ(r.criteria[0].definition, "BOR to day 90, DOR from the first CR, PR or SD");
  EXPECT_EQ(r.criteria[1].definition, "BOR over the whole course, DOR from the first CR or PR");
  const auto j = EndpointsJson(r);
  EXPECT_EQ(j["definitions"]["recist11"], r.criteria[0].definition);
  EXPECT_TRUE(j["recist11_whole_course"]["all"].is_object());
  const std::string md = ReportMarkdown(r);
  EXPECT_NE(md.find("## RECIST 1.1; BOR to day 90, DOR from the first CR, PR or SD: best"),
            std::string::npos);
  EXPECT_NE(md.find("## iRECIST; BOR over the whole course, DOR from the first CR or PR: time"),
            std::string::npos);
  EXPECT_NE(EndpointsCsv(r).find("recist11_whole_course,\"BOR over the whole course, DOR from "
                                 "the first CR or PR\",all,14"),
            std::string::npos);
}

// The tables and listings of the safety section.
TEST(ReportSafety, TablesAndListingsOfTheSampleTrial) {
  const Report r = SampleTrial();
  EXPECT_NE(EscalationCsv(r.safety).find("IV,DL4,2,2,2,exceeded,,not determinable"),
            std::string::npos);
  EXPECT_NE(SafetyCsv(r.safety).find("all,crs_grade_3_plus,4,14,28.6"), std::string::npos);
  const std::string ae = AeCsv(r);
  EXPECT_EQ(std::count(ae.begin(), ae.end(), '\n'), 38);  // header + 37 events
  // IV-101's anaemia began 4 days before infusion: study day -4, not treatment emergent.
  EXPECT_NE(ae.find("CD70,AE,CD70-IV-101,1,Anaemia"), std::string::npos);
  const std::string adae = AdaeCsv(r);
  EXPECT_NE(adae.find("2026-01-16,2026-01-12,,-4,,N,N,Y,N,N"), std::string::npos) << adae;
  const std::string md = SafetyMarkdown(r.safety);
  EXPECT_NE(md.find("### Arm IV: MTD none (not determinable"), std::string::npos);
}

}  // namespace
}  // namespace nadir::report
