// Manual against semi-automatic measurement of an assessment's lesions (measure_assessment.h).
#include "cli/measure_assessment.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

#include "cli/output.h"
#include "dicom/load.h"
#include "formats/assessment_json.h"
#include "measure/stats/method_agreement.h"

namespace nadir::cli {
namespace {

using nlohmann::ordered_json;

double Round3(double x) { return std::round(x * 1000) / 1000; }

// The series of a study to measure on: the CT series with the most slices.
const dicom::SeriesInfo* SeriesOfStudy(const dicom::Catalog& cat, const std::string& study_uid) {
  const dicom::SeriesInfo* best = nullptr;
  for (const dicom::SeriesInfo* s : cat.AllSeries())
    if (s->study_uid == study_uid && (!best || s->SliceCount() > best->SliceCount())) best = s;
  return best;
}

ordered_json NotMeasured(const std::string& date, const LesionRecord& l, const std::string& why) {
  return {{"date", date}, {"id", l.id}, {"reason", why}};
}

}  // namespace

int RemeasureAssessment(const std::string& assessment, const std::string& images,
                        const std::string& out) {
  const LoadedAssessment a = ReadAssessmentFile(assessment);
  if (!a.subject) {
    std::fprintf(stderr, "nadir measure: %s is not a readable assessment:\n", assessment.c_str());
    for (const auto& e : a.errors) std::fprintf(stderr, "  %s\n", e.c_str());
    return 2;
  }
  const dicom::Catalog cat = dicom::Scan(images);
  ordered_json doc;
  doc["assessment"] = assessment;
  doc["subject"] = a.subject->id;
  doc["images"] = images;
  doc["lesions"] = ordered_json::array();
  doc["not_measured"] = ordered_json::array();
  std::vector<std::pair<double, double>> pairs;  // (manual, semi-automatic) reported diameter
  for (const Timepoint& tp : a.subject->timepoints) {
    const std::string date = FormatIsoDate(tp.date);
    std::unique_ptr<dicom::LoadedSeries> series;  // loaded when a lesion of it needs it
    const dicom::SeriesInfo* info = SeriesOfStudy(cat, tp.study_uid);
    for (const LesionRecord& l : tp.lesions) {
      if (l.state != LesionState::kMeasured) continue;
      const std::optional<double> manual = l.nodal ? l.short_axis_mm : l.long_axis_mm;
      if (!manual) {
        doc["not_measured"].push_back(NotMeasured(date, l, "no manual diameter"));
        continue;
      }
      if (!l.points || !l.points->long_axis || l.points->Reformat()) {
        doc["not_measured"].push_back(
            NotMeasured(date, l, "no calipers on a native image were saved"));
        continue;
      }
      if (!info) {
        doc["not_measured"].push_back(
            NotMeasured(date, l, "no series of study " + tp.study_uid + " under " + images));
        continue;
      }
      if (!series) series = std::make_unique<dicom::LoadedSeries>(dicom::LoadSeries(*info));
      const auto& ends = *l.points->long_axis;
      const analysis::Point3 centre{0.5 * (ends[0][0] + ends[1][0]),
                                    0.5 * (ends[0][1] + ends[1][1]),
                                    0.5 * (ends[0][2] + ends[1][2])};
      analysis::MeasureOptions options;
      options.nodal = l.nodal;
      const analysis::LesionMeasurement m =
          analysis::MeasureLesion(series->volume, centre, options);
      if (!m.found) {
        doc["not_measured"].push_back(NotMeasured(date, l, m.reason));
        continue;
      }
      const double automatic = l.nodal ? m.short_axis_mm : m.long_axis_mm;
      pairs.push_back({*manual, automatic});
      doc["lesions"].push_back({{"date", date},
                                {"id", l.id},
                                {"nodal", l.nodal},
                                {"manual_mm", Round3(*manual)},
                                {"semi_automatic_mm", Round3(automatic)},
                                {"difference_mm", Round3(automatic - *manual)},
                                {"measurement", MeasurementJson(m)}});
    }
  }
  const stats::BlandAltman ba = stats::BlandAltmanOf(pairs);
  const double icc = stats::Icc21(pairs);
  doc["agreement"] = {{"n", ba.n},
                      {"bias_mm", Round3(ba.bias)},
                      {"sd_mm", Round3(ba.sd)},
                      {"limits_of_agreement_mm", {Round3(ba.lower), Round3(ba.upper)}},
                      {"icc_2_1", std::isnan(icc) ? ordered_json() : ordered_json(Round3(icc))}};
  if (!out.empty()) return WriteOutput("measure", out, doc.dump(2) + "\n") ? 0 : 1;
  std::printf("%s (%s): %zu lesions re-measured, %zu not\n", assessment.c_str(),
              a.subject->id.c_str(), doc["lesions"].size(), doc["not_measured"].size());
  for (const auto& l : doc["lesions"])
    std::printf("  %s %-6s manual %6.1f mm  semi-automatic %6.1f mm  (%+.1f)\n",
                l["date"].get<std::string>().c_str(), l["id"].get<std::string>().c_str(),
                l["manual_mm"].get<double>(), l["semi_automatic_mm"].get<double>(),
                l["difference_mm"].get<double>());
  for (const auto& l : doc["not_measured"])
    std::printf("  %s %-6s not re-measured: %s\n", l["date"].get<std::string>().c_str(),
                l["id"].get<std::string>().c_str(), l["reason"].get<std::string>().c_str());
  if (ba.n >= 2)
    std::printf(
        "Bland-Altman (semi-automatic - manual): bias %+.2f mm, limits %+.2f to %+.2f mm; "
        "ICC(2,1) %.3f\n",
        ba.bias, ba.lower, ba.upper, icc);
  return 0;
}

}  // namespace nadir::cli
