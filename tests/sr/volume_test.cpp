// A lesion's segmented volume (method.volume_ml, from the one-click measurement) travels in
// DICOM SR as a TID 300 measurement: concept Volume (118565006, SCT; CID 7469 via CID 7472),
// unit ml (UCUM). A lesion without one writes none.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <gtest/gtest.h>

#include "tests/sr/sr_fixture.h"

namespace nadir::dicom::sr::test {
namespace {

namespace fs = std::filesystem;

const char* kVolumeCode = "118565006";

struct Num {
  std::string value, unit, unit_scheme;
};

// Every Volume NUM of a report, in tree order.
void CollectVolumes(DcmItem& item, std::vector<Num>& out) {
  DcmSequenceOfItems* seq = nullptr;
  if (item.findAndGetSequence(DCM_ContentSequence, seq).bad() || !seq) return;
  for (unsigned long i = 0; i < seq->card(); ++i) {
    DcmItem* child = seq->getItem(i);
    DcmItem* name = nullptr;
    OFString code;
    if (child->findAndGetSequenceItem(DCM_ConceptNameCodeSequence, name).good() &&
        name->findAndGetOFString(DCM_CodeValue, code).good() && code == kVolumeCode) {
      Num n;
      DcmItem* mv = nullptr;
      DcmItem* unit = nullptr;
      OFString v;
      if (child->findAndGetSequenceItem(DCM_MeasuredValueSequence, mv).good()) {
        if (mv->findAndGetOFString(DCM_NumericValue, v).good()) n.value = v.c_str();
        if (mv->findAndGetSequenceItem(DCM_MeasurementUnitsCodeSequence, unit).good()) {
          if (unit->findAndGetOFString(DCM_CodeValue, v).good()) n.unit = v.c_str();
          if (unit->findAndGetOFString(DCM_CodingSchemeDesignator, v).good())
            n.unit_scheme = v.c_str();
        }
      }
      out.push_back(n);
    }
    CollectVolumes(*child, out);
  }
}

std::vector<Num> VolumesIn(const fs::path& file) {
  DcmFileFormat ff;
  EXPECT_TRUE(ff.loadFile(file.c_str()).good()) << file;
  std::vector<Num> out;
  CollectVolumes(*ff.getDataset(), out);
  return out;
}

Subject TruthWithoutMethods(const std::string& subject) {
  Subject s = *ReadTruth(GetPhantom().Truth(subject)).subject;
  for (auto& tp : s.timepoints)
    for (auto& l : tp.lesions) l.method.reset();
  return s;
}

TEST(SrVolume, AOneClickVolumeIsWrittenAsAVolumeInMlAndReadBack) {
  const std::string subject = GetPhantom().subjects.front();
  Subject s = TruthWithoutMethods(subject);
  ASSERT_GE(s.timepoints.size(), 2u);
  LesionRecord& first = s.timepoints[0].lesions.at(0);
  MeasurementMethod m;
  m.kind = MeasurementMethod::Kind::kSemiAutomatic;
  m.click = PatientPoint{-60.2, 20.7, -99.5};
  m.volume_ml = 8.9231;
  first.method = m;
  LesionRecord* later = nullptr;
  for (auto& l : s.timepoints[1].lesions)
    if (l.id == first.id) later = &l;
  ASSERT_NE(later, nullptr);
  m.volume_ml = 6.5;
  later->method = m;

  ExportOptions options;
  options.images = GetPhantom().Images(subject);
  options.out = FreshDir("sr_volume");
  const ExportResult written = ExportAssessment(s, "volume.json", options);
  ASSERT_EQ(written.reports.size(), s.timepoints.size());
  for (const auto& r : written.reports) EXPECT_EQ(DciodvfyErrors(r.file), "") << r.file;
  const auto in_baseline = VolumesIn(written.reports[0].file);
  ASSERT_EQ(in_baseline.size(), 1u);
  EXPECT_EQ(in_baseline[0].value, "8.9231");
  EXPECT_EQ(in_baseline[0].unit, "ml");
  EXPECT_EQ(in_baseline[0].unit_scheme, "UCUM");

  const ImportResult back = ImportReports(options.out, ImportOptions{options.images});
  ASSERT_TRUE(back.subject) << Join(back.errors);
  EXPECT_TRUE(back.errors.empty()) << Join(back.errors);
  const LesionRecord* again = back.subject->timepoints[0].Find(first.id);
  ASSERT_TRUE(again && again->method && again->method->volume_ml);
  EXPECT_DOUBLE_EQ(*again->method->volume_ml, 8.9231);
  const LesionRecord* again_later = back.subject->timepoints[1].Find(first.id);
  ASSERT_TRUE(again_later && again_later->method && again_later->method->volume_ml);
  EXPECT_DOUBLE_EQ(*again_later->method->volume_ml, 6.5);
  // Only the volume travels: the lesions without one come back without a method.
  for (const auto& tp : back.subject->timepoints)
    for (const auto& l : tp.lesions) {
      if (l.id != first.id) {
        EXPECT_FALSE(l.method) << l.id;
      }
    }
}

TEST(SrVolume, ALesionWithoutAVolumeWritesNone) {
  const std::string subject = GetPhantom().subjects.front();
  Subject s = TruthWithoutMethods(subject);
  // A method without a volume (manual calipers) writes no Volume either.
  s.timepoints[0].lesions.at(0).method = MeasurementMethod{};
  ExportOptions options;
  options.images = GetPhantom().Images(subject);
  options.out = FreshDir("sr_no_volume");
  const ExportResult written = ExportAssessment(s, "no_volume.json", options);
  ASSERT_FALSE(written.reports.empty());
  for (const auto& r : written.reports) EXPECT_TRUE(VolumesIn(r.file).empty()) << r.file;
  const ImportResult back = ImportReports(options.out, {});
  ASSERT_TRUE(back.subject) << Join(back.errors);
  for (const auto& tp : back.subject->timepoints)
    for (const auto& l : tp.lesions) {
      EXPECT_FALSE(l.method) << l.id;
    }
}

}  // namespace
}  // namespace nadir::dicom::sr::test
