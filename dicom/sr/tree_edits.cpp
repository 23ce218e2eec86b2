// TID 1502 rows and SCOORD3D added to a document tree built by DCMTK's TID 1500 classes.
#include "dicom/sr/tree_edits.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmsr/dsrdoctr.h>

#include "dicom/sr/codes.h"

namespace nadir::dicom::sr {

namespace {

DSRCodedEntryValue Coded(const Code& c) { return DSRCodedEntryValue(c.value, c.scheme, c.meaning); }

// Node IDs of the items named `name` (and of `value_type`, unless VT_invalid), depth first.
// Collected before editing: an added item of the same name must not be visited again.
std::vector<size_t> Named(DSRDocumentTree& tree, const Code& name,
                          DSRTypes::E_ValueType value_type) {
  std::vector<size_t> ids;
  const DSRCodedEntryValue concept_name = Coded(name);
  for (size_t id = tree.gotoNamedNode(concept_name); id > 0;
       id = tree.gotoNextNamedNode(concept_name))
    if (value_type == DSRTypes::VT_invalid ||
        tree.getCurrentContentItem().getValueType() == value_type)
      ids.push_back(id);
  return ids;
}

// Adds an item beside the node `id` and names it; the cursor is left on the new item.
std::string AddBeside(DSRDocumentTree& tree, size_t id, DSRTypes::E_AddMode where,
                      DSRTypes::E_RelationshipType relationship, DSRTypes::E_ValueType type,
                      const Code& name) {
  if (tree.gotoNode(id) == 0) return "content item " + std::to_string(id) + " not found";
  if (tree.addContentItem(relationship, type, where) == 0)
    return "DCMTK refused to add " + Describe(name) + " (" +
           DSRTypes::valueTypeToDefinedTerm(type) + ") beside content item " + std::to_string(id);
  const OFCondition named = tree.getCurrentContentItem().setConceptName(Coded(name));
  return named.good() ? "" : Describe(name) + ": " + named.text();
}

}  // namespace

std::string AddTimePointRows(DSRDocumentTree& tree, const TimePointRows& rows) {
  for (size_t id : Named(tree, code::kTimePoint, DSRTypes::VT_Text)) {
    // Row 1 before row 3.
    std::string problem =
        AddBeside(tree, id, DSRTypes::AM_beforeCurrent, DSRTypes::RT_hasObsContext,
                  DSRTypes::VT_Text, code::kSubjectTimePointId);
    if (!problem.empty()) return problem;
    OFCondition set =
        tree.getCurrentContentItem().setStringValue(rows.subject_time_point_id.c_str());
    if (set.bad())
      return Describe(code::kSubjectTimePointId) + " = '" + rows.subject_time_point_id +
             "': " + set.text();
    // Row 5 after row 3 (row 4, Time Point Type, is not written: see README.md).
    problem = AddBeside(tree, id, DSRTypes::AM_afterCurrent, DSRTypes::RT_hasObsContext,
                        DSRTypes::VT_Num, code::kTimePointOrder);
    if (!problem.empty()) return problem;
    const std::string order = std::to_string(rows.order);
    set = tree.getCurrentContentItem().setNumericValue(
        DSRNumericMeasurementValue(order.c_str(), Coded(code::kNoUnits)));
    if (set.bad()) return Describe(code::kTimePointOrder) + " = " + order + ": " + set.text();
  }
  return "";
}

std::string AddScoord3d(DSRDocumentTree& tree, const std::vector<Caliper3d>& calipers) {
  const std::vector<size_t> ids = Named(tree, code::kImageRegion, DSRTypes::VT_SCoord);
  if (ids.size() != calipers.size())
    return std::to_string(ids.size()) + " SCOORD image regions in the tree, but " +
           std::to_string(calipers.size()) + " calipers written";
  for (size_t i = 0; i < ids.size(); ++i) {
    const Caliper3d& c = calipers[i];
    if (c.frame_of_reference_uid.empty()) continue;
    // TID 320: the same region in patient space, INFERRED FROM as its SCOORD sibling.
    const std::string problem =
        AddBeside(tree, ids[i], DSRTypes::AM_afterCurrent, DSRTypes::RT_inferredFrom,
                  DSRTypes::VT_SCoord3D, code::kImageRegion);
    if (!problem.empty()) return problem;
    DSRSpatialCoordinates3DValue value(DSRTypes::GT3_Polyline);
    OFCondition set = value.setFrameOfReferenceUID(c.frame_of_reference_uid.c_str());
    for (const PatientPoint& p : c.ends)
      value.getGraphicDataList().addItem(Float32(p[0]), Float32(p[1]), Float32(p[2]));
    if (set.good()) set = tree.getCurrentContentItem().setSpatialCoordinates3D(value);
    if (set.bad())
      return "SCOORD3D in frame of reference " + c.frame_of_reference_uid + ": " + set.text();
  }
  return "";
}

}  // namespace nadir::dicom::sr
