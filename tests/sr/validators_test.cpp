// Every SR nadir writes passes dciodvfy (dicom3tools) with no errors and dsrdump (DCMTK) reads
// it. A missing tool skips its test and says so; scripts/setup.sh installs both.
#include <cstdio>
#include <sstream>

#include "tests/sr/sr_fixture.h"
#include "tests/support/skip.h"

namespace nadir::dicom::sr {
namespace {

using namespace nadir::test;  // the fixture (tests/sr/sr_fixture.h)

std::vector<std::filesystem::path> AllReports() {
  std::vector<std::filesystem::path> all;
  for (const std::string& s : GetPhantom().subjects)
    for (const auto& f : ExportTruth(s, "validate_" + s)) all.push_back(f);
  return all;
}

TEST(SrValidators, DciodvfyFindsNoErrorInAnyReport) {
  NADIR_SKIP_IF_MISSING(MissingTool("dciodvfy (Debian package dicom3tools)", NADIR_DCIODVFY));
  const auto reports = AllReports();
  ASSERT_EQ(reports.size(), 9u);
  for (const auto& f : reports) {
    std::string out;
    EXPECT_TRUE(DciodvfyErrors(f, &out).empty()) << f << "\n" << out;
    // dciodvfy names the IOD it checked against: SCOORD3D needs Comprehensive
    // 3D SR (README.md, "Object").
    EXPECT_NE(out.find("Comprehensive3DSR"), std::string::npos) << out;
  }
}

TEST(SrValidators, DsrdumpPrintsEveryReportWithItsTrackingIdentifiers) {
  NADIR_SKIP_IF_MISSING(MissingTool("dsrdump (Debian package dcmtk)", NADIR_DSRDUMP));
  for (const auto& f : AllReports()) {
    std::string out;
    EXPECT_EQ(Capture(std::string(NADIR_DSRDUMP) + " '" + f.string() + "'", &out), 0) << out;
    EXPECT_NE(out.find("Imaging Measurement Report"), std::string::npos) << out;
    EXPECT_NE(out.find("Tracking Unique Identifier"), std::string::npos) << out;
    EXPECT_NE(out.find("POLYLINE"), std::string::npos) << out;
    EXPECT_NE(out.find("Comprehensive 3D SR Document"), std::string::npos) << out;
    EXPECT_NE(out.find("SCOORD3D:"), std::string::npos) << out;
    EXPECT_NE(out.find("\"Subject Time Point Identifier\")"), std::string::npos) << out;
    EXPECT_NE(out.find("\"Time Point Order\")"), std::string::npos) << out;
    EXPECT_EQ(out.find("E: "), std::string::npos) << out;
  }
}

}  // namespace
}  // namespace nadir::dicom::sr
