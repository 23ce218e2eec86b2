// Shared helpers of the dicom/ tests: scratch folders, test volumes, comparisons.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "geometry/volume.h"

namespace nadir::dicom::test {

/// A fresh empty folder under the system temp dir, removed when the object goes.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name);
  ~ScratchDir();
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& s) const { return path_ / s; }

 private:
  std::filesystem::path path_;
};

/// A small axial volume (nx x ny x nz) whose voxels are a known function of (i, j, k)
/// covering -1024 .. 3071 HU; pixel spacing 0.75 mm, slice spacing 2.5 mm.
Volume MakeTestVolume(int nx = 48, int ny = 40, int nz = 12);

/// Fails the test with the first differences when geometry or voxels differ.
/// Geometry within `mm_tolerance`; voxels exactly, or within `hu_tolerance`.
::testing::AssertionResult SameVolume(const Volume& expected, const Volume& actual,
                                      double mm_tolerance = 1e-6, int hu_tolerance = 0);

/// Runs a shell command; returns its exit status.
int Run(const std::string& command);

}  // namespace nadir::dicom::test
