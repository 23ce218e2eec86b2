// Bad SR input gets a clear error (or a named conversion) naming the file, item, tag and value;
// never a crash, never a silent drop. Bad export input likewise.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <cstdint>
#include <fstream>
#include <iterator>

#include "dicom/error.h"
#include "tests/sr/sr_fixture.h"

namespace nadir::dicom::sr {
namespace {

using namespace nadir::test;  // the fixture (tests/sr/sr_fixture.h)

namespace fs = std::filesystem;

// One of PH-001's reports (the follow-up of week 8), freshly exported.
fs::path OneReport(const std::string& dir) { return ExportTruth("PH-001", dir).at(1); }

// Removes the content items named `code_value` directly under `item`.
void RemoveChildren(DcmItem& item, const std::string& code_value) {
  DcmSequenceOfItems* seq = nullptr;
  ASSERT_TRUE(item.findAndGetSequence(DCM_ContentSequence, seq).good());
  for (unsigned long i = seq->card(); i-- > 0;) {
    DcmItem* name = nullptr;
    OFString v;
    if (seq->getItem(i)->findAndGetSequenceItem(DCM_ConceptNameCodeSequence, name).good())
      name->findAndGetOFString(DCM_CodeValue, v);
    if (v.c_str() == code_value) delete seq->remove(i);
  }
}

TEST(SrBadInput, FileThatIsNotDicomIsAnErrorNamingIt) {
  const fs::path f = Scratch().Fresh("not_dicom") / "notes.txt";
  std::ofstream(f) << "measurements: T1 32 mm\n";
  const ImportResult r = ImportReportFiles({f});
  EXPECT_FALSE(r.subject);
  ASSERT_TRUE(Contains(r.errors, f.string())) << Join(r.errors);
  EXPECT_TRUE(Contains(r.errors, "not a readable DICOM file")) << Join(r.errors);
}

TEST(SrBadInput, CtImageIsNotAnSrAndTheErrorNamesItsSopClass) {
  const fs::path image = GetPhantom().Images("PH-001") / "2026-02-23" / "IM0001.dcm";
  ASSERT_TRUE(fs::exists(image));
  const ImportResult r = ImportReportFiles({image});
  EXPECT_FALSE(r.subject);
  EXPECT_TRUE(Contains(r.errors, "[(0008,0016) SOPClassUID = '1.2.840.10008.5.1.4.1.1.2']"))
      << Join(r.errors);
  EXPECT_TRUE(Contains(r.errors, "not a Structured Report")) << Join(r.errors);
}

TEST(SrBadInput, FolderOfImagesOnlySaysNoSrFoundAndCountsWhatItSkipped) {
  const ImportResult r = ImportReports(GetPhantom().Images("PH-001"));
  EXPECT_FALSE(r.subject);
  EXPECT_TRUE(Contains(r.errors, "no DICOM SR file found")) << Join(r.errors);
  EXPECT_TRUE(Contains(r.warnings, "DICOM files that are not SR")) << Join(r.warnings);
}

TEST(SrBadInput, WrongTemplateIsAnErrorWithTheTemplateIdentifier) {
  const fs::path out = Scratch().Fresh("wrong_template") / "sr.dcm";
  EditDataset(OneReport("wrong_template_src"), out, [](DcmItem& ds) {
    DcmItem* t = nullptr;
    ASSERT_TRUE(ds.findAndGetSequenceItem(DCM_ContentTemplateSequence, t).good());
    t->putAndInsertString(DCM_TemplateIdentifier, "2000");
  });
  const ImportResult r = ImportReportFiles({out});
  EXPECT_FALSE(r.subject);
  EXPECT_TRUE(Contains(
      r.errors, "not a TID 1500 Measurement Report [(0040,DB00) TemplateIdentifier = '2000']"))
      << Join(r.errors);
}

TEST(SrBadInput, GroupWithoutTrackingIdentifiersIsReportedAndTheOthersStillImported) {
  const fs::path out = Scratch().Fresh("no_tracking") / "sr.dcm";
  EditDataset(OneReport("no_tracking_src"), out, [](DcmItem& ds) {
    DcmItem* group = FindContentItem(ds, "125007");  // the first Measurement Group (T1)
    ASSERT_NE(group, nullptr);
    RemoveChildren(*group, "112039");
    RemoveChildren(*group, "112040");
  });
  const ImportResult r = ImportReportFiles({out});
  EXPECT_TRUE(Contains(r.errors, "without Tracking Identifier and Tracking Unique Identifier"))
      << Join(r.errors);
  EXPECT_TRUE(Contains(r.errors, out.string() + ": content item 1.4.1")) << Join(r.errors);
  ASSERT_TRUE(r.subject);
  EXPECT_EQ(r.subject->timepoints.at(0).Find("T1"), nullptr);
  EXPECT_NE(r.subject->timepoints.at(0).Find("T2"), nullptr);
}

void SetFirstLengthUnit(DcmItem& ds, const char* value, const char* unit) {
  DcmItem* num = FindContentItem(ds, "103339001");  // the first Long Axis
  ASSERT_NE(num, nullptr);
  DcmItem* mv = nullptr;
  ASSERT_TRUE(num->findAndGetSequenceItem(DCM_MeasuredValueSequence, mv).good());
  mv->putAndInsertString(DCM_NumericValue, value);
  DcmItem* u = nullptr;
  ASSERT_TRUE(mv->findAndGetSequenceItem(DCM_MeasurementUnitsCodeSequence, u).good());
  u->putAndInsertString(DCM_CodeValue, unit);
  u->putAndInsertString(DCM_CodeMeaning, unit);
}

TEST(SrBadInput, UnknownUnitIsAnErrorNamingItemValueAndUnit) {
  const fs::path out = Scratch().Fresh("inch") / "sr.dcm";
  EditDataset(OneReport("inch_src"), out,
              [](DcmItem& ds) { SetFirstLengthUnit(ds, "0.79", "[in_i]"); });
  const ImportResult r = ImportReportFiles({out});
  EXPECT_TRUE(Contains(r.errors, "\"Long Axis\") = 0.79 in unknown unit ([in_i], UCUM"))
      << Join(r.errors);
}

TEST(SrBadInput, LengthInCentimetresIsConvertedAndTheConversionIsNamed) {
  const fs::path out = Scratch().Fresh("cm") / "sr.dcm";
  EditDataset(OneReport("cm_src"), out, [](DcmItem& ds) { SetFirstLengthUnit(ds, "2.05", "cm"); });
  const ImportResult r = ImportReportFiles({out});
  ASSERT_TRUE(r.subject) << Join(r.errors);
  EXPECT_NEAR(*r.subject->timepoints.at(0).Find("T1")->long_axis_mm, 20.5, 1e-9);
  EXPECT_TRUE(Contains(r.warnings, "converted from 2.05 cm to 20.5")) << Join(r.warnings);
}

TEST(SrBadInput, TruncatedReportIsAnErrorNotACrash) {
  const fs::path src = OneReport("truncated_src");
  const fs::path out = Scratch().Fresh("truncated") / "sr.dcm";
  fs::copy_file(src, out);
  fs::resize_file(out, fs::file_size(src) / 2);
  const ImportResult r = ImportReportFiles({out});
  EXPECT_FALSE(r.subject);
  EXPECT_TRUE(Contains(r.errors, out.string())) << Join(r.errors);
}

TEST(SrBadInput, ContentNestedAbsurdlyDeepIsRefused) {
  const fs::path out = Scratch().Fresh("deep") / "sr.dcm";
  EditDataset(OneReport("deep_src"), out, [](DcmItem& ds) {
    DcmItem* at = FindContentItem(ds, "125007");
    for (int depth = 0; depth < 80; ++depth) {
      DcmItem* child = nullptr;
      ASSERT_TRUE(at->findOrCreateSequenceItem(DCM_ContentSequence, child, -2).good());
      child->putAndInsertString(DCM_RelationshipType, "CONTAINS");
      child->putAndInsertString(DCM_ValueType, "CONTAINER");
      at = child;
    }
  });
  const ImportResult r = ImportReportFiles({out});
  EXPECT_TRUE(Contains(r.errors, "nested deeper than 64 levels")) << Join(r.errors);
}

// A poor man's fuzzer for gcc builds (clang builds have tests/sr/fuzz_sr.cpp): bytes of a real
// report overwritten at random places must give errors or warnings, never a crash or a throw.
TEST(SrBadInput, RandomlyCorruptedReportsNeverCrashOrThrow) {
  const fs::path src = OneReport("corrupt_src");
  std::ifstream in(src, std::ios::binary);
  const std::string original((std::istreambuf_iterator<char>(in)), {});
  const fs::path out = Scratch().Fresh("corrupt") / "sr.dcm";
  std::uint64_t state = 12345;
  auto next = [&] { return state = state * 6364136223846793005ULL + 1442695040888963407ULL; };
  int failed_reads = 0;
  for (int round = 0; round < 300; ++round) {
    std::string bytes = original;
    for (int k = 0; k < 8; ++k) bytes[132 + next() % (bytes.size() - 132)] = char(next() >> 56);
    std::ofstream(out, std::ios::binary | std::ios::trunc) << bytes;
    ImportResult r;
    ASSERT_NO_THROW(r = ImportReportFiles({out})) << "round " << round;
    if (!r.errors.empty()) ++failed_reads;
  }
  EXPECT_GT(failed_reads, 0);  // the corruption does reach the reader
}

TEST(SrBadExport, TimepointWhoseStudyIsNotAmongTheImagesNamesTheStudyUid) {
  const LoadedAssessment truth = ReadTruth(GetPhantom().Truth("PH-001"));
  ExportOptions options;
  options.images = GetPhantom().Images("PH-002");
  options.out = Scratch().Fresh("no_study");
  try {
    ExportAssessment(*truth.subject, "PH-001.json", options);
    FAIL() << "expected a DicomError";
  } catch (const DicomError& e) {
    EXPECT_EQ(e.tag(), "study_uid");
    EXPECT_EQ(e.value(), truth.subject->timepoints.front().study_uid);
    EXPECT_NE(std::string(e.what()).find("PH-001.json"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(fs::is_empty(options.out));
}

TEST(SrBadExport, CaliperOffItsImagePlaneIsAnErrorNamingTheLesion) {
  LoadedAssessment truth = ReadTruth(GetPhantom().Truth("PH-001"));
  Subject s = *truth.subject;
  (*s.timepoints.at(0).lesions.at(0).points->long_axis)[1][2] += 3.0;  // 3 mm out of the slice
  ExportOptions options;
  options.images = GetPhantom().Images("PH-001");
  options.out = Scratch().Fresh("off_plane");
  try {
    ExportAssessment(s, "PH-001.json", options);
    FAIL() << "expected a DicomError";
  } catch (const DicomError& e) {
    EXPECT_NE(std::string(e.what()).find("lesion " + s.timepoints[0].lesions[0].id),
              std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("off the plane"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace nadir::dicom::sr
