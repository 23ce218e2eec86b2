// `nadir recompute FILES_OR_FOLDERS... --out results.json [--csv timepoints.csv] [--reader R1]`
// A review folder (two readers) gives the final read of each subject; --reader one reader's.
// Otherwise the outputs are written one subject at a time (formats/results_stream.h).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <optional>

#include "cli/commands.h"
#include "cli/output.h"
#include "formats/assessment_json.h"
#include "formats/batch.h"
#include "formats/results_json.h"
#include "formats/results_stream.h"
#include "formats/review/final_reads.h"

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

namespace {

struct RecomputeOutputs {
  std::string out_path, csv_path;
  bool table = false;
  unsigned threads = 0;
};

/// Prints one file's skip note or errors, counts it; true when it goes in the outputs.
bool Report(const AssessedFile& a, int& with_errors) {
  if (a.skipped) {
    std::fprintf(stderr, "nadir recompute: skipped %s: %s\n", a.result.file.c_str(),
                 a.skip_reason.c_str());
    return false;
  }
  if (!a.result.errors.empty()) ++with_errors;
  for (const auto& e : a.result.errors)
    std::fprintf(stderr, "%s: subject %s: %s\n", a.result.file.c_str(),
                 a.result.subject.empty() ? "?" : a.result.subject.c_str(), e.c_str());
  return true;
}

/// The whole selection in memory: one reader's reads or a review folder's final reads.
int RecomputeSelected(const ReadSelection& selection, const RecomputeOutputs& o, bool ok) {
  if (selection.review) std::fprintf(stderr, "nadir recompute: review folder: final reads\n");
  for (const auto& n : selection.notes) std::fprintf(stderr, "nadir recompute: %s\n", n.c_str());
  std::vector<SubjectResult> results;
  int with_errors = 0;
  for (const auto& a : selection.files)
    if (Report(a, with_errors)) results.push_back(a.result);
  if (!o.out_path.empty())
    ok &= WriteOutput("recompute", o.out_path, ResultsDocumentText(results, o.threads));
  if (!o.csv_path.empty()) ok &= WriteOutput("recompute", o.csv_path, TimepointsCsv(results));
  if (o.table) std::fputs(ResponseTable(results).c_str(), stdout);
  if (with_errors)
    std::fprintf(stderr,
                 "nadir recompute: %d of %zu subjects have errors (no responses for them)\n",
                 with_errors, results.size());
  return ok && with_errors == 0 ? 0 : 1;
}

/// Every read, one subject at a time: outputs are written as files come in, memory holds one
/// block of files. Returns nullopt when the files turn out to be a review folder (nothing
/// written or printed then: the caller selects the final reads in memory).
std::optional<int> RecomputeStreaming(const std::vector<std::string>& files,
                                      const RecomputeOutputs& o, Progress& progress, bool ok) {
  OutputFile results, csv, table;
  GroupedRowSpool csv_rows, table_rows;
  std::string error;
  const auto fail = [&](const std::string& what) {
    std::fprintf(stderr, "nadir recompute: %s\n", what.c_str());
    return 1;
  };
  if (!o.out_path.empty() && !results.Open(o.out_path, &error)) return fail(error);
  if (!o.csv_path.empty() && !csv.Open(o.csv_path, &error)) return fail(error);
  if ((!o.csv_path.empty() && !csv_rows.ok()) || (o.table && !table_rows.ok()))
    return fail("cannot create a temporary file");
  ReviewDetector review;
  std::vector<AssessedFile> reported;  // skip notes and errors, printed once not a review
  std::size_t subjects = 0;
  if (!o.out_path.empty()) ok &= results.Write(ResultsDocumentHead());
  const auto prepare = [&](AssessedFile& a) {
    a.subject.reset();  // recompute needs the results only
    a.prepared.clear();
    if (a.skipped) return;
    if (!o.out_path.empty()) a.prepared.push_back(SubjectResultDocumentPart(a.result));
    if (!o.csv_path.empty())
      a.prepared.push_back(SpoolRecord(a.result.groups, TimepointsCsvRows(a.result)));
    if (o.table) a.prepared.push_back(SpoolRecord(a.result.groups, {ResponseTableRow(a.result)}));
  };
  const auto consume = [&](AssessedFile&& a) {
    review.Add(a);
    if (a.skipped || !a.result.errors.empty()) {
      AssessedFile note;  // what Report prints: no subject, no responses
      note.skipped = a.skipped;
      note.skip_reason = a.skip_reason;
      note.result.file = a.result.file;
      note.result.subject = a.result.subject;
      note.result.errors = a.result.errors;
      reported.push_back(std::move(note));
      if (a.skipped) return;
    }
    std::size_t part = 0;
    if (!o.out_path.empty()) {
      ok &= results.Write(subjects == 0 ? "\n" : ",\n");
      ok &= results.Write(a.prepared[part++]);
    }
    if (!o.csv_path.empty()) csv_rows.Add(a.prepared[part++], a.result.groups);
    if (o.table) table_rows.Add(a.prepared[part++], a.result.groups);
    ++subjects;
  };
  AssessFilesInOrder(files, o.threads, prepare, consume, std::ref(progress));
  progress.Finish();
  if (review.review) return std::nullopt;

  int with_errors = 0;
  for (const auto& a : reported) Report(a, with_errors);
  if (!o.out_path.empty()) {
    ok &= results.Write(ResultsDocumentTail(subjects == 0));
    if (!results.Commit(&error)) ok = !fail(error);
  }
  if (!o.csv_path.empty()) {
    ok &=
        csv.Write(TimepointsCsvHeader(csv_rows.keys())) && csv_rows.WriteTo(csv, TimepointsCsvCell);
    if (!csv.Commit(&error)) ok = !fail(error.empty() ? "cannot write " + o.csv_path : error);
  }
  if (o.table) {
    OutputFile out;
    ok &= out.Open("-", &error) && out.Write(ResponseTableHeader(table_rows.keys())) &&
          table_rows.WriteTo(out, ResponseTableCell) && out.Commit(&error);
  }
  if (with_errors)
    std::fprintf(stderr,
                 "nadir recompute: %d of %zu subjects have errors (no responses for them)\n",
                 with_errors, subjects);
  return ok && with_errors == 0 ? 0 : 1;
}

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
  app.add_option("--reader", reader,
                 "only this reader's reads (default: in a review folder, "
                 "the final read of each subject)");
  CLI11_PARSE(app, argc, argv);

  std::vector<std::string> problems;
  const auto files = FindAssessmentFiles(paths, problems);
  for (const auto& p : problems) std::fprintf(stderr, "nadir recompute: %s\n", p.c_str());
  const RecomputeOutputs outputs{out_path, csv_path, !quiet && out_path != "-" && csv_path != "-",
                                 threads};
  // One reader's view, or results on standard output (which cannot be taken back once a
  // review folder is found), are selected in memory; everything else is streamed.
  if (reader.empty() && out_path != "-" && csv_path != "-") {
    Progress progress{files.size()};
    if (const auto rc = RecomputeStreaming(files, outputs, progress, problems.empty())) return *rc;
  }
  Progress progress{files.size()};
  const ReadSelection selection =
      SelectReads(AssessFiles(files, threads, std::ref(progress)), reader);
  progress.Finish();
  return RecomputeSelected(selection, outputs, problems.empty());
}

}  // namespace nadir::cli
