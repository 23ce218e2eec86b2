// `nadir measure --images DIR --at X,Y,Z [--nodal] [--json]`: semi-automatic measurement of
// the lesion under one point (patient LPS mm) of a CT series (analysis/lesion_measure.h).
// Exit code 0 when a lesion was measured, 1 when none was found (the reason is printed).
// `nadir measure ASSESSMENT.json --images DIR [--out FILE]`: manual against semi-automatic
// for every measured lesion of an assessment (cli/measure_assessment.h).
#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/lesion_measure.h"
#include "cli/commands.h"
#include "cli/measure_assessment.h"
#include "dicom/load.h"

namespace nadir::cli {
namespace {

using nlohmann::ordered_json;

double Round3(double x) { return std::round(x * 1000) / 1000; }

ordered_json Point(const analysis::Point3& p) {
  return ordered_json::array({Round3(p[0]), Round3(p[1]), Round3(p[2])});
}

// "X,Y,Z" in mm; throws CLI::ValidationError naming the value otherwise.
analysis::Point3 ParsePoint(const std::string& text) {
  analysis::Point3 p{};
  std::istringstream in(text);
  char comma = 0;
  if (!(in >> p[0] >> comma) || comma != ',' || !(in >> p[1] >> comma) || comma != ',' ||
      !(in >> p[2]) || !(in >> std::ws).eof())
    throw CLI::ValidationError("--at", "expected X,Y,Z in patient mm, got '" + text + "'");
  return p;
}

}  // namespace

ordered_json MeasurementJson(const analysis::LesionMeasurement& m) {
  ordered_json j;
  j["found"] = m.found;
  j["click_mm"] = Point(m.click);
  j["method"] = m.method;
  j["nodal"] = m.nodal;
  if (!m.found) {
    j["reason"] = m.reason;
    return j;
  }
  j["long_axis_mm"] = Round3(m.long_axis_mm);
  j["short_axis_mm"] = Round3(m.short_axis_mm);
  // RECIST 1.1 §4.2: a node is followed by its short axis, any other lesion by its long axis.
  j["reported_axis"] = m.nodal ? "short" : "long";
  j["long_axis_points_mm"] = {Point(m.long_axis_points[0]), Point(m.long_axis_points[1])};
  j["short_axis_points_mm"] = {Point(m.short_axis_points[0]), Point(m.short_axis_points[1])};
  j["slice_index"] = m.slice_k;
  j["volume_ml"] = Round3(m.volume_ml);
  j["max_3d_diameter_mm"] = Round3(m.max_3d_diameter_mm);
  j["lesion_hu"] = std::round(m.lesion_hu);
  return j;
}

int RunMeasure(int argc, char** argv) {
  CLI::App app{
      "Finds the lesion under a point of a CT series and measures it: RECIST long and "
      "short axes on the axial image where it is longest, volume, largest 3D diameter."};
  std::string images, at, assessment, out;
  bool nodal = false, json = false;
  app.add_option("--images", images, "folder (or file, DICOMDIR) holding the CT series")
      ->required();
  app.add_option("ASSESSMENT", assessment,
                 "instead of --at: re-measure every measured lesion of this assessment from the "
                 "centre of its saved long axis and compare manual with semi-automatic");
  app.add_option("--at", at, "the click: X,Y,Z in patient mm (DICOM LPS)");
  app.add_option("--out", out, "with ASSESSMENT: write the comparison as JSON here ('-': stdout)");
  app.add_flag("--nodal", nodal, "the lesion is a lymph node (reported by its short axis)");
  app.add_flag("--json", json, "print one JSON object");
  CLI11_PARSE(app, argc, argv);
  if (!assessment.empty()) {
    if (!at.empty()) return app.exit(CLI::ValidationError("--at", "not with ASSESSMENT"));
    return RemeasureAssessment(assessment, images, json && out.empty() ? "-" : out);
  }
  if (at.empty()) return app.exit(CLI::RequiredError("--at (or ASSESSMENT)"));
  analysis::Point3 click;
  try {
    click = ParsePoint(at);
  } catch (const CLI::ValidationError& e) {
    return app.exit(e);
  }

  const dicom::LoadedSeries series = dicom::LoadPath(images);
  analysis::MeasureOptions options;
  options.nodal = nodal;
  const auto t0 = std::chrono::steady_clock::now();
  const analysis::LesionMeasurement m = analysis::MeasureLesion(series.volume, click, options);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (json) {
    std::printf("%s\n", MeasurementJson(m).dump(2).c_str());
  } else if (!m.found) {
    std::printf("no lesion measured at (%.1f, %.1f, %.1f) mm: %s\n", click[0], click[1], click[2],
                m.reason.c_str());
  } else {
    std::printf("%s at (%.1f, %.1f, %.1f) mm, image %d (%s, %.0f ms)\n",
                m.nodal ? "lymph node" : "lesion", click[0], click[1], click[2], m.slice_k,
                m.method.c_str(), ms);
    std::printf("  long axis  %6.1f mm%s\n", m.long_axis_mm, m.nodal ? "" : "  (reported)");
    std::printf("  short axis %6.1f mm%s\n", m.short_axis_mm, m.nodal ? "  (reported)" : "");
    std::printf("  volume     %6.2f mL, largest 3D diameter %.1f mm\n", m.volume_ml,
                m.max_3d_diameter_mm);
  }
  return m.found ? 0 : 1;
}

}  // namespace nadir::cli
