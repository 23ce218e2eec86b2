#include "reader_package.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "adjudication_json.h"
#include "assessment_json.h"
#include "review_folder.h"

namespace nadir {

namespace fs = std::filesystem;

namespace {

using Json = nlohmann::ordered_json;

bool IsDicom(const fs::path& p) {
  if (p.filename() == "DICOMDIR") return true;
  std::ifstream in(p, std::ios::binary);
  char head[132];
  return in.read(head, sizeof head) && std::memcmp(head + 128, "DICM", 4) == 0;
}

bool Inside(const fs::path& child, const fs::path& parent) {
  const auto c = fs::weakly_canonical(child), p = fs::weakly_canonical(parent);
  const auto mismatch = std::mismatch(p.begin(), p.end(), c.begin(), c.end());
  return mismatch.first == p.end();
}

}  // namespace

PackageReport MakeReaderPackage(const std::string& review_dir, const std::string& reader,
                                const std::string& out_dir) {
  PackageReport report;
  std::error_code ec;
  if (reader.empty()) report.problems.push_back("--reader: a reader is required");
  if (!fs::is_directory(review_dir, ec)) report.problems.push_back(review_dir + ": not a folder");
  if (fs::exists(out_dir, ec) && !(fs::is_directory(out_dir, ec) && fs::is_empty(out_dir, ec)))
    report.problems.push_back(out_dir + ": exists and is not an empty folder");
  if (report.ok() && Inside(out_dir, review_dir))
    report.problems.push_back(out_dir + ": the package must lie outside " + review_dir);
  if (!report.ok()) return report;

  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(review_dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file(ec)) files.push_back(it->path());
  if (ec) {
    report.problems.push_back(review_dir + ": cannot list the folder: " + ec.message());
    return report;
  }
  std::sort(files.begin(), files.end());

  fs::create_directories(out_dir, ec);
  if (ec) {
    report.problems.push_back(out_dir + ": cannot create: " + ec.message());
    return report;
  }
  Json manifest{{"format", kPackageFormat},
                {"reader", reader},
                {"created_at", UtcNow()},
                {"assessments", Json::array()},
                {"images", 0}};
  for (const auto& file : files) {
    const fs::path rel = fs::relative(file, review_dir);
    const fs::path target = fs::path(out_dir) / rel;
    if (file.extension() == ".json") {
      const auto text = ReadTextFile(file.string());
      Json doc = text ? Json::parse(*text, nullptr, false) : Json();
      const bool own = doc.is_object() && doc.contains("format") &&
                       doc["format"] == kAssessmentFormat && doc.contains("reader") &&
                       doc["reader"] == reader;
      if (!own) {
        ++report.withheld;
        continue;
      }
      for (const auto& field : kBlindedFields) doc.erase(field);
      std::string error;
      fs::create_directories(target.parent_path(), ec);
      if (!WriteFileAtomically(target.string(), doc.dump(1) + "\n", &error)) {
        report.problems.push_back(error);
        continue;
      }
      report.assessments.push_back(rel.string());
    } else if (IsDicom(file)) {
      fs::create_directories(target.parent_path(), ec);
      fs::copy_file(file, target, ec);
      if (ec) {
        report.problems.push_back(file.string() + ": cannot copy: " + ec.message());
        continue;
      }
      ++report.images;
    } else {
      ++report.withheld;
    }
  }
  manifest["assessments"] = report.assessments;
  manifest["images"] = report.images;
  std::string error;
  if (!WriteFileAtomically((fs::path(out_dir) / "package.json").string(), manifest.dump(1) + "\n",
                           &error))
    report.problems.push_back(error);
  if (report.assessments.empty())
    report.problems.push_back(review_dir + ": no assessment by reader '" + reader + "'");
  return report;
}

}  // namespace nadir
