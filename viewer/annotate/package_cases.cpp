#include "viewer/annotate/package_cases.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "formats/assessment_json.h"
#include "viewer/annotate/annotation.h"

namespace nadir::annotate {

namespace fs = std::filesystem;

namespace {

int NotAssessedAnywhere(const Subject& s) {
  int n = 0;
  for (int t = 1; t < int(s.timepoints.size()); ++t) n += int(NotYetAssessed(s, t).size());
  return n;
}

}  // namespace

PackageCases ListPackageCases(const PackageManifest& manifest) {
  PackageCases out;
  out.dir = manifest.dir;
  out.reader = manifest.reader;
  out.problems = manifest.problems;
  std::set<fs::path> listed;
  for (const std::string& rel : manifest.assessments) {
    PackageCase c;
    c.relative = rel;
    c.file = (fs::path(manifest.dir) / rel).lexically_normal().string();
    listed.insert(fs::path(c.file));
    std::error_code ec;
    c.has_autosave = fs::exists(c.file + ".autosave", ec);
    const LoadedAssessment loaded = ReadAssessmentFile(c.file);
    if (!loaded.subject) {
      const std::string why = loaded.errors.empty() ? "not readable" : loaded.errors.front();
      c.problem = why.find(c.file) == std::string::npos ? c.file + ": " + why : why;
    } else {
      c.subject = loaded.subject->id;
      c.timepoints = int(loaded.subject->timepoints.size());
      c.not_assessed = NotAssessedAnywhere(*loaded.subject);
      if (loaded.subject->reader != manifest.reader)
        c.problem = c.file + ": reader: '" + loaded.subject->reader + "', not this package's '" +
                    manifest.reader + "'";
    }
    out.cases.push_back(std::move(c));
  }
  // An assessment in the folder but not in the manifest is named, never silently ignored.
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(manifest.dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path p = it->path().lexically_normal();
    if (p.extension() != ".json" || p.filename() == "package.json") continue;
    if (!listed.count(p))
      out.problems.push_back(p.string() + ": not listed in package.json (not shown)");
  }
  return out;
}

std::string CaseStatus(const PackageCase& c) {
  if (!c.problem.empty()) return "cannot open: " + c.problem;
  std::string s = c.not_assessed > 0
                      ? "to do: " + std::to_string(c.not_assessed) + " lesion record" +
                            (c.not_assessed == 1 ? "" : "s") + " missing"
                      : "all lesions recorded";
  if (c.has_autosave) s += " (unsaved edits in autosave)";
  return s;
}

}  // namespace nadir::annotate
