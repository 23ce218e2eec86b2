// `nadir audit verify DIR...`: check every audit log (hash chain, signatures against the
// review folder's registered keys, and the assessment's head).
// `nadir audit show FILE`: the history of one assessment, one line per change.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "cli/commands.h"
#include "formats/review/audit_log.h"
#include "formats/review/review_folder.h"

namespace nadir::cli {

namespace {

namespace fs = std::filesystem;
constexpr const char* kLogSuffix = ".audit.jsonl";

bool EndsWith(const std::string& s, const std::string& end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

/// The assessment a log belongs to: `X.audit.jsonl` -> `X.json`.
std::string AssessmentOf(const std::string& log) {
  return log.substr(0, log.size() - std::strlen(kLogSuffix)) + ".json";
}

struct VerifyOptions {
  std::string keys;  // the keys/ folder to trust; empty: the nearest beside each log
  bool allow_unsigned = false;
};

/// Checks one log and, when its assessment is there, the head it records. Prints one line,
/// and one line per warning.
bool VerifyOne(const std::string& log, const VerifyOptions& options) {
  const auto text = ReadTextFile(log);
  if (!text) {
    std::printf("BROKEN %s: cannot read the file\n", log.c_str());
    return false;
  }
  AuditKeyring keys = LoadAuditKeyring(options.keys.empty() ? FindKeysFolder(log) : options.keys);
  keys.allow_unsigned = options.allow_unsigned;
  const AuditCheck check = CheckAuditLog(*text, &keys);
  for (const auto& w : check.warnings) std::printf("warn   %s: %s\n", log.c_str(), w.c_str());
  if (!check.ok()) {
    std::printf("BROKEN %s: %s\n", log.c_str(), check.problem.c_str());
    return false;
  }
  const std::string assessment = AssessmentOf(log);
  if (const auto doc_text = ReadTextFile(assessment)) {
    const auto doc = nlohmann::ordered_json::parse(*doc_text, nullptr, false);
    const std::string problem = CheckAuditAgainstAssessment(check, doc);
    if (!problem.empty()) {
      std::printf("BROKEN %s: %s: %s\n", log.c_str(), assessment.c_str(), problem.c_str());
      return false;
    }
  }
  if (check.unsigned_entries == 0)
    std::printf("ok     %s: %d entries, all signed\n", log.c_str(), check.entries);
  else
    std::printf("ok     %s: %d entries, %d unsigned\n", log.c_str(), check.entries,
                check.unsigned_entries);
  return true;
}

int RunVerify(int argc, char** argv) {
  CLI::App app{
      "Verify every audit log under the folders: an edited, removed or reordered entry, and "
      "a signature that fails or whose key is unknown, is named",
      "audit verify"};
  std::vector<std::string> paths;
  VerifyOptions options;
  app.add_option("paths", paths, "folders or audit logs (*.audit.jsonl)")->required();
  app.add_option("--keys", options.keys,
                 "folder of registered public keys (USER.pub) to trust, e.g. a copy kept "
                 "outside the review folder; default: the keys/ folder nearest each log")
      ->check(CLI::ExistingDirectory);
  app.add_flag("--allow-unsigned", options.allow_unsigned,
               "only warn about unsigned entries of users who have a registered key (logs "
               "written before the keys were registered)");
  CLI11_PARSE(app, argc, argv);
  bool ok = true;
  int logs = 0;
  for (const auto& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      if (!fs::exists(p, ec)) {
        std::fprintf(stderr, "nadir audit verify: %s: no such file or folder\n", p.c_str());
        ok = false;
        continue;
      }
      ++logs;
      ok &= VerifyOne(p, options);
      continue;
    }
    std::vector<std::string> found;
    std::vector<std::string> heads_without_log;
    for (auto it = fs::recursive_directory_iterator(p, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const std::string name = it->path().string();
      if (!it->is_regular_file(ec)) continue;
      if (EndsWith(name, kLogSuffix)) found.push_back(name);
      // An assessment that records an audit head but has no log beside it lost its log.
      if (EndsWith(name, ".json") && !fs::exists(AuditLogPathFor(name))) {
        const auto text = ReadTextFile(name);
        const auto doc = nlohmann::ordered_json::parse(text.value_or(""), nullptr, false);
        if (doc.is_object() && doc.contains("audit_head")) heads_without_log.push_back(name);
      }
    }
    if (ec) {
      std::fprintf(stderr, "nadir audit verify: %s: cannot list: %s\n", p.c_str(),
                   ec.message().c_str());
      ok = false;
    }
    std::sort(found.begin(), found.end());
    for (const auto& log : found) ok &= VerifyOne(log, options);
    for (const auto& a : heads_without_log) {
      std::printf("BROKEN %s: records an audit head but its log %s is missing\n", a.c_str(),
                  AuditLogPathFor(a).c_str());
      ok = false;
    }
    logs += static_cast<int>(found.size());
  }
  std::printf("%d audit logs checked: %s\n", logs, ok ? "all intact" : "PROBLEMS FOUND");
  return ok ? 0 : 1;
}

int RunShow(int argc, char** argv) {
  CLI::App app{"Print the history of one assessment from its audit log", "audit show"};
  std::string file;
  app.add_option("file", file, "an assessment (X.json) or its log (X.audit.jsonl)")->required();
  CLI11_PARSE(app, argc, argv);
  const std::string log = EndsWith(file, kLogSuffix) ? file : AuditLogPathFor(file);
  const auto text = ReadTextFile(log);
  if (!text) {
    std::fprintf(stderr, "nadir audit show: %s: no audit log (cannot read it)\n", log.c_str());
    return 1;
  }
  const AuditCheck check = CheckAuditLog(*text);
  std::fputs(FormatAuditHistory(check.parsed).c_str(), stdout);
  if (!check.ok()) {
    std::fprintf(stderr, "nadir audit show: %s: %s (history shown up to the entry before)\n",
                 log.c_str(), check.problem.c_str());
    return 1;
  }
  return 0;
}

}  // namespace

int RunAudit(int argc, char** argv) {
  if (argc > 1 && !std::strcmp(argv[1], "verify")) return RunVerify(argc - 1, argv + 1);
  if (argc > 1 && !std::strcmp(argv[1], "show")) return RunShow(argc - 1, argv + 1);
  std::fprintf(argc > 1 && std::strcmp(argv[1], "--help") ? stderr : stdout,
               "usage: nadir audit verify DIR...   check every audit log (hash chain, "
               "signatures)\n"
               "       nadir audit show FILE       the history of one assessment\n");
  return argc > 1 && !std::strcmp(argv[1], "--help") ? 0 : 2;
}

}  // namespace nadir::cli
