// The report's figures: waterfall, spider, swimmer and Kaplan-Meier plots, for one criteria,
// split into panels by a group label (arm) and annotated with another (dose level).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "cli/report/plot_canvas.h"
#include "cli/report/report_data.h"

namespace nadir::report {

/// Treated subjects (indices into the criteria's outcomes) per value of `label`, values sorted;
/// one panel "all" when `label` is empty.
std::vector<std::pair<std::string, std::vector<size_t>>> Panels(const CriteriaReport& c,
                                                                const std::string& label);

/// What a per-subject figure says when it draws the sample of a large trial
/// (Report::plot_every): "; drawn: 1 in 50 of the 100000 subjects, in file order", else "".
std::string SampleNote(const Report& r);

/// "RECIST 1.1" or "iRECIST".
std::string CriteriaTitle(Criteria c);
/// "RECIST 1.1; BOR to day 91, DOR from the first CR, PR or SD": the criteria with the
/// definitions of its endpoints, for every title.
std::string CriteriaTitle(const CriteriaReport& c);

/// The responses a legend lists under criteria `c`, best first, and the legend items.
std::vector<Response> LegendResponses(Criteria c, bool with_non_target_only);
std::vector<std::pair<std::string, Rgb>> ResponseLegend(Criteria c, bool with_non_target_only);

/// Waterfall: one bar per subject with a best % change of the target sum, sorted from the
/// largest increase to the largest decrease within each panel, coloured by best overall
/// response, with the -30 % (PR) and +20 % (PD) lines (RECIST 1.1 §4.3.1). Subjects without a
/// measurable sum (non-target disease only, not evaluable) are counted in the subtitle.
Figure WaterfallFigure(const Report& r, const CriteriaReport& c, const std::string& panel_by,
                       const std::string& detail_by);

/// Spider: % change of the target sum from baseline against weeks since treatment start, one
/// line per subject, coloured by best overall response, panels by `panel_by`. A panel of more
/// than 250 subjects with a line draws every k-th in file order (k = ceil(n / 250)), said in
/// the subtitle and as "n=250 of N" over the panel.
Figure SpiderFigure(const Report& r, const CriteriaReport& c, const std::string& panel_by);

/// Swimmer: time on study per subject (treatment start to death, last known alive or last
/// assessment, in months), coloured by best response, with marks for the first response,
/// progression and death, and an arrow where the subject is alive without progression.
Figure SwimmerFigure(const Report& r, const CriteriaReport& c, const std::string& panel_by,
                     const std::string& detail_by);

enum class Endpoint { kPfs, kOs, kDor };
const char* EndpointName(Endpoint e);  // "Progression-free survival" ...
const char* EndpointKey(Endpoint e);   // "pfs", "os", "dor"

/// Kaplan-Meier curves of `endpoint`, one per value of `by` ("all" when empty), with censoring
/// ticks, medians in the legend and the numbers at risk under the plot.
Figure KaplanMeierFigure(const Report& r, const CriteriaReport& c, Endpoint endpoint,
                         const std::string& by);

}  // namespace nadir::report
