// `nadir recompute FILES_OR_FOLDERS... --out results.json [--csv timepoints.csv] [--reader R1]`
// A review folder (two readers) gives the final read of each subject; --reader one reader's.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>

#include "formats/assessment_json.h"
#include "formats/batch.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "formats/review/final_reads.h"
#include "formats/results_json.h"

namespace nadir::cli {

namespace {

/// A progress line on stderr for long runs: redrawn in place on a terminal, else every 2 s.
struct Progress {
  std::size_t total;
  bool tty = ::isatty(STDERR_FILENO);
  std::chrono::steady_clock::time_point last = std::chrono::steady_clock::now();
  void operator()(std::size_t done) {
    if (total < 1000) return;
    const auto now = std::chrono::steady_clock::now();
    if (tty) {
      std::fprintf(stderr, "\rrecompute: %zu/%zu files", done, total);
    } else if (now - last > std::chrono::seconds(2)) {
      std::fprintf(stderr, "recompute: %zu/%zu files\n", done, total);
      last = now;
    }
  }
  void Finish() {
    if (total >= 1000 && tty) std::fprintf(stderr, "\n");
  }
};

}  // namespace

int RunRecompute(int argc, char** argv) {
  CLI::App app{"Recompute every response from assessment files (nadir-assessment/1)", "recompute"};
  std::vector<std::string> paths;
  std::string out_path, csv_path, reader;
  unsigned threads = 0;
  bool quiet = false;
  app.add_option("paths", paths, "assessment files or folders (searched for *.json)")->required();
  app.add_option("--out", out_path, "results file (nadir-results/1); '-' for standard output");
  app.add_option("--csv", csv_path, "one row per subject and timepoint");
  app.add_option("--threads", threads, "worker threads (default: one per core)");
  app.add_flag("--quiet,-q", quiet, "no response table on standard output");
  app.add_option("--reader", reader, "only this reader's reads (default: in a review folder, "
                                     "the final read of each subject)");
  CLI11_PARSE(app, argc, argv);

  std::vector<std::string> problems;
  const auto files = FindAssessmentFiles(paths, problems);
  for (const auto& p : problems) std::fprintf(stderr, "nadir recompute: %s\n", p.c_str());
  Progress progress{files.size()};
  const ReadSelection selection =
      SelectReads(AssessFiles(files, threads, std::ref(progress)), reader);
  progress.Finish();
  const auto& assessed = selection.files;
  if (selection.review) std::fprintf(stderr, "nadir recompute: review folder: final reads\n");
  for (const auto& n : selection.notes) std::fprintf(stderr, "nadir recompute: %s\n", n.c_str());

  std::vector<SubjectResult> results;
  int with_errors = 0;
  for (const auto& a : assessed) {
    if (a.skipped) {
      std::fprintf(stderr, "nadir recompute: skipped %s: %s\n", a.result.file.c_str(),
                   a.skip_reason.c_str());
      continue;
    }
    if (!a.result.errors.empty()) ++with_errors;
    for (const auto& e : a.result.errors)
      std::fprintf(stderr, "%s: subject %s: %s\n", a.result.file.c_str(),
                   a.result.subject.empty() ? "?" : a.result.subject.c_str(), e.c_str());
    results.push_back(a.result);
  }
  bool ok = true;
  if (!out_path.empty()) ok &= WriteOutput("recompute", out_path, ResultsDocumentText(results, threads));
  if (!csv_path.empty()) ok &= WriteOutput("recompute", csv_path, TimepointsCsv(results));
  if (!quiet && out_path != "-" && csv_path != "-")
    std::fputs(ResponseTable(results).c_str(), stdout);
  if (with_errors)
    std::fprintf(stderr, "nadir recompute: %d of %zu subjects have errors (no responses for them)\n",
                 with_errors, results.size());
  return ok && problems.empty() && with_errors == 0 ? 0 : 1;
}

}  // namespace nadir::cli
