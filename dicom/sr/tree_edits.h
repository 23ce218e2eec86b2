// Internal to dicom/sr/: what DCMTK 3.6.7's TID 1500 classes cannot write, added to the document
// tree they built: the TID 1502 rows beside "Time Point", and SCOORD3D end points beside each
// SCOORD. DCMTK stays in tree_edits.cpp.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "measure/lesion.h"

class DSRDocumentTree;

namespace nadir::dicom::sr {

/// TID 1502 rows of one report (every measurement group of a report is at one timepoint).
struct TimePointRows {
  std::string subject_time_point_id;  // row 1, Subject Time Point Identifier
  int order = 0;                      // row 5, Time Point Order: 1 = baseline, in date order
};

/// Adds Subject Time Point Identifier before and Time Point Order after every Time Point item
/// (TID 1502 row 3), so the rows stand in the template's order. Returns a problem, or "".
std::string AddTimePointRows(DSRDocumentTree& tree, const TimePointRows& rows);

/// One caliper axis written as SCOORD: its end points in patient mm and the Frame of Reference
/// of its image (empty: the image has none, no SCOORD3D is written).
struct Caliper3d {
  std::array<PatientPoint, 2> ends;
  std::string frame_of_reference_uid;
};

/// Adds after the i-th SCOORD "Image Region" (depth first, the order they were added) an
/// INFERRED FROM SCOORD3D POLYLINE of `calipers[i]`. The tree must be of an IOD that allows
/// SCOORD3D (Comprehensive 3D SR). Returns a problem, or "".
std::string AddScoord3d(DSRDocumentTree& tree, const std::vector<Caliper3d>& calipers);

}  // namespace nadir::dicom::sr
