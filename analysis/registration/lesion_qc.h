// A quality check for central review (issue 16): at every follow-up, where does each lesion's
// previous measurement map to, and how far did the reader measure from there? A lesion
// measured far from where it maps may be a different lesion. Read only: the reader's
// measurements are never changed by tracking.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "analysis/registration/track.h"
#include "measure/subject.h"

namespace nadir::registration {

/// Default distance beyond which a measurement is flagged: about a lesion's size, well above
/// the registration's error (targets: mean <= 3 mm, worst <= 8 mm).
inline constexpr double kDefaultToleranceMm = 15.0;

struct LesionCheck {
  std::string lesion_id;
  std::string from_label, to_label;   // timepoint labels (dates when unlabelled)
  Vec3 from_centre{};                 // centre of the previous measurement's end points
  std::optional<Vec3> mapped;         // where that centre maps in the follow-up scan
  Vec3 measured_centre{};             // centre of the follow-up measurement's end points
  std::optional<double> distance_mm;  // measured_centre to mapped
  bool flagged = false;
  std::string message;  // the flag, or why the lesion could not be checked
};

struct PairRegistration {
  std::string from_label, to_label;
  std::string from_series_uid, to_series_uid;
  Registration registration;
};

struct QcReport {
  std::vector<LesionCheck> checks;
  std::vector<PairRegistration> registrations;
  std::vector<std::string> problems;  // timepoints without a scan, scans that did not load
};

struct QcOptions {
  double tolerance_mm = kDefaultToleranceMm;
  PairOptions pair;
};

/// Checks every lesion of `subject` with caliper points at two timepoints, each follow-up
/// measurement against its previous one. Scans are found in `images` (DICOM folder) by the
/// SOP Instance UIDs the calipers were drawn on, else by the timepoint's study UID.
QcReport CheckLesionPositions(const Subject& subject, const std::filesystem::path& images,
                              const QcOptions& options = {}, const Progress& progress = {});

}  // namespace nadir::registration
