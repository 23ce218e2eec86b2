// `nadir info PATH [--json]`: what a folder, file or DICOMDIR holds: patients, studies and
// series with geometry, transfer syntax, warnings and the HU range and mean of each volume.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "dicom/error.h"
#include "dicom/load.h"

namespace nadir::cli {
namespace {

using nlohmann::ordered_json;

struct HuSummary {
  int min = 0, max = 0;
  double mean = 0;
};

HuSummary Summarise(const Volume& v) {
  HuSummary s;
  if (v.hu.empty()) return s;
  long long sum = 0;
  int lo = 32767, hi = -32768;
  for (std::int16_t h : v.hu) {
    sum += h;
    lo = h < lo ? h : lo;
    hi = h > hi ? h : hi;
  }
  return {lo, hi, double(sum) / double(v.hu.size())};
}

ordered_json Array(const auto& a) {
  ordered_json j = ordered_json::array();
  for (auto x : a) j.push_back(x);
  return j;
}

}  // namespace

int RunInfo(int argc, char** argv) {
  CLI::App app{
      "Lists the patients, studies and series under PATH (a folder, a file or a "
      "DICOMDIR) with geometry, transfer syntax, warnings and HU statistics."};
  std::string path;
  bool json = false, headers_only = false;
  app.add_option("PATH", path, "folder, DICOM file or DICOMDIR")->required();
  app.add_flag("--json", json, "print JSON instead of text");
  app.add_flag("--headers-only", headers_only, "skip pixel decoding (no HU statistics)");
  CLI11_PARSE(app, argc, argv);

  const dicom::Catalog cat = dicom::Scan(path);
  int failures = 0;
  ordered_json doc;
  doc["path"] = path;
  doc["patients"] = ordered_json::array();
  for (const auto& p : cat.patients) {
    if (!json) std::printf("Patient %s (%s)\n", p.patient_id.c_str(), p.patient_name.c_str());
    ordered_json pj{{"patient_id", p.patient_id},
                    {"patient_name", p.patient_name},
                    {"studies", ordered_json::array()}};
    for (const auto& st : p.studies) {
      if (!json)
        std::printf("  Study %s %s \"%s\"\n", st.date.c_str(), st.study_uid.c_str(),
                    st.description.c_str());
      ordered_json sj{{"study_uid", st.study_uid},
                      {"date", st.date},
                      {"description", st.description},
                      {"accession_number", st.accession_number},
                      {"series", ordered_json::array()}};
      for (const auto& se : st.series) {
        ordered_json j{{"series_uid", se.series_uid},
                       {"series_number", se.series_number},
                       {"description", se.series_description},
                       {"modality", se.modality},
                       {"stack", se.stack},
                       {"stack_reason", se.stack_reason},
                       {"transfer_syntax_uid", se.transfer_syntax_uid},
                       {"transfer_syntax", se.transfer_syntax_name},
                       {"images", se.SliceCount()}};
        if (!json)
          std::printf(
              "    Series %d \"%s\" %s%s, %d images, %s\n", se.series_number,
              se.series_description.c_str(), se.modality.c_str(),
              se.stack
                  ? (" stack " + std::to_string(se.stack) + " (" + se.stack_reason + ")").c_str()
                  : "",
              se.SliceCount(), se.transfer_syntax_name.c_str());
        try {
          dicom::LoadedSeries l = headers_only ? dicom::PlanVolume(se) : dicom::LoadSeries(se);
          const Volume& v = l.volume;
          j["dimensions"] = Array(v.size);
          j["spacing"] = Array(v.spacing);
          j["origin"] = Array(v.origin);
          j["direction"] = Array(v.direction);
          const HuSummary h = headers_only ? HuSummary{} : Summarise(v);
          if (!headers_only) {
            j["hu_min"] = h.min;
            j["hu_max"] = h.max;
            j["hu_mean"] = h.mean;
          }
          j["warnings"] = ordered_json::array();
          for (const auto& w : l.warnings)
            j["warnings"].push_back({{"code", dicom::Code(w)}, {"message", dicom::Describe(w)}});
          j["error"] = nullptr;
          // A file of the series that did not decode is a gap in the volume: exit 1.
          if (dicom::CountOf<dicom::FileSkipped>(l.warnings)) ++failures;
          if (!json) {
            std::printf("      size %d x %d x %d, spacing %.4g x %.4g x %.4g mm\n", v.size[0],
                        v.size[1], v.size[2], v.spacing[0], v.spacing[1], v.spacing[2]);
            std::printf(
                "      origin (%.4f, %.4f, %.4f) mm, direction [%.4g %.4g %.4g | %.4g %.4g %.4g | "
                "%.4g %.4g %.4g]\n",
                v.origin[0], v.origin[1], v.origin[2], v.direction[0], v.direction[1],
                v.direction[2], v.direction[3], v.direction[4], v.direction[5], v.direction[6],
                v.direction[7], v.direction[8]);
            if (!headers_only)
              std::printf("      HU min %d, max %d, mean %.3f\n", h.min, h.max, h.mean);
            for (const auto& w : l.warnings)
              std::printf("      warning (%s): %s\n", dicom::Code(w).c_str(),
                          dicom::Describe(w).c_str());
          }
        } catch (const dicom::DicomError& e) {
          ++failures;
          j["error"] = e.what();
          if (!json)
            std::printf("      error: %s\n", e.what());
          else
            std::fprintf(stderr, "nadir info: %s\n", e.what());
        }
        sj["series"].push_back(j);
      }
      pj["studies"].push_back(sj);
    }
    doc["patients"].push_back(pj);
  }
  doc["skipped"] = ordered_json::array();
  for (const auto& s : cat.skipped)
    doc["skipped"].push_back({{"file", s.file}, {"reason", s.reason}});
  if (json) {
    std::printf("%s\n", doc.dump(2).c_str());
  } else if (!cat.skipped.empty()) {
    std::printf("Skipped %zu file(s):\n", cat.skipped.size());
    for (const auto& s : cat.skipped) std::printf("  %s\n", s.reason.c_str());
  }
  return failures ? 1 : 0;
}

}  // namespace nadir::cli
