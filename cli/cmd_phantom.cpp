// `nadir phantom OUT_DIR`: writes the synthetic CT trial (DICOM + ground-truth assessments).
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>

#include "cli/commands.h"
#include "dicom/phantom.h"
#include "dicom/phantom_realistic.h"

namespace nadir::cli {

int RunPhantom(int argc, char** argv) {
  CLI::App app{
      "Writes a synthetic CT trial as DICOM (OUT_DIR/dicom/SUBJECT/DATE/) with its "
      "ground truth as assessment files (OUT_DIR/truth/SUBJECT.json)."};
  std::string out;
  dicom::PhantomOptions options;
  app.add_option("OUT_DIR", out, "folder to write into")->required();
  app.add_option("--seed", options.seed, "seed of the noise and UIDs (same seed, same files)");
  app.add_flag(
      "--full-size", options.full_size,
      "400 slices of 1 mm per study instead of 48 of 5 mm (for benchmarks; 210 MB a study)");
  app.add_option("--subjects", options.subjects, "number of subjects (default 3, or 1 full-size)")
      ->check(CLI::Range(0, 100));
  app.add_option("--slices", options.slices,
                 "slices per series (default 48, or 400 full-size); the spacing stays")
      ->check(CLI::Range(2, 2000));
  bool realistic = false;
  app.add_flag("--realistic", realistic,
               "instead of the trial: one small series per lesion kind (lobulated, noisy, "
               "partial-volumed) in OUT_DIR/realistic/KIND/ and their exact RECIST axes and "
               "volumes in OUT_DIR/realistic/truth.json");
  CLI11_PARSE(app, argc, argv);

  if (realistic) {
    const auto dirs = dicom::WriteRealisticPhantom(out, options.seed);
    std::printf("wrote %zu realistic lesion series and %s/realistic/truth.json\n", dirs.size(),
                out.c_str());
    for (const auto& d : dirs) std::printf("  %s\n", d.string().c_str());
    return 0;
  }
  const auto t0 = std::chrono::steady_clock::now();
  const dicom::PhantomWritten w = dicom::WritePhantomTrial(out, options);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("wrote %zu series (%.1f MB of pixels) and %zu ground-truth files to %s in %.1f s\n",
              w.series_dirs.size(), double(w.bytes) / 1e6, w.assessment_files.size(), out.c_str(),
              s);
  for (const auto& f : w.assessment_files) std::printf("  %s\n", f.string().c_str());
  return 0;
}

}  // namespace nadir::cli
