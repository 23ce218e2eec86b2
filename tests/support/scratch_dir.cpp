#include "tests/support/scratch_dir.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <iostream>

namespace nadir::test {

namespace fs = std::filesystem;

namespace {

// Keeps a folder name to letters, digits, '-' and '_' (parameterised test names hold '/').
std::string Tidy(std::string s) {
  for (char& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  return s;
}

}  // namespace

ScratchDir::ScratchDir(const std::string& name) {
  static std::atomic<int> counter{0};
  std::string stem = "nadir";
  if (const auto* info = ::testing::UnitTest::GetInstance()->current_test_info())
    stem += "-" + Tidy(info->test_suite_name()) + "-" + Tidy(info->name());
  if (!name.empty()) stem += "-" + Tidy(name);
  stem += "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  path_ = fs::temp_directory_path() / stem;
  fs::remove_all(path_);
  fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  // Asks gtest only when asked to keep: a static ScratchDir goes at exit, after the tests.
  if (std::getenv("NADIR_KEEP_SCRATCH")) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    if (info && info->result()->Failed()) {
      std::cerr << "NADIR_KEEP_SCRATCH: kept " << path_ << "\n";
      return;
    }
  }
  std::error_code ec;
  fs::remove_all(path_, ec);
}

fs::path ScratchDir::Fresh(const std::string& name) const {
  const fs::path p = path_ / name;
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

}  // namespace nadir::test
