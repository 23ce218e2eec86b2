// report.pdf: one PDF bundling the summary tables and every figure (cairo's PDF surface).
#pragma once

#include <string>
#include <vector>

#include "cli/report/plots.h"

namespace nadir::report {

struct NamedFigure {
  std::string name;  // file stem, e.g. "waterfall_recist11"
  Figure figure;
};

/// Writes `path`: A4 landscape pages with, per criteria, the table of ORR, DCR and median
/// PFS, OS and DOR per group, then one page per figure. Returns false with `error` set when
/// cairo cannot write the file.
bool WriteReportPdf(const std::string& path, const Report& r,
                    const std::vector<NamedFigure>& figures, std::string* error);

}  // namespace nadir::report
