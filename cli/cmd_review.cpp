// `nadir review DIR --out review.json [--criteria recist11,irecist]`: central imaging review.
// `nadir review package DIR --reader R2 --out PKG`: what one blinded reader may see.
// `nadir review adjudicate --subject S --choose R2 --adjudicator A --reason "..." --out FILE`.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "cli/commands.h"
#include "cli/output.h"
#include "formats/assessment_json.h"
#include "formats/review/adjudication_json.h"
#include "formats/review/reader_package.h"
#include "formats/review/review_folder.h"
#include "formats/review/review_json.h"

namespace nadir::cli {

namespace {

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    if (end > start) parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

int RunPackage(int argc, char** argv) {
  CLI::App app{
      "Copy what one blinded reader may see: the images and that reader's own reads, "
      "without other readers' reads, adjudications, audit logs or treatment groups",
      "review package"};
  std::string dir, reader, out;
  app.add_option("dir", dir, "review folder")->required();
  app.add_option("--reader", reader, "the reader the package is for (R1, R2 ...)")->required();
  app.add_option("--out", out, "package folder to create (new or empty)")->required();
  CLI11_PARSE(app, argc, argv);
  const PackageReport report = MakeReaderPackage(dir, reader, out);
  for (const auto& p : report.problems)
    std::fprintf(stderr, "nadir review package: %s\n", p.c_str());
  if (!report.ok()) return 1;
  std::printf("%s: %zu assessments of %s, %d images; %d files withheld\n", out.c_str(),
              report.assessments.size(), reader.c_str(), report.images, report.withheld);
  return 0;
}

int RunAdjudicate(int argc, char** argv) {
  CLI::App app{"Record an adjudication (nadir-adjudication/1): which discordant read stands",
               "review adjudicate"};
  Adjudication a;
  std::string out;
  app.add_option("--subject", a.subject, "subject identifier")->required();
  app.add_option("--choose", a.chosen_reader, "the reader whose read stands")->required();
  app.add_option("--adjudicator", a.adjudicator, "who decides")->required();
  app.add_option("--reason", a.reason, "why, in the adjudicator's words")->required();
  app.add_option("--out", out, "record file to create, beside the reads")->required();
  CLI11_PARSE(app, argc, argv);
  a.decided_at = UtcNow();
  std::vector<std::string> errors;
  AdjudicationFromJson(AdjudicationToJson(a), out, errors);  // the same checks as on reading
  for (const auto& e : errors) std::fprintf(stderr, "nadir review adjudicate: %s\n", e.c_str());
  if (!errors.empty()) return 1;
  if (std::filesystem::exists(out)) {
    std::fprintf(stderr, "nadir review adjudicate: %s exists; records are never overwritten\n",
                 out.c_str());
    return 1;
  }
  return WriteOutput("review", out, AdjudicationToJson(a).dump(1) + "\n") ? 0 : 1;
}

}  // namespace

int RunReview(int argc, char** argv) {
  if (argc > 1 && !std::strcmp(argv[1], "package")) return RunPackage(argc - 1, argv + 1);
  if (argc > 1 && !std::strcmp(argv[1], "adjudicate")) return RunAdjudicate(argc - 1, argv + 1);

  CLI::App app{
      "Central imaging review: compare two blinded readers' reads of every subject, "
      "apply adjudications, and measure agreement.\n"
      "Also: `nadir review package DIR --reader R --out PKG`, "
      "`nadir review adjudicate ...`",
      "review"};
  std::vector<std::string> paths;
  std::string criteria_text = "recist11", readers_text = "R1,R2",
              rules_text = "best_response,progression_date,response_date";
  std::string out_path;
  ReviewOptions options;
  unsigned threads = 0;
  bool quiet = false;
  app.add_option("paths", paths, "review folders or files (assessments and adjudications)")
      ->required();
  app.add_option("--out", out_path, "review file (nadir-review/1); '-' for standard output");
  app.add_option("--criteria", criteria_text, "recist11,irecist (default recist11)");
  app.add_option("--readers", readers_text, "the two readers, first one first (default R1,R2)");
  app.add_option("--rules", rules_text,
                 "discordance rules, comma-separated: best_response, progression_date, "
                 "response_date (default all)");
  app.add_option("--date-tolerance", options.rules.date_tolerance_days,
                 "days two dates may differ and still agree (charter; default 0)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--threads", threads, "worker threads (default: one per core)");
  app.add_flag("--quiet,-q", quiet, "no summary on standard output");
  CLI11_PARSE(app, argc, argv);

  options.readers = SplitCommas(readers_text);
  if (options.readers.size() != 2 || options.readers[0] == options.readers[1]) {
    std::fprintf(stderr, "nadir review: --readers: expected two different readers, got '%s'\n",
                 readers_text.c_str());
    return 2;
  }
  options.criteria.clear();
  for (const auto& name : SplitCommas(criteria_text)) {
    const auto c = ParseCriteriaName(name);
    if (!c) {
      std::fprintf(stderr, "nadir review: --criteria: unknown '%s' (recist11, irecist)\n",
                   name.c_str());
      return 2;
    }
    options.criteria.push_back(*c);
  }
  options.rules.best_response = options.rules.progression_date = options.rules.response_date =
      false;
  for (const auto& rule : SplitCommas(rules_text)) {
    if (rule == "best_response")
      options.rules.best_response = true;
    else if (rule == "progression_date")
      options.rules.progression_date = true;
    else if (rule == "response_date")
      options.rules.response_date = true;
    else {
      std::fprintf(stderr,
                   "nadir review: --rules: unknown '%s' (best_response, progression_date, "
                   "response_date)\n",
                   rule.c_str());
      return 2;
    }
  }

  const ReviewFolder folder = LoadReviewFolder(paths, threads);
  for (const auto& p : folder.problems) std::fprintf(stderr, "nadir review: %s\n", p.c_str());
  for (const auto& s : folder.skipped)
    std::fprintf(stderr, "nadir review: skipped %s\n", s.c_str());
  std::vector<SubjectResult> reads;
  int with_errors = 0;
  for (const auto& a : folder.reads) {
    reads.push_back(a.result);
    if (a.result.errors.empty()) continue;
    ++with_errors;
    for (const auto& e : a.result.errors)
      std::fprintf(stderr, "%s: subject %s: %s\n", a.result.file.c_str(),
                   a.result.subject.empty() ? "?" : a.result.subject.c_str(), e.c_str());
  }
  const Review review = BuildReview(reads, folder.adjudications, options);
  for (const auto& p : review.problems) std::fprintf(stderr, "nadir review: %s\n", p.c_str());
  bool ok = true;
  if (!out_path.empty())
    ok &= WriteOutput(
        "review", out_path,
        ReviewToJson(review).dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
            "\n");
  if (!quiet && out_path != "-") std::fputs(ReviewSummary(review).c_str(), stdout);
  return ok && folder.problems.empty() && review.problems.empty() && with_errors == 0 ? 0 : 1;
}

}  // namespace nadir::cli
