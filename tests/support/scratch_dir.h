// A scratch folder for one test: unique, empty, removed when the object goes.
#pragma once

#include <filesystem>
#include <string>

namespace nadir::test {

/// A fresh empty folder under the system's temporary folder, named after the running test
/// (suite, test, `name`, process id and a counter, so parallel ctest processes and repeated
/// uses never share one), removed on destruction. With NADIR_KEEP_SCRATCH set in the
/// environment a folder whose test failed is kept and its path printed, to look at.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name = "");
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  operator const std::filesystem::path&() const { return path_; }
  std::string string() const { return path_.string(); }
  std::filesystem::path operator/(const std::filesystem::path& p) const { return path_ / p; }

  /// A fresh empty sub-folder `name` (emptied when it exists already).
  std::filesystem::path Fresh(const std::string& name) const;

 private:
  std::filesystem::path path_;
};

}  // namespace nadir::test
