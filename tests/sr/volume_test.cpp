// A lesion's segmented volume (method.volume_ml, from the one-click measurement) travels in
// DICOM SR as a TID 300 measurement: concept Volume (118565006, SCT; CID 7469 via CID 7472),
// unit ml (UCUM). A lesion without one writes none.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <gtest/gtest.h>

#include "tests/sr/sr_fixture.h"

namespace nadir::dicom::sr {
namespace {

using namespace nadir::test;  // the fixture (tests/sr/sr_fixture.h)

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
  options.out = Scratch().Fresh("sr_volume");
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

// Other writers may give a volume in another UCUM unit: mm3 is converted (a warning says so),
// an unknown unit is an error naming the item, value and unit, and nothing is imported.
TEST(SrVolume, AVolumeInMm3IsConvertedAndAnUnknownUnitIsAnError) {
  const std::string subject = GetPhantom().subjects.front();
  Subject s = TruthWithoutMethods(subject);
  const std::string id = s.timepoints[0].lesions.at(0).id;
  s.timepoints[0].lesions.at(0).method = MeasurementMethod{};
  s.timepoints[0].lesions.at(0).method->volume_ml = 8.9231;
  ExportOptions options;
  options.images = GetPhantom().Images(subject);
  options.out = Scratch().Fresh("sr_volume_units");
  options.only_timepoint = s.timepoints[0].date;
  const ExportResult written = ExportAssessment(s, "units.json", options);
  ASSERT_EQ(written.reports.size(), 1u);
  const auto with_unit = [&](const char* value, const char* unit, const std::string& name) {
    const fs::path out = Scratch().Fresh(name) / "sr.dcm";
    EditDataset(written.reports[0].file, out, [&](DcmItem& ds) {
      DcmItem* num = FindContentItem(ds, kVolumeCode);
      ASSERT_NE(num, nullptr);
      DcmItem* mv = nullptr;
      ASSERT_TRUE(num->findAndGetSequenceItem(DCM_MeasuredValueSequence, mv).good());
      mv->putAndInsertString(DCM_NumericValue, value);
      DcmItem* u = nullptr;
      ASSERT_TRUE(mv->findAndGetSequenceItem(DCM_MeasurementUnitsCodeSequence, u).good());
      u->putAndInsertString(DCM_CodeValue, unit);
      u->putAndInsertString(DCM_CodeMeaning, unit);
    });
    return ImportReportFiles({out});
  };
  const ImportResult mm3 = with_unit("8923.1", "mm3", "sr_volume_mm3");
  ASSERT_TRUE(mm3.subject) << Join(mm3.errors);
  const LesionRecord* l = mm3.subject->timepoints.at(0).Find(id);
  ASSERT_TRUE(l && l->method && l->method->volume_ml);
  EXPECT_NEAR(*l->method->volume_ml, 8.9231, 1e-9);
  EXPECT_TRUE(Contains(mm3.warnings, "converted from 8923.1 mm3 to 8.923100 ml"))
      << Join(mm3.warnings);

  const ImportResult gallon = with_unit("0.002", "[gal_us]", "sr_volume_gallon");
  EXPECT_TRUE(Contains(gallon.errors, "\"Volume\") = 0.002 in unknown unit ([gal_us], UCUM"))
      << Join(gallon.errors);
  ASSERT_TRUE(gallon.subject) << Join(gallon.errors);
  const LesionRecord* g = gallon.subject->timepoints.at(0).Find(id);
  ASSERT_NE(g, nullptr);
  EXPECT_FALSE(g->method);
}

TEST(SrVolume, ALesionWithoutAVolumeWritesNone) {
  const std::string subject = GetPhantom().subjects.front();
  Subject s = TruthWithoutMethods(subject);
  // A method without a volume (manual calipers) writes no Volume either.
  s.timepoints[0].lesions.at(0).method = MeasurementMethod{};
  ExportOptions options;
  options.images = GetPhantom().Images(subject);
  options.out = Scratch().Fresh("sr_no_volume");
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
}  // namespace nadir::dicom::sr
