// `nadir track`: following lesions between scans (issue 16).
//   nadir track --from DIR_A --to DIR_B --at X,Y,Z [--at ...] [--json]
//   nadir track ASSESSMENT.json --images DIR [--out FILE] [--tolerance-mm 15]
// Registration results are cached per series pair, so a second run is instant. Reading only:
// the reader's measurements are never changed.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/registration/lesion_qc.h"
#include "analysis/registration/registration_json.h"
#include "analysis/registration/track_dicom.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "formats/assessment_json.h"

namespace nadir::cli {
namespace {

using nlohmann::ordered_json;
using namespace nadir::registration;

ordered_json Point(const Vec3& p) { return ordered_json::array({p[0], p[1], p[2]}); }

bool ParsePoint(const std::string& text, Vec3& p) {
  std::istringstream s(text);
  char c1 = 0, c2 = 0;
  return (s >> p[0] >> c1 >> p[1] >> c2 >> p[2]) && c1 == ',' && c2 == ',' && s.peek() == EOF;
}

void PrintRegistration(const Registration& r) {
  std::printf("registration: %s%s (%.1f s%s)\n", r.ok ? "ok" : "FAILED: ", r.reason.c_str(),
              r.seconds, r.from_cache ? ", from cache" : "");
  for (const auto& s : r.stages)
    std::printf("  %-10s %3d iterations, metric %.4f -> %.4f, %.1f s%s\n", s.name.c_str(),
                s.iterations, s.metric_start, s.metric_end, s.seconds, s.kept ? "" : " (dropped)");
  std::printf("  body Dice %.3f, tissue agreement %.3f, body inside %.3f\n", r.body_dice,
              r.tissue_agreement, r.body_inside);
}

int TrackPoints(const std::string& from_dir, const std::string& to_dir,
                const std::vector<std::string>& at, bool json, const PairOptions& options) {
  std::vector<Vec3> points;
  for (const auto& a : at) {
    Vec3 p;
    if (!ParsePoint(a, p)) {
      std::fprintf(stderr, "nadir track: --at '%s': expected X,Y,Z in patient mm\n", a.c_str());
      return 2;
    }
    points.push_back(p);
  }
  const LoadedScan a = LoadScanDir(from_dir), b = LoadScanDir(to_dir);
  const Registration r = RegisterPair(a.AsScan(), b.AsScan(), options);
  ordered_json doc;
  doc["points"] = ordered_json::array();
  for (const auto& p : points) {
    ordered_json pj{{"from_mm", Point(p)}};
    const auto q = MapToMoving(r, p);
    if (q && InsideVolume(b.volume, *q))
      pj["to_mm"] = Point(*q);
    else
      pj["to_mm"] = nullptr;
    if (q && !InsideVolume(b.volume, *q)) pj["note"] = "maps outside the second scan";
    if (!InsideVolume(a.volume, p)) pj["note"] = "not inside the first scan";
    doc["points"].push_back(pj);
  }
  doc["registration"] = ToJson(r, false);
  doc["registration"]["from_series_uid"] = a.series_uid;
  doc["registration"]["to_series_uid"] = b.series_uid;
  if (json) {
    std::printf("%s\n", doc.dump(2).c_str());
  } else {
    PrintRegistration(r);
    for (const auto& pj : doc["points"])
      std::printf("  %s -> %s\n", pj["from_mm"].dump().c_str(),
                  pj["to_mm"].is_null() ? "no proposal" : pj["to_mm"].dump().c_str());
  }
  return r.ok ? 0 : 1;
}

int TrackAssessment(const std::string& file, const std::string& images, const std::string& out,
                    double tolerance, const PairOptions& options) {
  const LoadedAssessment a = ReadAssessmentFile(file);
  if (!a.subject) {
    for (const auto& e : a.errors) std::fprintf(stderr, "nadir track: %s\n", e.c_str());
    return 1;
  }
  QcOptions qc;
  qc.tolerance_mm = tolerance;
  qc.pair = options;
  const QcReport report = CheckLesionPositions(*a.subject, images, qc);
  ordered_json doc;
  doc["assessment"] = file;
  doc["subject"] = a.subject->id;
  doc["tolerance_mm"] = tolerance;
  doc["problems"] = report.problems;
  doc["registrations"] = ordered_json::array();
  for (const auto& pr : report.registrations) {
    ordered_json j = ToJson(pr.registration, false);
    j["from"] = pr.from_label, j["to"] = pr.to_label;
    j["from_series_uid"] = pr.from_series_uid, j["to_series_uid"] = pr.to_series_uid;
    doc["registrations"].push_back(j);
  }
  int flagged = 0;
  doc["lesions"] = ordered_json::array();
  for (const auto& c : report.checks) {
    ordered_json j{{"id", c.lesion_id},
                   {"from", c.from_label},
                   {"to", c.to_label},
                   {"from_centre_mm", Point(c.from_centre)},
                   {"measured_centre_mm", Point(c.measured_centre)}};
    j["mapped_mm"] = c.mapped ? Point(*c.mapped) : ordered_json(nullptr);
    j["distance_mm"] = c.distance_mm ? ordered_json(*c.distance_mm) : ordered_json(nullptr);
    j["flagged"] = c.flagged;
    j["message"] = c.message;
    flagged += c.flagged;
    doc["lesions"].push_back(j);
    if (!c.message.empty()) std::fprintf(stderr, "%s\n", c.message.c_str());
  }
  for (const auto& p : report.problems) std::fprintf(stderr, "%s\n", p.c_str());
  if (!WriteOutput("track", out, doc.dump(2) + "\n")) return 1;
  return flagged ? 3 : 0;
}

}  // namespace

int RunTrack(int argc, char** argv) {
  CLI::App app{
      "Follows lesions between scans: registers the second scan to the first (rigid, "
      "affine, B-spline; Mattes mutual information) and maps points, or checks every "
      "follow-up measurement of an assessment against where its lesion maps."};
  std::string assessment, images, from, to, out = "-", cache;
  std::vector<std::string> at;
  bool json = false, no_cache = false, rigid_affine = false;
  double tolerance = kDefaultToleranceMm;
  app.add_option("ASSESSMENT", assessment, "assessment file to check (with --images)");
  app.add_option("--images", images, "DICOM folder with the assessment's scans");
  app.add_option("--out", out, "QC report file (JSON; '-' = standard output)");
  app.add_option("--tolerance-mm", tolerance, "flag measurements farther than this (mm)");
  app.add_option("--from", from, "DICOM folder of the first scan (the points' scan)");
  app.add_option("--to", to, "DICOM folder of the second scan");
  app.add_option("--at", at, "a point X,Y,Z (patient mm) in the first scan; repeatable");
  app.add_flag("--json", json, "print JSON");
  app.add_option("--cache", cache, "registration cache folder (default ~/.cache/nadir/...)");
  app.add_flag("--no-cache", no_cache, "register afresh and keep nothing");
  app.add_flag("--no-deformable", rigid_affine, "rigid and affine stages only");
  CLI11_PARSE(app, argc, argv);

  PairOptions options;
  options.registration.deformable = !rigid_affine;
  options.cache_dir = no_cache        ? std::filesystem::path()
                      : cache.empty() ? DefaultCacheDir()
                                      : std::filesystem::path(cache);
  if (!assessment.empty()) {
    if (images.empty()) {
      std::fprintf(stderr, "nadir track: ASSESSMENT needs --images DIR\n");
      return 2;
    }
    return TrackAssessment(assessment, images, out, tolerance, options);
  }
  if (from.empty() || to.empty() || at.empty()) {
    std::fprintf(stderr,
                 "nadir track: give --from DIR --to DIR --at X,Y,Z, or ASSESSMENT "
                 "--images DIR (see --help)\n");
    return 2;
  }
  return TrackPoints(from, to, at, json, options);
}

}  // namespace nadir::cli
