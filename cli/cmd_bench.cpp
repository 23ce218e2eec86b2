// `nadir bench [--subjects N]`: recompute speed against references measured in the same run.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "cli/commands.h"
#include "formats/assessment_json.h"
#include "formats/batch.h"
#include "formats/results_json.h"
#include "formats/synthetic_trial.h"

namespace nadir::cli {

namespace fs = std::filesystem;

namespace {

/// CPU seconds of the whole process, all threads: unlike wall time, not inflated by other
/// people's work on a shared machine.
double CpuSeconds() { return double(std::clock()) / CLOCKS_PER_SEC; }

double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// Reference (a): the bytes of every file, read and discarded. The floor for any reader.
double ReadBytes(const std::vector<std::string>& files, std::size_t& bytes) {
  const auto t0 = std::chrono::steady_clock::now();
  std::string buf;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    buf.assign(std::istreambuf_iterator<char>(in), {});
    bytes += buf.size();
  }
  return Since(t0);
}

/// Reference (b): the same files parsed into nlohmann JSON documents on one thread, nothing
/// else: what reading cost before the batch read with simdjson (ParseAssessmentForBatch).
double ParseOnly(const std::vector<std::string>& files) {
  const auto t0 = std::chrono::steady_clock::now();
  std::size_t keys = 0;
  std::string buf;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    buf.assign(std::istreambuf_iterator<char>(in), {});
    keys += nlohmann::ordered_json::parse(buf).size();
  }
  if (keys == 0) std::fprintf(stderr, "bench: empty documents\n");
  return Since(t0);
}

}  // namespace

int RunBench(int argc, char** argv) {
  CLI::App app{"Time `recompute` on generated subject files against references in the same run",
               "bench"};
  int subjects = 10000;
  unsigned threads = 0;
  std::string dir;
  bool keep = false;
  app.add_option("--subjects", subjects, "generated subject files")->check(CLI::Range(1, 10000000));
  app.add_option("--threads", threads, "worker threads for recompute (default: one per core)");
  app.add_option("--dir", dir, "where to write the files (default: a temporary folder)");
  app.add_flag("--keep", keep, "keep the generated files");
  CLI11_PARSE(app, argc, argv);

  if (dir.empty())
    dir = (fs::temp_directory_path() / ("nadir-bench-" + std::to_string(::getpid()))).string();
  fs::create_directories(dir);
  std::vector<std::string> files;
  for (int i = 0; i < subjects; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "/SYN-%05d.json", i);
    files.push_back(dir + name);
    std::ofstream(files.back()) << AssessmentToJson(SyntheticSubject(1, i)).dump(1);
  }
  std::size_t bytes = 0;
  ReadBytes(files, bytes);  // warm the page cache so every measurement starts alike
  bytes = 0;
  const double t_bytes = ReadBytes(files, bytes);
  const double t_parse = ParseOnly(files);
  // The path `nadir recompute` takes: files in blocks, each subject's results JSON made on the
  // worker that assessed it, the document written in order (here into memory, then dropped).
  BatchTimings timings;
  const auto t0 = std::chrono::steady_clock::now();
  const double cpu0 = CpuSeconds();
  int errors = 0;
  std::size_t json_bytes = ResultsDocumentHead().size();
  double t_json_worker = 0;  // summed over workers
  std::mutex json_mutex;
  AssessFilesInOrder(
      files, threads,
      [&](AssessedFile& a) {
        const auto j0 = std::chrono::steady_clock::now();
        a.prepared = {SubjectResultDocumentPart(a.result)};
        const double s = Since(j0);
        std::lock_guard lock(json_mutex);
        t_json_worker += s;
      },
      [&](AssessedFile&& a) {
        errors += !a.result.errors.empty();
        json_bytes += a.prepared[0].size() + 2;
      },
      {}, &timings);
  const double t_recompute = Since(t0);
  const double cpu_recompute = CpuSeconds() - cpu0;

  std::printf("nadir bench: %d subjects, %.1f MB of assessment JSON, %d with errors\n", subjects,
              bytes / 1e6, errors);
  std::printf("  (a) read bytes only          %8.3f s\n", t_bytes);
  std::printf("  (b) nlohmann parse, 1 thread %8.3f s\n", t_parse);
  std::printf("  recompute (read, assess, results JSON %.1f MB) %.3f s  = %.0f subjects/s\n",
              json_bytes / 1e6, t_recompute, subjects / t_recompute);
  std::printf("  recompute CPU, all threads    %8.3f s\n", cpu_recompute);
  std::printf("  ratio recompute / (a)        %8.1fx\n", t_recompute / t_bytes);
  std::printf("  ratio recompute / (b)        %8.2fx\n", t_recompute / t_parse);
  const double busy = timings.read_seconds + timings.assess_seconds + t_json_worker;
  std::printf("  reading files into subjects, summed over workers %.3f s = %.1fx (a)\n",
              timings.read_seconds, timings.read_seconds / t_bytes);
  std::printf(
      "  share of worker time reading JSON %.0f %%, in the engine %.0f %%, writing results "
      "JSON %.0f %%\n",
      100 * timings.read_seconds / busy, 100 * timings.assess_seconds / busy,
      100 * t_json_worker / busy);
  std::printf("  target: 10,000 subjects in 1 s -> this run scales to %.2f s per 10,000\n",
              t_recompute * 10000.0 / subjects);
  if (!keep) fs::remove_all(dir);
  return errors == 0 ? 0 : 1;
}

}  // namespace nadir::cli
