// Reports nadir did not write: built here with DCMTK's TID 1500 classes, the way DCMTK's own
// sample code builds one, and with unusual but legal choices other viewers make (no Finding
// Site, only a Length, older SRT codes, centimetres, tool names as tracking identifiers,
// several images, a device observer, measurements nadir does not use).
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmsr/cmr/tid1500.h>
#include <dcmtk/dcmsr/codes/dcm.h>
#include <dcmtk/dcmsr/codes/srt.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include "dicom/sr/image_index.h"
#include "tests/sr/sr_fixture.h"

namespace nadir::dicom::sr {
namespace {

using namespace nadir::test;  // the fixture (tests/sr/sr_fixture.h)

using Units = CID7181_AbstractMultiDimensionalImageModelComponentUnits;
using Value = CMR_TID1500::TID1501_Measurements::MeasurementValue;

const ImageIndex& Images() {
  static const ImageIndex index = IndexImages(GetPhantom().Images("PH-002"));
  return index;
}

// A study's k-th image.
const ImagePlane& ImageOf(int study, int k) { return *Images().studies.at(study).images.at(k); }

void AddLength(CMR_TID1500& report, const DSRCodedEntryValue& name, const std::string& value,
               Units::EnumType unit, const ImagePlane& image, PixelPoint a, PixelPoint b) {
  auto& g = report.getIndividualMeasurements();
  ASSERT_TRUE(g.addMeasurement(CID7469_GenericIntensityAndSizeMeasurements(name),
                               Value(value.c_str(), Units(unit)), OFTrue, OFFalse)
                  .good());
  DSRSpatialCoordinatesValue scoord(DSRTypes::GT_Polyline);
  scoord.getGraphicDataList().addItem(Float32(a.column), Float32(a.row));
  scoord.getGraphicDataList().addItem(Float32(b.column), Float32(b.row));
  ASSERT_TRUE(
      g.getMeasurement()
          .addSpatialCoordinates(CODE_DCM_ImageRegion, scoord,
                                 DSRImageReferenceValue(UID_CTImageStorage, image.sop_uid.c_str()))
          .good());
}

void Save(CMR_TID1500& report, int study, const std::filesystem::path& file) {
  DSRDocument doc(DSRTypes::DT_ComprehensiveSR);
  ASSERT_TRUE(doc.setTreeFromRootTemplate(report).good());
  const StudyImages& s = Images().studies.at(study);
  ASSERT_TRUE(doc.createNewSeriesInStudy(s.study_uid.c_str()).good());
  doc.setPatientID("PH-002");
  doc.setStudyDate(s.date.c_str());
  DcmFileFormat ff;
  ASSERT_TRUE(doc.write(*ff.getDataset()).good());
  ASSERT_TRUE(ff.saveFile(file.c_str(), EXS_LittleEndianExplicit).good());
}

// Report of one study: a Cornerstone-style Length in cm with no site, and a bidirectional
// lesion (older SRT codes) tracked by `uid_b` on another image.
void WriteOtherViewerReport(int study, const std::string& uid_b,
                            const std::filesystem::path& file) {
  CMR_TID1500 report(CID7021_MeasurementReportDocumentTitles::ImagingMeasurementReport);
  ASSERT_TRUE(report.getObservationContext().addPersonObserver("Doe^Jane").good());
  ASSERT_TRUE(
      report.addProcedureReported(CID100_QuantitativeDiagnosticImagingProcedures::ImagingProcedure)
          .good());
  auto& a = report.getIndividualMeasurements();
  ASSERT_TRUE(a.setTrackingIdentifier("Cornerstone3DTools@^0.1.0:Length").good());
  const std::string uid_a = "1.2.826.0.1.3680043.9.7.1." + std::to_string(study + 1);
  ASSERT_TRUE(a.setTrackingUniqueIdentifier(uid_a.c_str()).good());
  AddLength(report, DSRCodedEntryValue("G-D7FE", "SRT", "Length"), "2.5", Units::Centimeter,
            ImageOf(study, 20), {100.5, 120.5}, {118.5, 120.5});

  ASSERT_TRUE(report.addIndividualMeasurements().good());
  auto& b = report.getIndividualMeasurements();
  ASSERT_TRUE(b.setTrackingIdentifier("lesion-b").good());
  ASSERT_TRUE(b.setTrackingUniqueIdentifier(uid_b.c_str()).good());
  ASSERT_TRUE(
      b.addFindingSite(CODE_SRT_Liver, CID244e_Laterality(), DSRCodedEntryValue(), OFFalse).good());
  AddLength(report, DSRCodedEntryValue("G-A185", "SRT", "Long Axis"), "31.5", Units::Millimeter,
            ImageOf(study, 30), {60, 70}, {80, 82});
  AddLength(report, DSRCodedEntryValue("G-A186", "SRT", "Short Axis"), "12.25", Units::Millimeter,
            ImageOf(study, 30), {65, 80}, {72, 70});
  ASSERT_TRUE(b.addMeasurement(CID7469_GenericIntensityAndSizeMeasurements(
                                   CID7469_GenericIntensityAndSizeMeasurements::Area),
                               Value("42", Units(Units::SquareMillimeter)))
                  .good());
  Save(report, study, file);
}

TEST(SrHandBuilt, OtherViewersLengthsInCmSrtCodesAndToolNamesAreImportedAndNamed) {
  const auto dir = Scratch().Fresh("other_viewer");
  const std::string uid_b = "1.2.826.0.1.3680043.9.7.2";
  WriteOtherViewerReport(0, uid_b, dir / "baseline.dcm");
  WriteOtherViewerReport(1, uid_b, dir / "follow-up.dcm");
  if (HasFatalFailure()) return;

  ImportOptions options;
  options.images = GetPhantom().Images("PH-002");
  const ImportResult r = ImportReports(dir, options);
  ASSERT_TRUE(r.subject) << Join(r.errors);
  EXPECT_TRUE(r.errors.empty()) << Join(r.errors);
  const std::string warnings = Join(r.warnings);
  ASSERT_EQ(r.subject->timepoints.size(), 2u);
  EXPECT_EQ(r.subject->id, "PH-002");
  EXPECT_EQ(r.subject->reader, "Doe^Jane");

  // lesion-b: one lesion across both studies (same Tracking UID), long and short axis in mm,
  // site from the older SRT code, end points on image 30 of each study.
  for (int t = 0; t < 2; ++t) {
    const Timepoint& tp = r.subject->timepoints[t];
    EXPECT_EQ(tp.study_uid, Images().studies[t].study_uid);
    ASSERT_EQ(tp.lesions.size(), 2u);
    const LesionRecord* b = tp.Find("lesion-b");
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->kind, LesionKind::kTarget);
    EXPECT_EQ(b->state, LesionState::kMeasured);
    EXPECT_EQ(b->site, "liver");
    EXPECT_NEAR(*b->long_axis_mm, 31.5, 1e-9);
    EXPECT_NEAR(*b->short_axis_mm, 12.25, 1e-9);
    ASSERT_TRUE(b->points && b->points->long_axis && b->points->short_axis);
    EXPECT_EQ(b->points->sop_uid, ImageOf(t, 30).sop_uid);
    const PatientPoint want = PixelToPatient(ImageOf(t, 30), {60, 70});
    for (int k = 0; k < 3; ++k) EXPECT_NEAR((*b->points->long_axis)[0][k], want[k], 1e-4);
  }
  // The Cornerstone lengths: a different Tracking UID per study, so two lesions, named L1/L2
  // because the identifier names a tool, not a lesion; 2.5 cm is converted, and said so.
  const LesionRecord* l1 = r.subject->timepoints[0].Find("L1");
  ASSERT_NE(l1, nullptr) << warnings;
  EXPECT_NEAR(*l1->long_axis_mm, 25.0, 1e-9);
  EXPECT_FALSE(l1->short_axis_mm);
  EXPECT_TRUE(l1->site.empty());
  EXPECT_EQ(l1->points->sop_uid, ImageOf(0, 20).sop_uid);
  EXPECT_NE(r.subject->timepoints[1].Find("L2"), nullptr);
  EXPECT_NE(warnings.find("converted from 2.5 cm to 25"), std::string::npos) << warnings;
  EXPECT_NE(warnings.find("Cornerstone3DTools@^0.1.0:Length') is named L1"), std::string::npos)
      << warnings;
  EXPECT_NE(warnings.find("no lesion category"), std::string::npos) << warnings;
  // The area is not a length nadir uses: reported, not dropped silently.
  EXPECT_NE(warnings.find("\"Area\") = 42 is not a length nadir uses"), std::string::npos)
      << warnings;
}

TEST(SrHandBuilt, DcmtkSampleStyleReportWithDeviceObserverAndDiameterIsRead) {
  // As DCMTK's TID 1500 sample: language, a device observer, an image library entry, a group
  // tracked by name and UID with a Finding and a Diameter.
  CMR_TID1500 report(CID7021_MeasurementReportDocumentTitles::ImagingMeasurementReport);
  ASSERT_TRUE(report.setLanguage(CID5000_Languages::English_US).good());
  ASSERT_TRUE(
      report.getObservationContext().addDeviceObserver("1.2.826.0.1.3680043.9.7.99", "CAD").good());
  ASSERT_TRUE(
      report.addProcedureReported(CID100_QuantitativeDiagnosticImagingProcedures::ImagingProcedure)
          .good());
  DcmFileFormat image;
  ASSERT_TRUE(image.loadFile(ImageOf(0, 25).file.c_str()).good());
  ASSERT_TRUE(report.getImageLibrary().createNewImageLibrary().good());
  ASSERT_TRUE(report.getImageLibrary().addImageGroup().good());
  const OFCondition entry = report.getImageLibrary().addImageEntry(
      *image.getDataset(), TID1600_ImageLibrary::withAllDescriptors);
  ASSERT_TRUE(entry.good() || entry == CMR_EC_NoImageLibraryEntryDescriptorsToBeAdded)
      << entry.text();
  auto& g = report.getIndividualMeasurements();
  ASSERT_TRUE(g.setTrackingIdentifier("nodule 1").good());
  ASSERT_TRUE(g.setTrackingUniqueIdentifier("1.2.826.0.1.3680043.9.7.3").good());
  ASSERT_TRUE(g.setFinding(DSRCodedEntryValue("27925004", "SCT", "Nodule")).good());
  ASSERT_TRUE(g.addFindingSite(DSRCodedEntryValue("39607008", "SCT", "Lung")).good());
  ASSERT_TRUE(g.addMeasurement(CID7469_GenericIntensityAndSizeMeasurements::Diameter,
                               Value("17.75", Units(Units::Millimeter)))
                  .good());
  ASSERT_TRUE(
      g.getMeasurement().addImage(CODE_DCM_SourceOfMeasurement, *image.getDataset()).good());
  const auto dir = Scratch().Fresh("dcmtk_sample");
  Save(report, 0, dir / "sample.dcm");
  if (HasFatalFailure()) return;

  const ImportResult r = ImportReportFiles({dir / "sample.dcm"});
  ASSERT_TRUE(r.subject) << Join(r.errors);
  EXPECT_TRUE(r.errors.empty()) << Join(r.errors);
  ASSERT_EQ(r.subject->timepoints.size(), 1u);
  const LesionRecord* l = r.subject->timepoints[0].Find("nodule 1");
  ASSERT_NE(l, nullptr) << Join(r.warnings);
  EXPECT_NEAR(*l->long_axis_mm, 17.75, 1e-9);
  EXPECT_EQ(l->site, "lung");
  EXPECT_FALSE(l->points);  // an IMAGE reference without SCOORD has no end points
  EXPECT_EQ(AssessmentToJson(*r.subject)["timepoints"][0]["lesions"][0]["tracking_uid"],
            "1.2.826.0.1.3680043.9.7.3");
}

}  // namespace
}  // namespace nadir::dicom::sr
