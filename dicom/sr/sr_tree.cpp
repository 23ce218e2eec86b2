// SR file -> SrNode tree, with dcmdata only (PS3.3 C.17.3 SR Document Content Module).
#include "dicom/sr/sr_tree.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include "dicom/detail/dcmtk_util.h"
#include "dicom/detail/inflated_copy.h"
#include "dicom/error.h"

namespace nadir::dicom::sr {

namespace {

using detail::GetItem;
using detail::GetString;
using detail::TagName;

// Deeper trees than this are not reports anyone writes; refuse them instead of recursing on.
constexpr int kMaxDepth = 64;

std::string Str(DcmItem& item, const DcmTagKey& tag) { return GetString(item, tag).value_or(""); }

std::optional<Code> ReadCode(DcmItem& item, const DcmTagKey& sequence) {
  DcmItem* c = GetItem(item, sequence);
  if (!c) return std::nullopt;
  Code code{Str(*c, DCM_CodeValue), Str(*c, DCM_CodingSchemeDesignator), Str(*c, DCM_CodeMeaning)};
  if (code.value.empty()) code.value = Str(*c, DCM_LongCodeValue);
  if (code.value.empty()) code.value = Str(*c, DCM_URNCodeValue);
  return code;
}

void ReadImageRefs(DcmItem& item, std::vector<ImageRef>& out) {
  DcmSequenceOfItems* seq = nullptr;
  if (item.findAndGetSequence(DCM_ReferencedSOPSequence, seq).bad() || !seq) return;
  for (unsigned long i = 0; i < seq->card(); ++i)
    out.push_back({Str(*seq->getItem(i), DCM_ReferencedSOPClassUID),
                   Str(*seq->getItem(i), DCM_ReferencedSOPInstanceUID)});
}

void ReadNode(DcmItem& item, SrNode& node, const std::string& file, int depth) {
  if (depth > kMaxDepth)
    throw DicomError(file, TagName(DCM_ContentSequence), node.path,
                     "content tree nested deeper than " + std::to_string(kMaxDepth) + " levels");
  node.relationship = Str(item, DCM_RelationshipType);
  node.value_type = Str(item, DCM_ValueType);
  node.name = ReadCode(item, DCM_ConceptNameCodeSequence);
  const std::string& vt = node.value_type;
  if (vt == "TEXT")
    node.text = Str(item, DCM_TextValue);
  else if (vt == "UIDREF")
    node.text = Str(item, DCM_UID);
  else if (vt == "PNAME")
    node.text = Str(item, DCM_PersonName);
  else if (vt == "DATE")
    node.text = Str(item, DCM_Date);
  else if (vt == "CODE")
    node.code = ReadCode(item, DCM_ConceptCodeSequence);
  else if (vt == "NUM") {
    if (DcmItem* mv = GetItem(item, DCM_MeasuredValueSequence)) {
      node.number_text = Str(*mv, DCM_NumericValue);
      node.number = detail::GetNumber(*mv, DCM_NumericValue);
      node.unit = ReadCode(*mv, DCM_MeasurementUnitsCodeSequence);
    }
  } else if (vt == "SCOORD" || vt == "SCOORD3D") {
    node.graphic_type = Str(item, DCM_GraphicType);
    node.frame_of_reference_uid = Str(item, DCM_ReferencedFrameOfReferenceUID);
    DcmElement* e = nullptr;
    if (item.findAndGetElement(DCM_GraphicData, e).good() && e) {
      for (unsigned long i = 0; i < e->getVM(); ++i) {
        Float32 f = 0;
        if (e->getFloat32(f, i).good()) node.graphic_data.push_back(f);
      }
    }
  } else if (vt == "IMAGE") {
    ReadImageRefs(item, node.images);
  }
  DcmSequenceOfItems* seq = nullptr;
  if (item.findAndGetSequence(DCM_ContentSequence, seq).bad() || !seq) return;
  for (unsigned long i = 0; i < seq->card(); ++i) {
    SrNode child;
    child.path = node.path + "." + std::to_string(i + 1);
    ReadNode(*seq->getItem(i), child, file, depth + 1);
    // TID 320: a SCOORD's image is its SELECTED FROM child.
    if (vt.rfind("SCOORD", 0) == 0 && child.value_type == "IMAGE")
      node.images.insert(node.images.end(), child.images.begin(), child.images.end());
    node.children.push_back(std::move(child));
  }
}

}  // namespace

bool IsSrSopClass(const std::string& uid) {
  return uid == UID_BasicTextSRStorage || uid == UID_EnhancedSRStorage ||
         uid == UID_ComprehensiveSRStorage || uid == UID_Comprehensive3DSRStorage ||
         uid == UID_ExtensibleSRStorage;
}

SrFile ReadSrFile(const std::string& file) {
  // A deflated file is read from an inflated copy, where DCMTK checks each element's length
  // against the file before allocating (dicom/detail/inflated_copy.h).
  const std::optional<detail::InflatedCopy> inflated = detail::InflatedCopy::IfDeflated(file);
  DcmFileFormat ff;
  // Large values (pixel data of images met in the folder) stay on disk.
  const OFCondition status =
      ff.loadFile((inflated ? inflated->path() : file).c_str(), EXS_Unknown, EGL_noChange, 4096);
  if (status.bad())
    throw DicomError(file, "", "",
                     std::string("not a readable DICOM file (") + status.text() + ")");
  DcmDataset& ds = *ff.getDataset();
  SrFile sr;
  sr.file = file;
  sr.sop_class_uid = Str(ds, DCM_SOPClassUID);
  if (!IsSrSopClass(sr.sop_class_uid))
    throw DicomError(file, TagName(DCM_SOPClassUID), sr.sop_class_uid,
                     "not a Structured Report (not an SR Storage SOP class)");
  sr.sop_uid = Str(ds, DCM_SOPInstanceUID);
  sr.patient_id = Str(ds, DCM_PatientID);
  sr.clinical_trial_subject_id = Str(ds, DCM_ClinicalTrialSubjectID);
  sr.study_uid = Str(ds, DCM_StudyInstanceUID);
  sr.study_date = Str(ds, DCM_StudyDate);
  sr.series_description = Str(ds, DCM_SeriesDescription);
  sr.content_date = Str(ds, DCM_ContentDate);
  sr.content_time = Str(ds, DCM_ContentTime);
  if (DcmItem* t = GetItem(ds, DCM_ContentTemplateSequence))
    sr.template_id = Str(*t, DCM_TemplateIdentifier);
  if (Str(ds, DCM_ValueType) != "CONTAINER")
    throw DicomError(file, TagName(DCM_ValueType), Str(ds, DCM_ValueType),
                     "the root content item of an SR must be a CONTAINER");
  sr.root.path = "1";
  ReadNode(ds, sr.root, file, 0);
  return sr;
}

}  // namespace nadir::dicom::sr
