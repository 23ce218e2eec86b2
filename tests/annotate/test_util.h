// Helpers of the annotation tests: driving a caliper with the mouse, dates.
#pragma once

#include <filesystem>
#include <string>

#include "tests/support/dates.h"
#include "viewer/annotate/session.h"

namespace nadir::test {

/// Press at `a`, drag half way, release at `b`, on image `sop` (axial: normal +z).
inline bool DrawLine(annotate::AnnotationSession& s, const PatientPoint& a, const PatientPoint& b,
                     const std::string& sop, const PatientPoint& normal = {0, 0, 1}) {
  if (!s.Press({a, sop, normal, 2.0})) return false;
  s.Drag({{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2}});
  s.Release({b});
  return true;
}

/// Grabs the handle at `from` and drops it at `to`.
inline bool DragHandleTo(annotate::AnnotationSession& s, const PatientPoint& from,
                         const PatientPoint& to, const std::string& sop,
                         const PatientPoint& normal = {0, 0, 1}) {
  if (!s.Press({from, sop, normal, 1.0})) return false;
  s.Drag({to});
  s.Release({to});
  return true;
}

}  // namespace nadir::test
