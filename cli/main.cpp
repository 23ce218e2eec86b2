// `nadir`: the headless command. Parses the sub-command and hands over; no logic lives here.
#include <cstdio>
#include <cstring>
#include <exception>

#include "cli/commands.h"

namespace {

struct Command {
  const char* name;
  int (*run)(int, char**);
  const char* summary;
};

constexpr Command kCommands[] = {
    {"recompute", nadir::cli::RunRecompute, "recompute every response from assessment files"},
    {"validate", nadir::cli::RunValidate, "list the errors and warnings of assessment files"},
    {"bench", nadir::cli::RunBench, "measure the speed of the engine against a reference"},
    {"info", nadir::cli::RunInfo, "list the patients, studies and series of DICOM files"},
    {"phantom", nadir::cli::RunPhantom, "write the synthetic CT trial (DICOM + ground truth)"},
    {"report", nadir::cli::RunReport, "trial endpoints, listings and plots by arm and dose level"},
    {"review", nadir::cli::RunReview, "central review: two readers, adjudication, agreement"},
    {"audit", nadir::cli::RunAudit, "verify audit logs, show an assessment's history"},
    {"edit", nadir::cli::RunEdit, "correct fields of an assessment, with an audit entry"},
    {"keys", nadir::cli::RunKeys, "make a key pair that signs your audit entries"},
    {"sr", nadir::cli::RunSr, "export or import DICOM SR TID 1500 measurement reports"},
    {"measure", nadir::cli::RunMeasure, "find and measure the lesion under a point of a CT series"},
    {"pacs", nadir::cli::RunPacs, "query, retrieve and store studies on a PACS (DIMSE, DICOMweb)"},
    {"track", nadir::cli::RunTrack, "follow lesions between scans (registration, QC of positions)"},
};

int Usage(FILE* out) {
  std::fprintf(out, "usage: nadir COMMAND [OPTIONS]\n\ncommands:\n");
  for (const auto& c : kCommands) std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
  std::fprintf(out, "\n`nadir COMMAND --help` explains a command.\n");
  return out == stdout ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Usage(stderr);
  if (!std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) return Usage(stdout);
  for (const auto& c : kCommands) {
    if (std::strcmp(argv[1], c.name) != 0) continue;
    try {
      return c.run(argc - 1, argv + 1);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "nadir %s: %s\n", c.name, e.what());
      return 1;
    }
  }
  std::fprintf(stderr, "nadir: unknown command '%s'\n", argv[1]);
  return Usage(stderr);
}
