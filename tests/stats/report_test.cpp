// `nadir report` on the format's worked examples (docs/format/examples, RECIST 1.1 results worked
// by hand in expected-recist11.json): EX-01 PR, EX-02 SD (PD 2026-05-11), EX-03 PD (2026-02-16),
// EX-04 CR (non-target only), EX-05 PD (2026-03-30), EX-06 CR. Only EX-01 has a treatment_start
// (2026-01-08); the test gives the others their baseline date, 2026-01-05, so all six are treated.
// The engine computes both RECIST 1.1 and iRECIST for them (the protocol's default criteria).
#include <cairo.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "cli/report/plots.h"
#include "cli/report/report_cdisc.h"
#include "cli/report/report_data.h"
#include "cli/report/report_json.h"
#include "cli/report/report_tables.h"
#include "formats/assessment_json.h"
#include "measure/assess.h"
#include "tests/support/scratch_dir.h"

namespace nadir::report {
namespace {

std::vector<AssessedFile> Examples() {
  std::vector<AssessedFile> out;
  for (const char* name :
       {"01-confirmed-partial-response.json", "02-progression-from-nadir.json",
        "03-equivocal-new-lesion-confirmed.json", "04-non-target-disease-only.json",
        "05-missing-target-lesion.json", "06-nodal-complete-response.json"}) {
    LoadedAssessment a = ReadAssessmentFile(std::string(NADIR_FORMAT_EXAMPLES) + "/" + name);
    EXPECT_TRUE(a.subject) << name;
    if (!a.subject) continue;
    Subject s = *a.subject;
    if (!s.treatment_start) s.treatment_start = s.timepoints.front().date;
    AssessedFile f;
    f.result = AssessSubject(s);
    f.result.file = name;
    f.subject = s;
    out.push_back(std::move(f));
  }
  return out;
}

const stats::GroupEndpoints& Group(const Report& r, const std::string& key) {
  for (const auto& g : r.criteria.front().groups)
    if (g.key == key) return g;
  throw std::runtime_error("no group " + key);
}

// ORR 3/6 (EX-01, EX-04, EX-06) and DCR 4/6 (+ EX-02), exact intervals [0.1181, 0.8819] and
// [0.2228, 0.9567] (binomial sums solved by bisection). By arm: IV (EX-01, 03, 05) ORR 1/3;
// IP (EX-02, 04, 06) ORR 2/3, DCR 3/3.
TEST(Report, ResponseRatesOfTheWorkedExamples) {
  const Report r = BuildReport(Examples(), {"arm", "dose_level"}, {}, {}, "EX");
  ASSERT_EQ(r.criteria.size(), 2u);  // RECIST 1.1 and iRECIST
  EXPECT_TRUE(r.criteria_missing.empty());
  const auto& all = Group(r, "all");
  EXPECT_EQ(all.n, 6);
  EXPECT_EQ(all.orr.k, 3);
  EXPECT_NEAR(all.orr.ci_low, 0.1181172488, 1e-9);
  EXPECT_NEAR(all.orr.ci_high, 0.8818827512, 1e-9);
  EXPECT_EQ(all.dcr.k, 4);
  EXPECT_NEAR(all.dcr.ci_low, 0.2227780955, 1e-9);
  EXPECT_NEAR(all.dcr.ci_high, 0.9567281317, 1e-9);
  EXPECT_EQ(Group(r, "arm=IV").orr.k, 1);
  EXPECT_EQ(Group(r, "arm=IP").orr.k, 2);
  EXPECT_EQ(Group(r, "arm=IP").dcr.k, 3);
}

// iRECIST on the same files: no iUPD comes before any response, so the responders are the same
// three (iPR, iCR, iCR): ORR 3/6. EX-02 (PD on 2026-05-11) and EX-05 (PD on 2026-03-30) end on
// an iUPD that no later assessment can confirm (iRECIST I3): under iRECIST their PFS is
// censored, not an event.
TEST(Report, IRecistOfTheWorkedExamples) {
  const Report r = BuildReport(Examples(), {}, {}, {}, "EX");
  ASSERT_EQ(r.criteria.size(), 2u);
  const CriteriaReport& ir = r.criteria[1];
  ASSERT_EQ(ir.criteria, Criteria::kIRecist);
  EXPECT_EQ(ir.groups.front().orr.k, 3);
  for (const auto& o : ir.outcomes)
    if (o.subject == "EX-02" || o.subject == "EX-05") {
      EXPECT_FALSE(o.pfs.obs.event) << o.subject;
      EXPECT_EQ(*o.best == Response::kUPD, o.subject == "EX-05") << o.subject;
    }
  // Under RECIST 1.1 the same two are PFS events (126 and 84 days).
  for (const auto& o : r.criteria[0].outcomes) {
    if (o.subject == "EX-02" || o.subject == "EX-05") {
      EXPECT_TRUE(o.pfs.obs.event) << o.subject;
    }
  }
}

// PFS in days: EX-01 123+ (last adequate 2026-05-11 from 2026-01-08), EX-02 126, EX-03 42,
// EX-04 140+, EX-05 84, EX-06 91+. S(42) = 5/6, S(84) = 4/6, S(126) = 4/6 * 1/2 = 1/3 (two at
// risk): median 126 days. DOR: 42+, 42+, 46+ (no progression among responders): not reached.
TEST(Report, ProgressionFreeSurvivalOfTheWorkedExamples) {
  const Report r = BuildReport(Examples(), {}, {}, {}, "EX");
  const auto& all = Group(r, "all");
  EXPECT_EQ(all.pfs.events, 3);
  EXPECT_EQ(all.pfs.censored, 3);
  ASSERT_TRUE(all.pfs.median.median);
  EXPECT_EQ(*all.pfs.median.median, 126);
  EXPECT_NEAR(all.pfs.curve.steps.back().survival, 1.0 / 3.0, 1e-12);
  EXPECT_EQ(all.dor.n, 3);
  EXPECT_EQ(all.dor.events, 0);
  EXPECT_FALSE(all.dor.median.median);
  EXPECT_EQ(all.os.events, 0);
}

TEST(Report, MachineReadableOutputs) {
  const Report r = BuildReport(Examples(), {"arm"}, {}, {}, "EX");
  const auto j = EndpointsJson(r);
  EXPECT_EQ(j["format"], "nadir-endpoints/1");
  EXPECT_EQ(j["irecist"]["all"]["orr"]["k"], 3);
  EXPECT_EQ(j["recist11"]["all"]["orr"]["k"], 3);
  EXPECT_EQ(j["recist11"]["arm=IP"]["dcr"]["k"], 3);
  EXPECT_TRUE(j["recist11"]["all"]["dor"]["median_days"].is_null());  // not reached
  EXPECT_EQ(j["recist11"]["all"]["pfs"]["median_days"], 126.0);
  // One header and one row per subject and criteria; ADTTE: per criteria PFS for six and DOR
  // for the three responders, OS (the same under both) once.
  const std::string listing = ListingCsv(r);
  EXPECT_EQ(std::count(listing.begin(), listing.end(), '\n'), 1 + 6 + 6);
  const std::string adtte = AdtteCsv(r);
  EXPECT_EQ(std::count(adtte.begin(), adtte.end(), '\n'), 1 + (6 + 6 + 3) + (6 + 3));
  EXPECT_NE(adtte.find(",PFSI,"), std::string::npos);
  EXPECT_NE(adtte.find("EX-03,IV,DL3,RECIST 1.1,PFS,Progression-free survival,42,DAYS,0"),
            std::string::npos);
  EXPECT_NE(RsCsv(r).find("BESTRESP,Best Overall Response,RECIST 1.1,PR"), std::string::npos);
  EXPECT_NE(TrCsv(r).find("SUMDIAM"), std::string::npos);
}

// RECIST 1.1 §4.3.1, a confirmed PR continues: the SDTM RS rows read the engine's timepoint
// responses, so sums 100, 70, 70, 80 give PR at the fourth assessment (80 % of baseline) under
// both criteria, while 100, 70, 80 (PR not confirmed) gives SD, and iSD.
TEST(Report, RsRowsFollowTheContinuedPartialResponse) {
  auto course = [](std::vector<double> mm) {
    Subject s;
    s.id = "PR-" + std::to_string(mm.size());
    s.treatment_start = *ParseIsoDate("2026-01-05");
    for (std::size_t i = 0; i < mm.size(); ++i) {
      LesionRecord l;
      l.id = "T1";
      l.site = "liver";
      l.long_axis_mm = mm[i];
      const Date d = *s.treatment_start + int(42 * i);
      s.timepoints.push_back(Timepoint{d, "Week " + std::to_string(6 * i), "", {l}, std::nullopt});
    }
    AssessedFile f;
    f.result = AssessSubject(s);
    f.result.file = s.id + ".json";
    f.subject = s;
    return f;
  };
  std::vector<AssessedFile> files;
  files.push_back(course({100, 70, 70, 80}));
  files.push_back(course({100, 70, 80}));
  const std::string rs = RsCsv(BuildReport(std::move(files), {}, {}, {}, "EX"));
  EXPECT_NE(
      rs.find("PR-4,12,OVRLRESP,Overall Response,RECIST 1.1,PR,PR,INDEPENDENT ASSESSOR,Week 18,"
              "2026-05-11"),
      std::string::npos)
      << rs;
  EXPECT_NE(
      rs.find("PR-4,9,TRGRESP,Target Response,RECIST 1.1,PR,PR,INDEPENDENT ASSESSOR,Week 18,"),
      std::string::npos);
  EXPECT_NE(
      rs.find("PR-4,12,OVRLRESP,Overall Response,iRECIST,iPR,iPR,INDEPENDENT ASSESSOR,Week 18,"),
      std::string::npos);
  EXPECT_NE(
      rs.find("PR-3,8,OVRLRESP,Overall Response,RECIST 1.1,SD,SD,INDEPENDENT ASSESSOR,Week 12,"),
      std::string::npos);
  EXPECT_NE(
      rs.find("PR-3,8,OVRLRESP,Overall Response,iRECIST,iSD,iSD,INDEPENDENT ASSESSOR,Week 12,"),
      std::string::npos);
}

// Compute and compare: the waterfall drawn into an image holds bars of the PR and CR colours
// (EX-01 PR, EX-06 CR) and of PD (EX-03, EX-05), and the figure writes as PNG and SVG.
TEST(Report, WaterfallDrawsBarsInResponseColours) {
  const Report r = BuildReport(Examples(), {"arm"}, {}, {}, "EX");
  const int w = 480, h = 300;
  cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(img);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  WaterfallFigure(r, r.criteria.front(), "arm", "")(cr, w, h);
  cairo_destroy(cr);
  cairo_surface_flush(img);
  auto count = [&](Response resp) {
    // Pixels within 1/255 per channel of the colour (cairo rounds through 16 bits).
    const Rgb c = ResponseColour(resp);
    const double want[3] = {c.r * 255, c.g * 255, c.b * 255};
    const unsigned char* data = cairo_image_surface_get_data(img);
    const int stride = cairo_image_surface_get_stride(img);
    int n = 0;
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        const uint32_t px = reinterpret_cast<const uint32_t*>(data + y * stride)[x];
        const double got[3] = {double((px >> 16) & 0xff), double((px >> 8) & 0xff),
                               double(px & 0xff)};
        bool same = true;
        for (int k = 0; k < 3; ++k) same &= std::fabs(got[k] - want[k]) <= 1.0;
        n += same;
      }
    return n;
  };
  EXPECT_GT(count(Response::kPR), 100);
  EXPECT_GT(count(Response::kCR), 100);
  EXPECT_GT(count(Response::kPD), 100);
  cairo_surface_destroy(img);

  const test::ScratchDir dir;
  std::string error;
  ASSERT_TRUE(WriteFigure((dir / "waterfall").string(), 480, 300,
                          WaterfallFigure(r, r.criteria.front(), "arm", ""), &error))
      << error;
  std::ifstream png(dir / "waterfall.png", std::ios::binary);
  char magic[4] = {};
  png.read(magic, 4);
  EXPECT_EQ(std::string(magic + 1, 3), "PNG");
  EXPECT_GT(std::filesystem::file_size(dir / "waterfall.svg"), 1000u);
}

}  // namespace
}  // namespace nadir::report
