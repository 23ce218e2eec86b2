// Shared helpers of the dicom/ tests: test volumes, comparisons, running a converter.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "geometry/volume.h"

namespace nadir::test {

/// A small axial volume (nx x ny x nz) whose voxels are a known function of (i, j, k)
/// covering -1024 .. 3071 HU; pixel spacing 0.75 mm, slice spacing 2.5 mm.
Volume MakeTestVolume(int nx = 48, int ny = 40, int nz = 12);

/// Fails the test with the first differences when geometry or voxels differ.
/// Geometry within `mm_tolerance`; voxels exactly, or within `hu_tolerance`.
::testing::AssertionResult SameVolume(const Volume& expected, const Volume& actual,
                                      double mm_tolerance = 1e-6, int hu_tolerance = 0);

/// Runs a shell command; returns its exit status.
int Run(const std::string& command);

}  // namespace nadir::test
