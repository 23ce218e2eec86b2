// Internal to dicom/sr/: an SR file's content tree as plain values (no DCMTK), read straight
// from the dataset's ContentSequence so that reports of other writers are read as they are.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dicom/sr/codes.h"

namespace nadir::dicom::sr {

struct ImageRef {
  std::string sop_class_uid, sop_uid;
};

struct SrNode {
  std::string path;  // "1.4.2": position in the tree, for messages
  std::string relationship, value_type;
  std::optional<Code> name;
  std::string text;                    // TEXT, UIDREF, PNAME, DATE, DATETIME value
  std::optional<Code> code;            // CODE value
  std::optional<double> number;        // NUM value
  std::string number_text;             // NUM value as written
  std::optional<Code> unit;            // NUM unit
  std::string graphic_type;            // SCOORD / SCOORD3D
  std::string frame_of_reference_uid;  // SCOORD3D: ReferencedFrameOfReferenceUID
  std::vector<double> graphic_data;
  std::vector<ImageRef> images;  // IMAGE value, or the SCOORD's SELECTED FROM image
  std::vector<SrNode> children;

  /// Does the concept name match `c` (value and scheme)?
  bool Is(const Code& c) const { return name && Same(*name, c); }
};

struct SrFile {
  std::string file;
  std::string sop_class_uid, sop_uid, patient_id, clinical_trial_subject_id;
  std::string study_uid, study_date, series_description;
  std::string content_date, content_time;  // when the report was made (PS3.3 C.17.2)
  std::string template_id;  // ContentTemplateSequence > TemplateIdentifier, "" when absent
  SrNode root;
};

/// Reads an SR file's header and content tree. Throws DicomError naming the file, tag and
/// value when it is not DICOM, not an SR, or its tree is malformed.
SrFile ReadSrFile(const std::string& file);

/// True for the SR Storage SOP classes (Basic Text, Enhanced, Comprehensive, Comprehensive
/// 3D, Extensible).
bool IsSrSopClass(const std::string& uid);

}  // namespace nadir::dicom::sr
