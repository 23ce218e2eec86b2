// One timepoint -> one TID 1500 Measurement Report, built with DCMTK's dcmsr/cmr classes.
#include "dicom/sr/write_report.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmsr/cmr/tid1500.h>
#include <dcmtk/dcmsr/codes/dcm.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <set>

#include "dicom/detail/inflated_copy.h"
#include "dicom/error.h"
#include "dicom/sr/codes.h"
#include "dicom/sr/tree_edits.h"
#include "measure/date.h"
#include "measure/protocol.h"

namespace nadir::dicom::sr {

namespace {

DSRCodedEntryValue Coded(const Code& c) { return DSRCodedEntryValue(c.value, c.scheme, c.meaning); }

// Lengths as DS: enough decimals for 0.0001 mm, trailing zeros dropped (at most 16 chars).
std::string FormatMm(double mm) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", mm);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

class Writer {
 public:
  Writer(const ReportInput& in) : in_(in), tp_(*in.timepoint) {}

  void Check(OFCondition cond, const std::string& what, const std::string& value = {}) const {
    if (cond.good()) return;
    throw DicomError(in_.assessment_file, what, value,
                     "timepoint " + FormatIsoDate(tp_.date) + ": DCMTK refused the SR content (" +
                         cond.text() + ")");
  }

  // The header of a referenced image (pixel data left on disk), loaded once.
  DcmDataset& Header(const ImagePlane& plane) {
    auto it = headers_.find(plane.sop_uid);
    if (it != headers_.end()) return *it->second->getDataset();
    auto ff = std::make_unique<DcmFileFormat>();
    const auto inflated = detail::InflatedCopy::IfDeflated(plane.file);  // inflated_copy.h
    if (ff->loadFile((inflated ? inflated->path() : plane.file).c_str(), EXS_Unknown, EGL_noChange,
                     4096)
            .bad())
      throw DicomError(plane.file, "", "", "cannot read the referenced image");
    DcmDataset& ds = *ff->getDataset();
    headers_.emplace(plane.sop_uid, std::move(ff));
    return ds;
  }

  std::string SopClass(const ImagePlane& plane) {
    OFString v;
    Header(plane).findAndGetOFString(DCM_SOPClassUID, v);
    if (v.empty()) throw DicomError(plane.file, "(0008,0016) SOPClassUID", "", "missing");
    return v.c_str();
  }

  // TID 300 row 1 + INFERRED FROM SCOORD POLYLINE (TID 320) on the image it was drawn on.
  void AddAxis(CMR_TID1500::TID1501_Measurements& g, const LesionRecord& l,
               CID7469_GenericIntensityAndSizeMeasurements::EnumType which, double mm,
               const std::optional<std::array<PatientPoint, 2>>& ends) {
    using Value = CMR_TID1500::TID1501_Measurements::MeasurementValue;
    const std::string text = FormatMm(mm);
    Check(g.addMeasurement(
              CID7469_GenericIntensityAndSizeMeasurements(which),
              Value(text.c_str(),
                    CID7181_AbstractMultiDimensionalImageModelComponentUnits(
                        CID7181_AbstractMultiDimensionalImageModelComponentUnits::Millimeter))),
          "lesion " + l.id + " length", text);
    if (!ends || !l.points) return;
    if (l.points->Reformat()) {
      // A caliper on a reformatted plane names no image for a SCOORD, and the format rebuilds
      // such points only with their plane; the length is written, the end points noted.
      notes_.push_back("timepoint " + FormatIsoDate(tp_.date) + ", lesion " + l.id +
                       ": end points drawn on a " + l.points->plane + " reformat of series " +
                       l.points->series_uid +
                       " are not written (no image to reference); its lengths are");
      return;
    }
    const ImagePlane* plane = in_.images->Find(l.points->sop_uid);
    if (!plane)
      throw DicomError(in_.assessment_file, "points.sop_uid", l.points->sop_uid,
                       "timepoint " + FormatIsoDate(tp_.date) + ", lesion " + l.id +
                           ": the image the caliper was drawn on is not among the images");
    if (plane->study_uid != in_.study->study_uid)
      throw DicomError(in_.assessment_file, "points.sop_uid", l.points->sop_uid,
                       "timepoint " + FormatIsoDate(tp_.date) + ", lesion " + l.id +
                           ": the caliper's image belongs to study " + plane->study_uid +
                           ", not to this timepoint's study " + in_.study->study_uid);
    DSRSpatialCoordinatesValue scoord(DSRTypes::GT_Polyline);
    for (const PatientPoint& p : *ends) {
      double off = 0;
      const PixelPoint px = PatientToPixel(*plane, p, &off);
      if (std::abs(off) > kOffPlaneToleranceMm)
        throw DicomError(in_.assessment_file, "points", std::to_string(off) + " mm",
                         "timepoint " + FormatIsoDate(tp_.date) + ", lesion " + l.id +
                             ": an end point lies off the plane of image " + plane->sop_uid);
      scoord.getGraphicDataList().addItem(Float32(px.column), Float32(px.row));
    }
    const std::string sop_class = SopClass(*plane);
    Check(g.getMeasurement().addSpatialCoordinates(
              Coded(code::kImageRegion), scoord,
              DSRImageReferenceValue(sop_class.c_str(), plane->sop_uid.c_str())),
          "lesion " + l.id + " SCOORD", plane->sop_uid);
    referenced_.insert(plane->sop_uid);
    // The same end points in patient space, added to the tree once it is built (tree_edits.h).
    calipers_.push_back({*ends, plane->frame_of_reference_uid});
    if (plane->frame_of_reference_uid.empty())
      notes_.push_back("timepoint " + FormatIsoDate(tp_.date) + ", lesion " + l.id + ": image " +
                       plane->sop_uid +
                       " has no FrameOfReferenceUID (0020,0052), so its end "
                       "points are written as SCOORD only, without SCOORD3D");
  }

  // TID 300 row 1: the segmented lesion's volume (method.volume_ml), in ml (UCUM).
  void AddVolume(CMR_TID1500::TID1501_Measurements& g, const LesionRecord& l, double ml) {
    using Value = CMR_TID1500::TID1501_Measurements::MeasurementValue;
    const std::string text = FormatMm(ml);
    // CID 7181 lists no ml (it has cm3); DICOM units are UCUM (CID 82), so the unit is given as
    // a code and not checked against CID 7181.
    const Value value(
        text.c_str(),
        CID7181_AbstractMultiDimensionalImageModelComponentUnits(Coded(code::kMillilitre)),
        /*check=*/OFFalse);
    Check(g.addMeasurement(CID7469_GenericIntensityAndSizeMeasurements(
                               CID7469_GenericIntensityAndSizeMeasurements::Volume),
                           value),
          "lesion " + l.id + " volume", text);
  }

  void AddLesion(CMR_TID1500& report, const LesionRecord& l) {
    Check(report.addIndividualMeasurements(), "measurement group");
    auto& g = report.getIndividualMeasurements();
    Check(g.setTrackingIdentifier(l.id.c_str()), "Tracking Identifier", l.id);
    const std::string& uid = in_.tracking_uids.at(l.id);
    Check(g.setTrackingUniqueIdentifier(uid.c_str()), "Tracking Unique Identifier", uid);
    Check(g.setFinding(Coded(code::kLesion)), "Finding");
    const std::string tp_name = tp_.label.empty() ? FormatIsoDate(tp_.date) : tp_.label;
    Check(g.setTimePoint(tp_name.c_str()), "Time Point", tp_name);
    if (auto site = SiteCode(l.site)) Check(g.addFindingSite(Coded(*site)), "Finding Site", l.site);

    using Ends = std::optional<std::array<PatientPoint, 2>>;
    const Ends ends_long = l.points ? l.points->long_axis : Ends{};
    const Ends ends_short = l.points ? l.points->short_axis : Ends{};
    using Cid = CID7469_GenericIntensityAndSizeMeasurements;
    if (l.long_axis_mm) AddAxis(g, l, Cid::LongAxis, *l.long_axis_mm, ends_long);
    if (l.short_axis_mm) AddAxis(g, l, Cid::ShortAxis, *l.short_axis_mm, ends_short);
    if (l.method && l.method->volume_ml) AddVolume(g, l, *l.method->volume_ml);

    const Code category = l.kind == LesionKind::kTarget      ? code::kTargetAtBaseline
                          : l.kind == LesionKind::kNonTarget ? code::kNonTargetAtBaseline
                                                             : code::kNewLesion;
    Qual(g, code::kBaselineCategory, category);
    Qual(g, code::kLesionState, StateCode(l.state));
    if (!l.site.empty()) Text(g, code::kSiteText, l.site);
    Qual(g, code::kNodal, l.nodal ? code::kYes : code::kNo);
    if (!l.merged_into.empty()) Text(g, code::kMergedInto, l.merged_into);
    if (l.new_category != NewLesionCategory::kAutomatic)
      Qual(g, code::kNewCategory,
           l.new_category == NewLesionCategory::kTarget ? code::kTargetAtBaseline
                                                        : code::kNonTargetAtBaseline);
    if (l.increased_since_last) Qual(g, code::kIncreased, code::kYes);
    if (!l.fragments.empty()) {
      std::string f;  // "L/S;L/S", a missing diameter left empty
      for (const auto& fr : l.fragments) {
        if (!f.empty()) f += ';';
        f += (fr.long_axis_mm ? FormatMm(*fr.long_axis_mm) : "") + "/" +
             (fr.short_axis_mm ? FormatMm(*fr.short_axis_mm) : "");
      }
      Text(g, code::kFragments, f);
      if (std::any_of(l.fragments.begin(), l.fragments.end(),
                      [](const Fragment& fr) { return fr.points.has_value(); }))
        notes_.push_back("timepoint " + FormatIsoDate(tp_.date) + ", lesion " + l.id +
                         ": the fragments' end points are not written (their lengths are)");
    }
  }

  void Qual(CMR_TID1500::TID1501_Measurements& g, const Code& name, const Code& value) {
    Check(g.addQualitativeEvaluation(Coded(name), Coded(value)), name.meaning, value.value);
  }
  void Text(CMR_TID1500::TID1501_Measurements& g, const Code& name, const std::string& value) {
    Check(g.addQualitativeEvaluation(Coded(name), OFString(value.c_str())), name.meaning, value);
  }

  void AddResponses(CMR_TID1500& report) {
    const auto& criteria = in_.subject->protocol.criteria;
    auto uses = [&](Criteria c) {
      return std::find(criteria.begin(), criteria.end(), c) != criteria.end();
    };
    if (uses(Criteria::kRecist11))
      Check(report.addQualitativeEvaluation(Coded(code::kResponseMethod), Coded(code::kRecist11)),
            "Response Evaluation Method");
    if (uses(Criteria::kIRecist))
      Check(report.addQualitativeEvaluation(Coded(code::kResponseMethod), Coded(code::kIrecist)),
            "Response Evaluation Method");
    if (const auto& r = in_.recist11) {
      Report(report, code::kR11Target, TargetResponseCode(r->target));
      Report(report, code::kR11NonTarget, NonTargetResponseCode(r->nontarget));
      Report(report, code::kR11NewLesions, NewLesionsCode(r->new_lesions));
      Report(report, code::kR11Overall, OverallResponseCode(r->overall));
    }
    if (const auto& r = in_.irecist)
      Report(report, code::kIrOverall, IRecistOverallResponseCode(r->overall));
    if (tp_.clinically_stable)
      Report(report, code::kClinicallyStable, *tp_.clinically_stable ? code::kYes : code::kNo);
    // The assessment's subject-level fields (subject_fields.h), in every report of the subject.
    for (const SubjectFieldItem& item : in_.subject_fields)
      Check(report.addQualitativeEvaluation(Coded(item.name), OFString(item.text.c_str())),
            item.name.meaning, item.text);
  }
  void Report(CMR_TID1500& report, const Code& name, const Code& value) {
    Check(report.addQualitativeEvaluation(Coded(name), Coded(value)), name.meaning, value.value);
  }

  ExportedReport Write(const ExportOptions& options, const std::filesystem::path& path);

 private:
  const ReportInput& in_;
  const Timepoint& tp_;
  std::map<std::string, std::unique_ptr<DcmFileFormat>> headers_;
  std::set<std::string> referenced_;
  std::vector<Caliper3d> calipers_;  // one per SCOORD, in the order written
  std::vector<std::string> notes_;
};

// Patient and General Study attributes copied from the study's images (PS3.3 C.7.1.1, C.7.2.1),
// so the SR files into the same patient and study in any PACS.
const DcmTagKey kCopied[] = {
    DCM_PatientName,     DCM_PatientID,       DCM_PatientBirthDate,       DCM_PatientSex,
    DCM_StudyDate,       DCM_StudyTime,       DCM_ReferringPhysicianName, DCM_StudyID,
    DCM_AccessionNumber, DCM_StudyDescription};
// Clinical Trial Subject and Study attributes (PS3.3 C.7.1.3, C.7.2.3), copied when the images
// have them, so a PACS query by Clinical Trial Subject ID or Time Point ID finds the SR too.
const DcmTagKey kCopiedWhenPresent[] = {DCM_ClinicalTrialSponsorName,  DCM_ClinicalTrialProtocolID,
                                        DCM_ClinicalTrialProtocolName, DCM_ClinicalTrialSiteID,
                                        DCM_ClinicalTrialSiteName,     DCM_ClinicalTrialSubjectID,
                                        DCM_ClinicalTrialTimePointID};

ExportedReport Writer::Write(const ExportOptions& options, const std::filesystem::path& path) {
  CMR_TID1500 report(CID7021_MeasurementReportDocumentTitles::ImagingMeasurementReport);
  Check(report.getObservationContext().addPersonObserver(
            (in_.subject->reader.empty() ? std::string("UNKNOWN") : in_.subject->reader).c_str()),
        "Person Observer Name", in_.subject->reader);
  Check(
      report.addProcedureReported(CID100_QuantitativeDiagnosticImagingProcedures::ImagingProcedure),
      "Procedure Reported");
  int groups = 0;
  for (const LesionRecord& l : tp_.lesions) {
    AddLesion(report, l);
    ++groups;
  }
  AddResponses(report);
  // DCMTK 3.6.7's TID1501 class counts a group without a TID 300 measurement as invalid, but
  // TID 1501 allows a group of qualitative evaluations only (a non-target lesion's state, an
  // equivocal new lesion), so validity is checked here: TID 1500 needs measurements or
  // evaluations (row 6 or row 12).
  if (groups == 0 && !report.hasQualitativeEvaluations())
    throw DicomError(in_.assessment_file, "", FormatIsoDate(tp_.date),
                     "this timepoint has neither a lesion nor a response to report");

  DSRDocument doc(DSRTypes::DT_ComprehensiveSR);
  Check(doc.setTreeFromRootTemplate(report), "document tree");
  // DCMTK's template makes an Enhanced SR, which has no SCOORD3D; Comprehensive 3D SR holds it
  // and is one of the IODs TID 1500 names (README.md, "Object").
  Check(doc.changeDocumentType(DSRTypes::DT_Comprehensive3DSR), "SOP class Comprehensive 3D SR");
  const TimePointRows rows{FormatIsoDate(tp_.date), in_.time_point_order};
  if (const std::string problem = AddTimePointRows(doc.getTree(), rows); !problem.empty())
    throw DicomError(in_.assessment_file, "TID 1502 Time Point Context", FormatIsoDate(tp_.date),
                     problem);
  if (const std::string problem = AddScoord3d(doc.getTree(), calipers_); !problem.empty())
    throw DicomError(in_.assessment_file, "SCOORD3D", FormatIsoDate(tp_.date), problem);
  Check(doc.createNewSeriesInStudy(in_.study->study_uid.c_str()), "(0020,000D) StudyInstanceUID",
        in_.study->study_uid);
  doc.setSpecificCharacterSetType(DSRTypes::CS_UTF8);
  doc.setSeriesDescription(options.series_description.c_str());
  doc.setManufacturer("nadir");
  doc.setSeriesNumber("9001");
  doc.setInstanceNumber("1");
  // CodingSchemeIdentificationSequence (PS3.3 C.12.1.1.5): name the private scheme used.
  Check(doc.getCodingSchemeIdentification().addItem(
            kPrivateScheme, "", "nadir lesion states and responses", "nadir project"),
        "(0008,0110) CodingSchemeIdentificationSequence", kPrivateScheme);
  // CurrentRequestedProcedureEvidenceSequence (PS3.3 C.17.2): every image referenced.
  for (const std::string& sop : referenced_) {
    const ImagePlane& p = *in_.images->Find(sop);
    Check(doc.getCurrentRequestedProcedureEvidence().addItem(
              p.study_uid.c_str(), p.series_uid.c_str(), SopClass(p).c_str(), sop.c_str()),
          "(0040,A375) CurrentRequestedProcedureEvidenceSequence", sop);
  }

  DcmFileFormat ff;
  DcmDataset& ds = *ff.getDataset();
  Check(doc.write(ds), "SR dataset");
  if (!in_.study->images.empty()) {
    DcmDataset& image = Header(*in_.study->images.front());
    for (const DcmTagKey& tag : kCopied) {
      OFString v;
      image.findAndGetOFStringArray(tag, v);
      ds.putAndInsertOFStringArray(tag, v);
    }
    for (const DcmTagKey& tag : kCopiedWhenPresent) {
      OFString v;
      if (image.tagExists(tag)) {
        image.findAndGetOFStringArray(tag, v);
        ds.putAndInsertOFStringArray(tag, v);
      }
    }
  }
  const std::string tmp = path.string() + ".tmp";
  std::filesystem::create_directories(path.parent_path());
  if (ff.saveFile(tmp.c_str(), EXS_LittleEndianExplicit).bad())
    throw DicomError(tmp, "", "", "cannot write the SR file");
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec)
    throw DicomError(path.string(), "", "",
                     "cannot rename the SR file into place: " + ec.message());

  ExportedReport out;
  out.file = path;
  out.date = FormatIsoDate(tp_.date);
  out.study_uid = in_.study->study_uid;
  OFString sop;
  ds.findAndGetOFString(DCM_SOPInstanceUID, sop);
  out.sop_uid = sop.c_str();
  out.groups = groups;
  out.notes = notes_;
  return out;
}

}  // namespace

ExportedReport WriteReport(const ReportInput& in, const ExportOptions& options,
                           const std::filesystem::path& path) {
  Writer w(in);
  return w.Write(options, path);
}

}  // namespace nadir::dicom::sr
