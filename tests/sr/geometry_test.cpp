// SCOORD image coordinates <-> patient mm (PS3.3 C.18.6.1.1, C.7.6.2.1.1) and tracking UIDs.
#include <gtest/gtest.h>

#include <cmath>

#include "dicom/sr/codes.h"
#include "dicom/sr/image_index.h"
#include "dicom/sr/sr.h"

namespace nadir::dicom::sr {
namespace {

TEST(SrGeometry, CentreOfTheFirstPixelIsHalfAPixelFromTheCorner) {
  ImagePlane p;
  p.position = {-100, -120, 30};
  p.spacing = {0.8, 0.6};  // rows 0.8 mm apart, columns 0.6 mm apart
  double off = 1;
  const PixelPoint px = PatientToPixel(p, {-100, -120, 30}, &off);
  EXPECT_DOUBLE_EQ(px.column, 0.5);
  EXPECT_DOUBLE_EQ(px.row, 0.5);
  EXPECT_DOUBLE_EQ(off, 0);
  // Ten columns to the right is 10 x 0.6 mm along the row direction (+x), not 10 x 0.8.
  const PixelPoint right = PatientToPixel(p, {-94, -120, 30}, &off);
  EXPECT_NEAR(right.column, 10.5, 1e-12);
  EXPECT_NEAR(right.row, 0.5, 1e-12);
}

TEST(SrGeometry, ObliquePlaneRoundTripsAndReportsOffPlaneDistance) {
  ImagePlane p;
  p.position = {10, 20, 30};
  const double c = std::sqrt(0.5);
  p.orientation = {c, c, 0, 0, 0, -1};  // rows along (1,1,0)/sqrt2, columns feet-ward
  p.spacing = {1.25, 0.7};
  const PatientPoint q = PixelToPatient(p, {37.25, 12.5});
  double off = 1;
  const PixelPoint back = PatientToPixel(p, q, &off);
  EXPECT_NEAR(back.column, 37.25, 1e-9);
  EXPECT_NEAR(back.row, 12.5, 1e-9);
  EXPECT_NEAR(off, 0, 1e-9);
  // Normal is row x column = (c,c,0) x (0,0,-1) = (-c, c, 0).
  PixelPoint ignored = PatientToPixel(p, {q[0] - 2 * c, q[1] + 2 * c, q[2]}, &off);
  (void)ignored;
  EXPECT_NEAR(off, 2.0, 1e-9);
}

TEST(SrTrackingUid, SameLesionSameUidOtherLesionOtherUidAllValid) {
  const std::string a = TrackingUidFor("PH-001", "T1");
  EXPECT_EQ(a, TrackingUidFor("PH-001", "T1"));
  EXPECT_NE(a, TrackingUidFor("PH-001", "T2"));
  EXPECT_NE(a, TrackingUidFor("PH-002", "T1"));
  EXPECT_EQ(a.rfind("2.25.", 0), 0u);
  EXPECT_LE(a.size(), 64u);  // PS3.5 9.1: at most 64 characters
  EXPECT_EQ(a.find_first_not_of("0123456789."), std::string::npos);
  EXPECT_NE(a[5], '0');  // no leading zero in a component
}

TEST(SrCodes, LengthConceptsOfCid7469AndTheOlderSrtCodesAreRecognised) {
  EXPECT_EQ(ClassifyLength({"103339001", "SCT", "Long Axis"}), LengthConcept::kLongAxis);
  EXPECT_EQ(ClassifyLength({"G-A185", "SRT", "Long Axis"}), LengthConcept::kLongAxis);
  EXPECT_EQ(ClassifyLength({"G-A186", "SRT", "Short Axis"}), LengthConcept::kShortAxis);
  EXPECT_EQ(ClassifyLength({"G-D7FE", "SRT", "Length"}), LengthConcept::kLength);
  EXPECT_EQ(ClassifyLength({"G-A185", "SCT", "Long Axis"}), LengthConcept::kNone);
  EXPECT_EQ(MillimetresPer({"cm", "UCUM", "centimeter"}), 10.0);
  EXPECT_FALSE(MillimetresPer({"[in_i]", "UCUM", "inch"}).has_value());
  for (auto s :
       {LesionState::kMeasured, LesionState::kTooSmall, LesionState::kAbsent,
        LesionState::kNotEvaluated, LesionState::kMerged, LesionState::kPresent,
        LesionState::kUnequivocalProgression, LesionState::kEquivocal, LesionState::kUnequivocal}) {
    const Code c = StateCode(s);
    EXPECT_LE(c.value.size(), 16u);  // PS3.5 SH
    EXPECT_EQ(StateFromCode(c), s);
  }
}

// Responses go from the engine's enums to codes with no string in between; DICOM's codes where
// they exist, the private scheme (value = the results format's word) otherwise.
TEST(SrCodes, ResponsesMapToCodesAndBackToTheFormatsWords) {
  EXPECT_EQ(TargetResponseCode(Response::kCR).value, "112041");
  EXPECT_EQ(TargetResponseCode(Response::kSD).value, "112044");
  EXPECT_EQ(NonTargetResponseCode(Response::kNonCRNonPD).value, "112046");
  EXPECT_EQ(NonTargetResponseCode(Response::kPD).value, "112047");
  const Code ne = TargetResponseCode(Response::kNE);
  EXPECT_EQ(ne.scheme, kPrivateScheme);
  EXPECT_EQ(ne.value, "NE");
  EXPECT_EQ(OverallResponseCode(Response::kNonCRNonPD).value, "NON-CR/NON-PD");
  EXPECT_EQ(IRecistOverallResponseCode(Response::kUPD).value, "iUPD");
  EXPECT_EQ(IRecistOverallResponseCode(Response::kPD).value, "iUPD");  // iRECIST never says PD
  EXPECT_EQ(NewLesionsCode(NewLesionStatus::kEquivocal).value, "EQUIVOCAL");
  for (Response r : {Response::kCR, Response::kPR, Response::kSD, Response::kNonCRNonPD,
                     Response::kPD, Response::kNE, Response::kNotApplicable}) {
    EXPECT_EQ(ResponseFromCode(TargetResponseCode(r)), std::string(ToString(r)));
    EXPECT_EQ(ResponseFromCode(NonTargetResponseCode(r)), std::string(ToString(r)));
    EXPECT_EQ(ResponseFromCode(OverallResponseCode(r)), std::string(ToString(r)));
    EXPECT_LE(OverallResponseCode(r).value.size(), 16u);  // PS3.5 SH
  }
  EXPECT_EQ(MillilitresPer({"ml", "UCUM", "milliliter"}), 1.0);
  EXPECT_EQ(MillilitresPer({"mm3", "UCUM", "cubic millimeter"}), 0.001);
  EXPECT_FALSE(MillilitresPer({"ml", "DCM", "ml"}).has_value());
}

}  // namespace
}  // namespace nadir::dicom::sr
