// The tables of `nadir report`: endpoints per group (CSV and Markdown), the per-subject listing
// and the covariate analyses.
#pragma once

#include <string>
#include <vector>

#include "cli/report/report_data.h"

namespace nadir::report {

/// endpoints.csv: one row per criteria and group; rates in percent, times in months.
std::string EndpointsCsv(const Report& r);

/// listing.csv: one row per subject and criteria: groups, best response, best % change, dates,
/// PFS/OS/DOR times with their censoring, covariates, notes.
std::string ListingCsv(const Report& r);
bool WriteListingCsv(const Report& r, const TextSink& sink);
/// The subject's listing row under the outcome's criteria, less the columns that depend on
/// the other subjects (ReportBuilder spools it; WriteListingCsv completes it).
std::vector<std::string> ListingRecord(const Subject& s, const stats::SubjectOutcome& o);

/// covariates.csv: per criteria and covariate, the rank-sum test and ORR/DCR per band.
std::string CovariatesCsv(const Report& r);

/// report.md: the endpoint tables, covariate analyses and methods, for people.
std::string ReportMarkdown(const Report& r);

}  // namespace nadir::report
