// Dates written as ISO text in tests: D("2026-01-05").
#pragma once

#include "measure/date.h"

namespace nadir::test {

/// The date of an ISO text the test knows to be valid.
inline Date D(const char* iso) { return *ParseIsoDate(iso); }

}  // namespace nadir::test
