// Writing the phantom trial: DICOM per subject and timepoint, and the ground truth as
// assessment files (shared/format/assessment-v1.md) with reader "truth".
#include <algorithm>
#include <atomic>
#include <cmath>
#include <ctime>
#include <exception>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "dicom/error.h"
#include "dicom/phantom.h"
#include "dicom/write_ct.h"

namespace nadir::dicom {
namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

// "2026-01-05" -> "20260105" (DA, PS3.5 6.2).
std::string DicomDate(const std::string& iso) {
  std::string d;
  for (char c : iso)
    if (c != '-') d.push_back(c);
  return d;
}

// Days after the baseline that treatment starts (cycle 1 day 1).
constexpr int kTreatmentStartDays = 7;

std::string PlusDays(const std::string& iso, int days) {
  std::tm tm{};
  tm.tm_year = std::stoi(iso.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(iso.substr(5, 2)) - 1;
  tm.tm_mday = std::stoi(iso.substr(8, 2)) + days;
  tm.tm_hour = 12;
  std::mktime(&tm);
  char b[16];
  std::strftime(b, sizeof b, "%Y-%m-%d", &tm);
  return b;
}

ordered_json Point(const std::array<double, 3>& p) {
  auto r = [](double x) { return std::round(x * 1e4) / 1e4; };
  return ordered_json::array({r(p[0]), r(p[1]), r(p[2])});
}

ordered_json LesionJson(const PhantomTrial& t, int s, int tp, const PhantomLesion& l) {
  ordered_json j;
  j["id"] = l.id;
  j["kind"] = l.kind;
  j["site"] = l.site;
  j["nodal"] = l.nodal;
  if (l.long_mm <= 0) {
    j["state"] = "absent";
    return j;
  }
  if (l.kind == "target")
    j["state"] = "measured";
  else if (l.kind == "nontarget")
    j["state"] = "present";
  else
    j["state"] = "unequivocal";
  j["long_axis_mm"] = l.long_mm;
  j["short_axis_mm"] = l.short_mm;
  const double a = l.angle_deg * 3.141592653589793 / 180;
  const double c = std::cos(a), sn = std::sin(a);
  const auto& o = l.centre;
  const double hl = 0.5 * l.long_mm, hs = 0.5 * l.short_mm;
  const int k = int(std::lround((o[2] - t.origin[2]) / t.spacing[2]));
  j["points"] = {
      {"sop_uid", PhantomSliceUid(t, s, tp, k)},
      {"long",
       {Point({o[0] - hl * c, o[1] - hl * sn, o[2]}),
        Point({o[0] + hl * c, o[1] + hl * sn, o[2]})}},
      {"short",
       {Point({o[0] + hs * sn, o[1] - hs * c, o[2]}),
        Point({o[0] - hs * sn, o[1] + hs * c, o[2]})}},
  };
  return j;
}

void WriteAtomically(const fs::path& file, const std::string& text) {
  const fs::path tmp = file.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) throw DicomError(tmp.string(), "", "", "cannot write");
  }
  std::error_code ec;
  fs::rename(tmp, file, ec);
  if (ec) throw DicomError(file.string(), "", ec.message(), "cannot rename into place");
}

// Renders and writes one subject's timepoint as a CT series.
void WriteSeries(const PhantomTrial& t, int s, int tp, const fs::path& dir) {
  const PhantomSubject& subj = t.subjects[s];
  const PhantomTimepoint& p = subj.timepoints[tp];
  const Volume v = RenderPhantom(t, s, tp);
  CtSeriesHeader h;
  h.patient_id = subj.subject;
  h.patient_name = "PHANTOM^" + subj.subject;
  // A trial's images carry the subject and time point (find by (0012,0040) and (0012,0050)).
  h.clinical_trial_subject_id = subj.subject;
  h.clinical_trial_time_point_id = p.label;
  h.study_uid = p.study_uid;
  h.series_uid = p.series_uid;
  h.frame_of_reference_uid = p.frame_of_reference_uid;
  h.study_date = DicomDate(p.date);
  h.study_description = "CT CHEST ABDOMEN " + p.label;
  h.accession_number = subj.subject.substr(3) + DicomDate(p.date).substr(2);
  char desc[32];
  std::snprintf(desc, sizeof desc, "AXIAL %.2g MM", t.spacing[2]);
  h.series_description = desc;
  h.pixel_signed = true;
  h.rescale_intercept = -1024;
  h.has_padding = true;
  h.padding_value = -2000;
  h.padding_hu = -2000;
  WriteCtSeries(v, h, dir);
}

}  // namespace

PhantomWritten WritePhantomTrial(const fs::path& out, const PhantomOptions& options) {
  const PhantomTrial t = PlanPhantomTrial(options);
  PhantomWritten w;
  std::error_code ec;
  fs::create_directories(out / "truth", ec);
  if (ec) throw DicomError((out / "truth").string(), "", ec.message(), "cannot create folder");

  // Series are independent: render and write them on a few threads (each holds one volume).
  std::vector<std::pair<int, int>> jobs;
  for (int s = 0; s < int(t.subjects.size()); ++s)
    for (int tp = 0; tp < int(t.subjects[s].timepoints.size()); ++tp) {
      jobs.push_back({s, tp});
      w.series_dirs.push_back(out / "dicom" / t.subjects[s].subject /
                              t.subjects[s].timepoints[tp].date);
      w.bytes += 2LL * t.size[0] * t.size[1] * t.size[2];
    }
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::exception_ptr error;
  auto work = [&] {
    for (std::size_t i; (i = next++) < jobs.size();) {
      try {
        WriteSeries(t, jobs[i].first, jobs[i].second, w.series_dirs[i]);
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!error) error = std::current_exception();
      }
    }
  };
  const int threads =
      std::clamp(int(std::thread::hardware_concurrency()), 1, options.full_size ? 4 : 8);
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back(work);
  work();
  for (auto& th : pool) th.join();
  if (error) std::rethrow_exception(error);

  for (int s = 0; s < int(t.subjects.size()); ++s) {
    const PhantomSubject& subj = t.subjects[s];
    ordered_json doc;
    doc["format"] = "nadir-assessment/1";
    doc["subject"] = subj.subject;
    doc["reader"] = "truth";
    doc["groups"] = {{"arm", "phantom"}, {"course", subj.course}};
    doc["treatment_start"] = PlusDays(subj.timepoints.front().date, kTreatmentStartDays);
    doc["timepoints"] = ordered_json::array();
    for (int tp = 0; tp < int(subj.timepoints.size()); ++tp) {
      const PhantomTimepoint& p = subj.timepoints[tp];
      ordered_json tj;
      tj["date"] = p.date;
      tj["label"] = p.label;
      tj["study_uid"] = p.study_uid;
      tj["lesions"] = ordered_json::array();
      for (const auto& l : p.lesions) tj["lesions"].push_back(LesionJson(t, s, tp, l));
      doc["timepoints"].push_back(tj);
    }
    const fs::path file = out / "truth" / (subj.subject + ".json");
    WriteAtomically(file, doc.dump(2) + "\n");
    w.assessment_files.push_back(file);
  }
  return w;
}

}  // namespace nadir::dicom
