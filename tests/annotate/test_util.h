// Helpers of the annotation tests: a scratch folder and driving a caliper with the mouse.
#pragma once

#include <filesystem>
#include <random>
#include <string>

#include "viewer/annotate/session.h"

namespace nadir::annotate::testing {

/// A fresh empty folder under the system temp folder, unique per test.
inline std::filesystem::path ScratchDir(const std::string& name) {
  std::random_device rd;
  const auto dir = std::filesystem::temp_directory_path() /
                   ("nadir-annotate-" + name + "-" + std::to_string(rd()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

/// Press at `a`, drag half way, release at `b`, on image `sop` (axial: normal +z).
inline bool DrawLine(AnnotationSession& s, const PatientPoint& a, const PatientPoint& b,
                     const std::string& sop, const PatientPoint& normal = {0, 0, 1}) {
  if (!s.Press({a, sop, normal, 2.0})) return false;
  s.Drag({{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2}});
  s.Release({b});
  return true;
}

/// Grabs the handle at `from` and drops it at `to`.
inline bool DragHandleTo(AnnotationSession& s, const PatientPoint& from, const PatientPoint& to,
                         const std::string& sop, const PatientPoint& normal = {0, 0, 1}) {
  if (!s.Press({from, sop, normal, 1.0})) return false;
  s.Drag({to});
  s.Release({to});
  return true;
}

inline Date D(const char* iso) { return *ParseIsoDate(iso); }

}  // namespace nadir::annotate::testing
