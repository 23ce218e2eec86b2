#include "formats/review/reader_package.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "formats/assessment_json.h"
#include "formats/review/adjudication_json.h"
#include "formats/review/review_folder.h"

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

std::optional<PackageManifest> ReadPackageManifest(const std::string& dir) {
  const fs::path file = fs::path(dir) / "package.json";
  std::error_code ec;
  if (!fs::exists(file, ec)) return std::nullopt;
  PackageManifest m;
  m.dir = dir;
  const std::string name = file.string();
  const auto text = ReadTextFile(name);
  const Json doc = text ? Json::parse(*text, nullptr, false) : Json();
  if (!doc.is_object()) {
    m.problems.push_back(name + ": not a JSON object");
    return m;
  }
  const auto text_field = [&](const char* key) -> std::string {
    const auto it = doc.find(key);
    return it != doc.end() && it->is_string() ? it->get<std::string>() : "";
  };
  if (text_field("format") != kPackageFormat)
    m.problems.push_back(name + ": format: '" + text_field("format") + "', expected '" +
                         kPackageFormat + "'");
  m.reader = text_field("reader");
  if (m.reader.empty()) m.problems.push_back(name + ": reader: missing");
  m.created_at = text_field("created_at");
  if (const auto it = doc.find("images"); it != doc.end() && it->is_number_integer())
    m.images = it->get<int>();
  const auto list = doc.find("assessments");
  if (list == doc.end() || !list->is_array()) {
    m.problems.push_back(name + ": assessments: missing or not a list");
    return m;
  }
  for (const auto& a : *list) {
    const std::string rel = a.is_string() ? a.get<std::string>() : a.dump();
    const fs::path p(rel);
    // A listed path may not point outside the package (what the reader sees is only in it).
    const bool inside =
        a.is_string() && p.is_relative() && !rel.empty() &&
        std::none_of(p.begin(), p.end(), [](const fs::path& part) { return part == ".."; });
    if (!inside)
      m.problems.push_back(name + ": assessments: '" + rel + "' is not a path inside the package");
    else
      m.assessments.push_back(rel);
  }
  return m;
}

}  // namespace nadir
