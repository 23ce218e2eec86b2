// `nadir report FILES_OR_FOLDERS... --by arm,dose_level --out DIR`: trial endpoint tables,
// listings, CDISC-shaped data sets, endpoints.json, plots and a PDF (issue 8).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string_view>

#include "cli/commands.h"
#include "cli/report/plots.h"
#include "cli/report/plots_safety.h"
#include "cli/report/report_ae_cdisc.h"
#include "cli/report/report_cdisc.h"
#include "cli/report/report_data.h"
#include "cli/report/report_json.h"
#include "cli/report/report_pdf.h"
#include "cli/report/report_safety_tables.h"
#include "cli/report/report_tables.h"
#include "formats/assessment_json.h"
#include "formats/batch.h"
#include "formats/results_stream.h"
#include "formats/review/final_reads.h"
#include "formats/trial_data.h"

namespace nadir::cli {

namespace {

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string part; std::getline(ss, part, ',');)
    if (!part.empty()) out.push_back(part);
  return out;
}

// "--cuts cd70_positive_pct=40,70" -> {"cd70_positive_pct": {40, 70}}.
bool ParseCuts(const std::vector<std::string>& specs, report::CutPoints& cuts) {
  for (const auto& spec : specs) {
    const auto eq = spec.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::fprintf(stderr, "nadir report: --cuts '%s': expected NAME=V1,V2,...\n", spec.c_str());
      return false;
    }
    std::vector<double> values;
    for (const auto& v : SplitComma(spec.substr(eq + 1))) {
      try {
        size_t used = 0;
        values.push_back(std::stod(v, &used));
        if (used != v.size()) throw std::invalid_argument(v);
      } catch (const std::exception&) {
        std::fprintf(stderr, "nadir report: --cuts '%s': '%s' is not a number\n", spec.c_str(),
                     v.c_str());
        return false;
      }
    }
    cuts[spec.substr(0, eq)] = values;
  }
  return true;
}

// Prints a file's errors, as `subject` lines on stderr.
void PrintErrors(const AssessedFile& a) {
  for (const auto& e : a.result.errors)
    std::fprintf(stderr, "%s: subject %s: %s\n", a.result.file.c_str(),
                 a.result.subject.empty() ? "?" : a.result.subject.c_str(), e.c_str());
}

// Every file read, assessed and added to the report one block at a time (formats/batch.h),
// so that memory holds one block of subjects and the report's compact records. With `reader`
// only that reader's reads. Nullopt when the files turn out to be a review folder (nothing
// printed then).
std::optional<report::Report> StreamReport(const std::vector<std::string>& files, unsigned threads,
                                           const std::string& reader,
                                           report::ReportBuilder builder) {
  ReviewDetector review;
  std::vector<AssessedFile> with_errors;  // file, subject and errors only, printed at the end
  int others = 0;
  const auto consume = [&](AssessedFile&& a) {
    if (!reader.empty() && IsOtherReadersRead(a, reader)) {
      ++others;
      return;
    }
    if (reader.empty()) review.Add(a);
    if (!a.result.errors.empty()) {
      AssessedFile note;
      note.result.file = a.result.file;
      note.result.subject = a.result.subject;
      note.result.errors = a.result.errors;
      with_errors.push_back(std::move(note));
    }
    builder.Add(std::move(a));
  };
  // Another reader's reads would leave room unused.
  if (reader.empty())
    builder.Reserve(files.size());
  else
    builder.SizePlotSample(files.size());
  // Each subject's share (outcomes, listing rows) is made on the worker that assessed it. A
  // block holds the subjects with their rows, so it is a quarter of recompute's: at 10,000
  // subjects peak memory fell from 238 to 109 MB, and 1,024 files still keep every worker busy.
  constexpr std::size_t kReportBlock = 1024;
  AssessFilesInOrder(
      files, threads, [&builder](AssessedFile& a) { builder.Prepare(a); }, consume, {}, nullptr,
      kReportBlock);
  if (review.review) return std::nullopt;
  if (others > 0)
    std::fprintf(stderr, "nadir report: %s\n", OtherReadersNote(others, reader).c_str());
  for (const auto& a : with_errors) PrintErrors(a);
  return builder.Finish();
}

// The reads SelectReads chooses (a review folder's final reads), with every file in memory.
report::Report SelectedReport(const std::vector<std::string>& files, unsigned threads,
                              const std::string& reader, report::ReportBuilder builder) {
  ReadSelection selection = SelectReads(AssessFiles(files, threads), reader);
  for (const auto& n : selection.notes) std::fprintf(stderr, "nadir report: %s\n", n.c_str());
  for (const auto& a : selection.files) PrintErrors(a);
  builder.Reserve(selection.files.size());
  for (auto& a : selection.files) builder.Add(std::move(a));
  return builder.Finish();
}

}  // namespace

int RunReport(int argc, char** argv) {
  CLI::App app{"Trial endpoints (ORR, DCR, DOR, PFS, OS) by group, with listings and plots",
               "report"};
  std::vector<std::string> paths, cut_specs;
  std::string by_text, out_dir, study = "NADIR", transform = "loglog";
  unsigned threads = 0;
  double level = 0.95;
  bool no_plots = false;
  app.add_option("paths", paths, "assessment files or folders (searched for *.json)")->required();
  app.add_option("--by", by_text, "group labels to tabulate by, comma-separated (arm,dose_level)");
  app.add_option("--out", out_dir, "output folder (created)")->required();
  app.add_option("--cuts", cut_specs,
                 "band limits of a covariate, NAME=V1,V2 (default: tertiles); repeatable");
  app.add_option("--study", study, "STUDYID for the CDISC-shaped data sets");
  app.add_option("--transform", transform, "survival interval scale: loglog, log or plain")
      ->check(CLI::IsMember({"loglog", "log", "plain"}));
  app.add_option("--level", level, "confidence level")->check(CLI::Range(0.5, 0.999));
  app.add_option("--threads", threads, "worker threads (default: one per core)");
  app.add_flag("--no-plots", no_plots, "tables and data sets only");
  std::string reader;
  app.add_option("--reader", reader,
                 "only this reader's reads (default: in a review folder, "
                 "the final read of each subject)");
  CLI11_PARSE(app, argc, argv);

  const auto t0 = std::chrono::steady_clock::now();
  report::CutPoints cuts;
  if (!ParseCuts(cut_specs, cuts)) return 2;
  stats::EndpointOptions options;
  options.level = level;
  options.transform = transform == "log"     ? stats::CiTransform::kLog
                      : transform == "plain" ? stats::CiTransform::kPlain
                                             : stats::CiTransform::kLogLog;
  const std::vector<std::string> by = SplitComma(by_text);

  // First: the per-subject rows wait in spool files there.
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) {
    std::fprintf(stderr, "nadir report: cannot create %s: %s\n", out_dir.c_str(),
                 ec.message().c_str());
    return 1;
  }
  std::vector<std::string> problems;
  const auto files = FindAssessmentFiles(paths, problems);
  for (const auto& p : problems) std::fprintf(stderr, "nadir report: %s\n", p.c_str());
  // The trial's CSV data (adverse events, kinetics, labs) beside the assessment files.
  std::vector<std::string> folders;
  for (const auto& p : paths) {
    const std::filesystem::path fp(p);
    const std::string f =
        std::filesystem::is_directory(fp) ? fp.string() : fp.parent_path().string();
    const std::string folder = f.empty() ? "." : f;
    if (std::find(folders.begin(), folders.end(), folder) == folders.end())
      folders.push_back(folder);
  }
  const bool trial_data = HasTrialData(folders);
  const auto builder = [&] {
    report::ReportBuilder b(by, cuts, options, study, out_dir);
    if (no_plots) b.WithoutPlotData();
    if (!trial_data) b.PlotSubjectsOnly();
    return b;
  };
  std::optional<report::Report> streamed = StreamReport(files, threads, reader, builder());
  // A review folder: its final reads are selected with every file in memory.
  report::Report r =
      streamed ? std::move(*streamed) : SelectedReport(files, threads, reader, builder());
  const auto t_assessed = std::chrono::steady_clock::now();
  TrialSubjects trial_subjects;
  for (const auto& subject : r.subjects) trial_subjects[subject.id] = subject.treatment_start;
  r.safety = report::BuildSafety(r, ReadTrialData(folders, trial_subjects));
  for (const auto& e : r.safety.errors) std::fprintf(stderr, "nadir report: %s\n", e.c_str());
  const auto t_computed = std::chrono::steady_clock::now();

  bool ok = true;
  auto write = [&](const std::string& name, const std::string& text) {
    std::string error;
    if (!WriteFileAtomically(out_dir + "/" + name, text, &error)) {
      std::fprintf(stderr, "nadir report: %s\n", error.c_str());
      ok = false;
    }
  };
  write("endpoints.csv", report::EndpointsCsv(r));
  write("endpoints.md", report::ReportMarkdown(r));
  write("endpoints.json", report::EndpointsJson(r).dump(1) + "\n");
  // The per-subject data sets, copied from their spools.
  auto write_spooled = [&](const std::string& name,
                           bool (*write_to)(const report::Report&, const report::TextSink&)) {
    OutputFile out;
    std::string error;
    const bool written = out.Open(out_dir + "/" + name, &error) &&
                         write_to(r, [&out](std::string_view text) { return out.Write(text); });
    if (!written || !out.Commit(&error)) {
      std::fprintf(
          stderr, "nadir report: %s\n",
          error.empty() ? ("cannot write " + out_dir + "/" + name).c_str() : error.c_str());
      ok = false;
    }
  };
  write_spooled("listing.csv", report::WriteListingCsv);
  write("covariates.csv", report::CovariatesCsv(r));
  write_spooled("sdtm_tr.csv", report::WriteTrCsv);
  write_spooled("sdtm_rs.csv", report::WriteRsCsv);
  write_spooled("adam_adtte.csv", report::WriteAdtteCsv);
  if (r.safety.has_adverse_events) {
    write("escalation.csv", report::EscalationCsv(r.safety));
    write("safety.csv", report::SafetyCsv(r.safety));
    write("ae_by_term.csv", report::AeByTermCsv(r.safety));
    write("covariates_toxicity.csv", report::ToxicityCovariatesCsv(r.safety));
    write("sdtm_ae.csv", report::AeCsv(r));
    write("adam_adae.csv", report::AdaeCsv(r));
  }
  if (r.safety.has_kinetics) {
    write("kinetics.csv", report::KineticsCsv(r.safety));
    write("kinetics_summary.csv", report::KineticsSummaryCsv(r.safety));
  }
  if (r.safety.has_labs) {
    write("cytokines.csv", report::CytokinesCsv(r.safety));
    write("cytokines_by_crs.csv", report::CytokinesByCrsCsv(r.safety));
    write("cytokines_by_day.csv", report::CytokinesByDayCsv(r.safety));
  }

  int figure_count = 0;
  if (!no_plots) {
    std::vector<report::NamedFigure> figures;
    const std::string panel = by.empty() ? "" : by[0];
    const std::string detail = by.size() > 1 ? by[1] : "";
    for (const auto& c : r.criteria) {
      const std::string& k = c.key;
      figures.push_back({"waterfall_" + k, report::WaterfallFigure(r, c, panel, detail)});
      figures.push_back({"spider_" + k, report::SpiderFigure(r, c, panel)});
      figures.push_back({"swimmer_" + k, report::SwimmerFigure(r, c, panel, detail)});
      for (auto e : {report::Endpoint::kPfs, report::Endpoint::kOs, report::Endpoint::kDor}) {
        if (e == report::Endpoint::kOs && c.criteria != Criteria::kRecist11) continue;
        // PFS and OS do not depend on the BOR window or the DOR start: drawn once.
        if (e != report::Endpoint::kDor && c.whole_course_variant) continue;
        const std::string stem = std::string("km_") + report::EndpointKey(e) + "_" + k;
        if (by.empty()) figures.push_back({stem, report::KaplanMeierFigure(r, c, e, "")});
        for (const auto& label : by)
          figures.push_back({stem + "_by_" + label, report::KaplanMeierFigure(r, c, e, label)});
      }
    }
    for (const auto& arm : r.safety.escalation)
      figures.push_back({"escalation_" + arm.arm, report::EscalationFigure(r, arm)});
    if (!r.safety.kinetics.empty()) figures.push_back({"kinetics", report::KineticsFigure(r)});
    for (const auto& [analyte, unit] : r.safety.lab_units)
      figures.push_back({"cytokine_" + analyte, report::CytokineFigure(r, analyte)});
    std::vector<std::string> tox_covariates;
    for (const auto& t : r.safety.toxicity_covariates)
      if (std::find(tox_covariates.begin(), tox_covariates.end(), t.covariate) ==
          tox_covariates.end())
        tox_covariates.push_back(t.covariate);
    for (const auto& c : tox_covariates)
      figures.push_back({c + "_vs_crs_icans", report::CovariateToxicityFigure(r, c)});
    std::filesystem::create_directories(out_dir + "/plots", ec);
    for (const auto& f : figures) {
      const double h = f.name.rfind("swimmer", 0) == 0 ? 760 : 560;
      std::string error;
      if (!report::WriteFigure(out_dir + "/plots/" + f.name, 960, h, f.figure, &error)) {
        std::fprintf(stderr, "nadir report: %s\n", error.c_str());
        ok = false;
      }
    }
    std::string error;
    if (!report::WriteReportPdf(out_dir + "/report.pdf", r, figures, &error)) {
      std::fprintf(stderr, "nadir report: %s\n", error.c_str());
      ok = false;
    }
    figure_count = int(figures.size());
  }
  const auto t_end = std::chrono::steady_clock::now();
  auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };

  std::printf(
      "nadir report: %zu subjects (%zu with errors, %zu unreadable) -> %s: tables, "
      "listing, TR/RS/ADTTE, endpoints.json, %d figures (PNG+SVG), report.pdf\n",
      r.subjects_read, r.subjects_with_errors, r.unreadable.size(), out_dir.c_str(), figure_count);
  for (const auto& m : r.criteria_missing)
    std::printf("nadir report: not reported: %s\n", m.c_str());
  std::printf("nadir report: %.3f s read+assess, %.3f s endpoints, %.3f s writing, %.3f s total\n",
              secs(t0, t_assessed), secs(t_assessed, t_computed), secs(t_computed, t_end),
              secs(t0, t_end));
  if (!r.safety.files_read.empty())
    std::printf(
        "nadir report: trial data: %zu adverse events, %zu subjects with kinetics, %zu "
        "subject-analytes of labs, %zu errors\n",
        r.safety.events.size(), r.safety.kinetics.size(), r.safety.cytokines.size(),
        r.safety.errors.size());
  return ok && problems.empty() && r.subjects_with_errors == 0 && r.unreadable.empty() &&
                 r.safety.errors.empty()
             ? 0
             : 1;
}

}  // namespace nadir::cli
