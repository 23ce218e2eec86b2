// `nadir sr export|import`: assessments <-> DICOM SR TID 1500 Measurement Reports.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/commands.h"
#include "dicom/sr/sr.h"
#include "formats/assessment_json.h"

namespace nadir::cli {

namespace {

int Export(const std::string& assessment, const std::string& images, const std::string& out) {
  const LoadedAssessment loaded = ReadAssessmentFile(assessment);
  for (const auto& w : loaded.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
  if (!loaded.subject) {
    for (const auto& e : loaded.errors) std::fprintf(stderr, "error: %s\n", e.c_str());
    return 1;
  }
  dicom::sr::ExportOptions options;
  options.images = images;
  options.out = out;
  const auto result = dicom::sr::ExportAssessment(*loaded.subject, assessment, options);
  for (const auto& r : result.reports)
    std::printf("%s  %s  study %s  %d lesion%s\n", r.date.c_str(), r.file.string().c_str(),
                r.study_uid.c_str(), r.groups, r.groups == 1 ? "" : "s");
  for (const auto& n : result.notes) std::fprintf(stderr, "note: %s\n", n.c_str());
  return 0;
}

int Import(const std::string& dir, const std::string& images, const std::string& out) {
  dicom::sr::ImportOptions options;
  if (!images.empty()) options.images = images;
  const auto result = dicom::sr::ImportReports(dir, options);
  for (const auto& w : result.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
  for (const auto& e : result.errors) std::fprintf(stderr, "error: %s\n", e.c_str());
  if (!result.subject) {
    std::fprintf(stderr, "error: no assessment could be rebuilt from %s\n", dir.c_str());
    return 1;
  }
  std::string error;
  if (!WriteFileAtomically(out, AssessmentToJson(*result.subject).dump(2) + "\n", &error)) {
    std::fprintf(stderr, "error: %s\n", error.c_str());
    return 1;
  }
  std::size_t lesions = 0;
  for (const auto& tp : result.subject->timepoints) lesions += tp.lesions.size();
  std::printf("%s: subject %s, %zu timepoints, %zu lesion records from %zu reports\n", out.c_str(),
              result.subject->id.c_str(), result.subject->timepoints.size(), lesions,
              result.files.size());
  return result.errors.empty() ? 0 : 1;
}

}  // namespace

int RunSr(int argc, char** argv) {
  CLI::App app{
      "DICOM SR TID 1500 Measurement Reports: write an assessment's measurements into "
      "its studies, or rebuild an assessment from reports."};
  app.require_subcommand(1);
  std::string assessment, images, out, dir;
  auto* exp = app.add_subcommand("export", "one SR per timepoint, in that timepoint's study");
  exp->add_option("ASSESSMENT", assessment, "assessment JSON file")->required();
  exp->add_option("--images", images, "folder or DICOMDIR with the subject's studies")->required();
  exp->add_option("--out", out, "folder to write the SR files into")->required();
  auto* imp = app.add_subcommand("import", "rebuild an assessment from SR files");
  imp->add_option("DIR", dir, "folder of SR files (ours or OHIF/Cornerstone TID 1500)")->required();
  imp->add_option("--out", out, "assessment JSON to write")->required();
  imp->add_option("--images", images,
                  "the referenced images, to turn SCOORD pixels back into patient mm (nadir's "
                  "own reports carry SCOORD3D and need none; with them the SCOORD wins)");
  CLI11_PARSE(app, argc, argv);
  if (*exp) return Export(assessment, images, out);
  return Import(dir, images, out);
}

}  // namespace nadir::cli
