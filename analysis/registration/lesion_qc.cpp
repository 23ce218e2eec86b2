#include "analysis/registration/lesion_qc.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>

#include "analysis/registration/track_dicom.h"
#include "dicom/error.h"

namespace nadir::registration {
namespace {

// Centre of a measurement: the mean of its caliper end points (long and short axis).
std::optional<Vec3> Centre(const LesionRecord& l) {
  if (!l.points) return std::nullopt;
  Vec3 sum{0, 0, 0};
  int n = 0;
  for (const auto* axis : {&l.points->long_axis, &l.points->short_axis})
    if (*axis)
      for (const auto& p : **axis) sum = Add(sum, p), ++n;
  if (n == 0) return std::nullopt;
  return Scale(sum, 1.0 / n);
}

std::string Label(const Timepoint& t) { return t.label.empty() ? FormatIsoDate(t.date) : t.label; }

std::string Mm(double x) {
  char b[32];
  std::snprintf(b, sizeof b, "%.0f mm", x);
  return b;
}

}  // namespace

QcReport CheckLesionPositions(const Subject& subject, const std::filesystem::path& images,
                              const QcOptions& options, const Progress& progress) {
  QcReport report;
  const dicom::Catalog catalog = dicom::Scan(images);
  const int n = int(subject.timepoints.size());

  // The scan of each timepoint, loaded on first use.
  std::map<int, std::unique_ptr<LoadedScan>> scans;
  std::map<int, std::string> scan_errors;
  auto scan_of = [&](int t) -> const LoadedScan* {
    if (scans.count(t)) return scans[t].get();
    if (scan_errors.count(t)) return nullptr;
    const Timepoint& tp = subject.timepoints[t];
    std::vector<std::string> sops;
    for (const auto& l : tp.lesions)
      if (l.points && !l.points->sop_uid.empty()) sops.push_back(l.points->sop_uid);
    const dicom::SeriesInfo* s = FindSeries(catalog, tp.study_uid, sops);
    if (!s || (sops.empty() && tp.study_uid.empty())) {
      scan_errors[t] = "no series in " + images.string() + " for timepoint " + Label(tp) +
                       " (study " + (tp.study_uid.empty() ? "not given" : tp.study_uid) + ")";
      report.problems.push_back(scan_errors[t]);
      return nullptr;
    }
    try {
      scans[t] = std::make_unique<LoadedScan>(LoadScan(*s));
    } catch (const dicom::DicomError& e) {
      scan_errors[t] = "timepoint " + Label(tp) + ": " + e.what();
      report.problems.push_back(scan_errors[t]);
      return nullptr;
    }
    return scans[t].get();
  };

  // One registration per pair of timepoints (and the disk cache across runs).
  std::map<std::pair<int, int>, std::size_t> done;
  auto registration_of = [&](int a, int b) -> const PairRegistration* {
    if (auto it = done.find({a, b}); it != done.end()) return &report.registrations[it->second];
    const LoadedScan* sa = scan_of(a);
    const LoadedScan* sb = scan_of(b);
    if (!sa || !sb) return nullptr;
    PairRegistration pr{Label(subject.timepoints[a]),
                        Label(subject.timepoints[b]),
                        sa->series_uid,
                        sb->series_uid,
                        {}};
    pr.registration = RegisterPair(sa->AsScan(), sb->AsScan(), options.pair, progress);
    report.registrations.push_back(std::move(pr));
    done[{a, b}] = report.registrations.size() - 1;
    return &report.registrations.back();
  };

  // Lesion ids in order of first appearance.
  std::vector<std::string> ids;
  for (const auto& tp : subject.timepoints)
    for (const auto& l : tp.lesions)
      if (std::find(ids.begin(), ids.end(), l.id) == ids.end()) ids.push_back(l.id);

  for (const auto& id : ids) {
    int prev = -1;
    Vec3 prev_centre{};
    for (int t = 0; t < n; ++t) {
      const LesionRecord* l = subject.timepoints[t].Find(id);
      const std::optional<Vec3> c = l ? Centre(*l) : std::nullopt;
      if (!c) continue;
      if (prev >= 0) {
        LesionCheck check;
        check.lesion_id = id;
        check.from_label = Label(subject.timepoints[prev]);
        check.to_label = Label(subject.timepoints[t]);
        check.from_centre = prev_centre;
        check.measured_centre = *c;
        const PairRegistration* pr = registration_of(prev, t);
        if (!pr) {
          check.message =
              "not checked: no scan for " + (scans.count(prev) ? check.to_label : check.from_label);
        } else if (!pr->registration.ok) {
          check.message = "not checked: " + pr->registration.reason;
        } else {
          check.mapped = MapToMoving(pr->registration, prev_centre);
          check.distance_mm = Norm(Sub(*c, *check.mapped));
          if (!InsideVolume(scans[t]->volume, *check.mapped)) {
            check.flagged = true;
            check.message = id + " at " + check.to_label +
                            ": its previous place maps outside "
                            "this scan; is it the same lesion?";
          } else if (*check.distance_mm > options.tolerance_mm) {
            check.flagged = true;
            check.message = id + " at " + check.to_label + " measured " + Mm(*check.distance_mm) +
                            " from where " + id + " maps; a different lesion?";
          }
        }
        report.checks.push_back(std::move(check));
      }
      prev = t;
      prev_centre = *c;
    }
  }
  return report;
}

}  // namespace nadir::registration
