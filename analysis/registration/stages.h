// Internal to analysis/registration/: the ITK registration stages (rigid, affine, B-spline),
// all in stages_itk.cpp so that ITK's templates compile once.
#pragma once

#include <atomic>
#include <vector>

#include "analysis/registration/track.h"
#include "analysis/registration/working_image.h"

namespace nadir::registration {

struct StagesResult {
  std::vector<StageReport> stages;
  std::vector<TransformStage> chain;  // fixed -> moving, as in Registration::transform
};

/// Runs the stages on working images. Throws std::runtime_error when ITK gives up (for
/// example when too few samples land inside the moving image) or when cancelled.
StagesResult RunStages(const WorkingImage& fixed, const WorkingImage& moving,
                       const RegistrationOptions& options, const Progress& progress,
                       const std::atomic<bool>* cancel);

}  // namespace nadir::registration
