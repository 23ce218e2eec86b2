// Blinding: the package one reader may see (the images and that reader's own assessments),
// never another reader's reads, adjudications, audit logs, or the subject's arm and dose level.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace nadir {

inline constexpr const char* kPackageFormat = "nadir-package/1";

/// Top-level assessment fields removed from the reader's own files: the treatment groups (arm,
/// dose level), biomarker covariates, survival dates, DLT evaluability (a safety judgement) and
/// the audit head (the log stays behind).
inline const std::vector<std::string> kBlindedFields = {
    "groups", "covariates", "death_date", "last_known_alive", "dlt_evaluable", "audit_head"};

struct PackageReport {
  std::vector<std::string> assessments;  // copied, as paths relative to the package
  int images = 0;                        // DICOM files copied
  int withheld = 0;                      // files left out (other readers, records, logs ...)
  std::vector<std::string> problems;     // why the package could not be made, or a file failed
  bool ok() const { return problems.empty(); }
};

/// Makes `out_dir` (which must not exist or be empty, and must lie outside `review_dir`) hold,
/// with their paths relative to `review_dir`: every assessment whose `reader` is `reader`,
/// with the fields of kBlindedFields removed; every DICOM file ("DICM" at byte 128, or named
/// DICOMDIR); and `package.json`, a manifest naming the reader and the files. Nothing else.
PackageReport MakeReaderPackage(const std::string& review_dir, const std::string& reader,
                                const std::string& out_dir);

/// A package as a reader's viewer opens it: `package.json` read back.
struct PackageManifest {
  std::string dir;  // the package folder
  std::string reader, created_at;
  std::vector<std::string> assessments;  // relative to `dir`, as listed
  int images = 0;
  std::vector<std::string> problems;  // each names package.json, the field and the value
};

/// Reads `dir`/package.json. nullopt when the folder has none (it is not a package); a manifest
/// that is there but wrong (not JSON, another format, no reader, an assessment path that leaves
/// the package) comes back with its problems.
std::optional<PackageManifest> ReadPackageManifest(const std::string& dir);

}  // namespace nadir
