// Generated assessment files for benchmarks and load tests: plausible courses, deterministic.
#pragma once

#include <cstdint>

#include "measure/subject.h"

namespace nadir {

/// Subject `index` of a synthetic trial drawn from `seed`: 1-5 targets (some nodal), 0-3
/// non-targets, 3-9 timepoints six weeks apart, tumour growth or shrinkage that varies per
/// subject, occasional new lesions (equivocal, later confirmed, or not) and missed targets.
Subject SyntheticSubject(std::uint64_t seed, int index);

}  // namespace nadir
