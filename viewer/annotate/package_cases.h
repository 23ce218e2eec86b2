// A blinded reader's package (measure/review/io/reader_package.h) as the viewer's case list:
// each listed assessment with its subject and how far the read is, and every problem that
// would break blinding or lose a case (a file missing, another reader's file, an assessment in
// the folder that the manifest does not list), so none is skipped without the reader knowing.
#pragma once

#include <string>
#include <vector>

#include "formats/review/reader_package.h"

namespace nadir::annotate {

struct PackageCase {
  std::string file;      // absolute path of the assessment
  std::string relative;  // as the manifest lists it
  std::string subject;
  int timepoints = 0;
  int not_assessed = 0;       // lesions of earlier timepoints not recorded yet at a later one
  bool has_autosave = false;  // unsaved edits of an earlier session wait beside it
  std::string problem;        // why it cannot be opened ("" when it can)
};

struct PackageCases {
  std::string dir, reader;
  std::vector<PackageCase> cases;     // in manifest order
  std::vector<std::string> problems;  // the manifest's, and files it does not list
};

/// Reads every assessment the manifest lists. A case whose `reader` is not the package's is
/// refused (its problem says whose it is): a blinded reader never opens another reader's read.
PackageCases ListPackageCases(const PackageManifest& manifest);

/// "all lesions recorded", "to do: 3 lesion records missing", "cannot open: ..." for the case list.
std::string CaseStatus(const PackageCase& c);

}  // namespace nadir::annotate
