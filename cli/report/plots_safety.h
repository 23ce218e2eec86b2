// The safety, kinetics and cytokine figures of `nadir report` (issue 21).
#pragma once

#include <string>

#include "cli/report/plot_canvas.h"
#include "cli/report/report_data.h"

namespace nadir::report {

/// 3+3 escalation of one arm: per dose level one marker per treated subject (filled: DLT;
/// open: evaluable without DLT; grey cross: not DLT-evaluable), the decision under each level
/// and the MTD.
Figure EscalationFigure(const Report& r, const ArmEscalationReport& arm);

/// CAR-T levels against days since infusion on a log scale, one line per subject coloured by
/// dose level, a panel per arm; BLQ and zero levels are not drawn (log scale).
Figure KineticsFigure(const Report& r);

/// One analyte against days since infusion on a log scale, one line per subject coloured by
/// the subject's worst CRS grade.
Figure CytokineFigure(const Report& r, const std::string& analyte);

/// A covariate (CD70-positive rate) in subjects without and with CRS, and without and with
/// ICANS: one dot per subject coloured by worst CRS grade, medians, rank-sum p-values.
Figure CovariateToxicityFigure(const Report& r, const std::string& covariate);

/// Colour of a CRS grade 0..4 (grey, then yellow to dark red).
Rgb CrsGradeColour(int grade);

}  // namespace nadir::report
