// TID 1502 Time Point Context in nadir's reports: Subject Time Point Identifier (row 1), Time
// Point (row 3) and Time Point Order (row 5) in every measurement group, in the template's
// order, and read back: order and identifier checked against the study dates, bad values named.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <functional>

#include "dicom/error.h"
#include "dicom/sr/parse_report.h"
#include "tests/sr/sr_fixture.h"

namespace nadir::dicom::sr {
namespace {

using namespace nadir::test;  // the fixture (tests/sr/sr_fixture.h)

namespace fs = std::filesystem;

std::string Str(DcmItem& item, const DcmTagKey& tag) {
  OFString v;
  item.findAndGetOFString(tag, v);
  return v.c_str();
}

std::string ConceptValue(DcmItem& item) {
  DcmItem* name = nullptr;
  if (item.findAndGetSequenceItem(DCM_ConceptNameCodeSequence, name).bad() || !name) return "";
  return Str(*name, DCM_CodeValue);
}

// Calls `visit` on every content item named `code_value`, depth first.
void ForEachNamed(DcmItem& item, const std::string& code_value,
                  const std::function<void(DcmItem&)>& visit) {
  DcmSequenceOfItems* seq = nullptr;
  if (item.findAndGetSequence(DCM_ContentSequence, seq).bad() || !seq) return;
  for (unsigned long i = 0; i < seq->card(); ++i) {
    DcmItem& child = *seq->getItem(i);
    if (ConceptValue(child) == code_value) visit(child);
    ForEachNamed(child, code_value, visit);
  }
}

void SetOrder(DcmItem& num, const char* value) {
  DcmItem* mv = nullptr;
  ASSERT_TRUE(num.findAndGetSequenceItem(DCM_MeasuredValueSequence, mv).good());
  mv->putAndInsertString(DCM_NumericValue, value);
}

TEST(SrTimePointContext, EveryGroupHasIdentifierTimePointAndOrderInTheTemplatesRowOrder) {
  const Subject truth = *ReadTruth(GetPhantom().Truth("PH-001")).subject;
  const auto files = ExportTruth("PH-001", "tpc_rows");
  ASSERT_EQ(files.size(), 3u);
  for (size_t i = 0; i < files.size(); ++i) {
    DcmFileFormat ff;
    ASSERT_TRUE(ff.loadFile(files[i].c_str()).good());
    const std::string date = FormatIsoDate(truth.timepoints[i].date);
    int groups = 0;
    ForEachNamed(*ff.getDataset(), "125007", [&](DcmItem& group) {
      ++groups;
      DcmSequenceOfItems* seq = nullptr;
      ASSERT_TRUE(group.findAndGetSequence(DCM_ContentSequence, seq).good());
      std::vector<std::string> names;
      for (unsigned long k = 0; k < seq->card(); ++k)
        names.push_back(ConceptValue(*seq->getItem(k)));
      auto at = [&](const std::string& v) {
        return std::find(names.begin(), names.end(), v) - names.begin();
      };
      const auto id = at("126070"), tp = at("C2348792"), order = at("126073");
      ASSERT_LT(order, long(names.size())) << files[i];
      EXPECT_LT(id, tp);  // PS3.16 TID 1502: row 1, row 3, row 5
      EXPECT_LT(tp, order);
      DcmItem& id_item = *seq->getItem(id);
      EXPECT_EQ(Str(id_item, DCM_RelationshipType), "HAS OBS CONTEXT");
      EXPECT_EQ(Str(id_item, DCM_TextValue), date);
      DcmItem& order_item = *seq->getItem(order);
      EXPECT_EQ(Str(order_item, DCM_ValueType), "NUM");
      DcmItem* mv = nullptr;
      ASSERT_TRUE(order_item.findAndGetSequenceItem(DCM_MeasuredValueSequence, mv).good());
      EXPECT_EQ(Str(*mv, DCM_NumericValue), std::to_string(i + 1));
      DcmItem* unit = nullptr;
      ASSERT_TRUE(mv->findAndGetSequenceItem(DCM_MeasurementUnitsCodeSequence, unit).good());
      EXPECT_EQ(Str(*unit, DCM_CodeValue), "1");
      EXPECT_EQ(Str(*unit, DCM_CodingSchemeDesignator), "UCUM");
    });
    EXPECT_EQ(groups, int(truth.timepoints[i].lesions.size()));

    std::vector<std::string> errors, warnings;
    const ParsedReport r = ParseReport(ReadSrFile(files[i].string()), errors, warnings);
    EXPECT_TRUE(errors.empty() && warnings.empty()) << Join(errors) << Join(warnings);
    EXPECT_EQ(r.subject_time_point_id, date);
    EXPECT_EQ(r.time_point_order, std::optional<int>(int(i) + 1));
    EXPECT_EQ(r.time_point, truth.timepoints[i].label);
  }
}

// The three reports with the follow-up of week 8 (index 1) edited.
ImportResult ImportWithEditedWeek8(const std::string& name,
                                   const std::function<void(DcmItem&)>& edit) {
  const auto files = ExportTruth("PH-001", name + "_src");
  const fs::path dir = Scratch().Fresh(name);
  for (size_t i = 0; i < files.size(); ++i) {
    if (i == 1)
      EditDataset(files[i], dir / files[i].filename(), edit);
    else
      fs::copy_file(files[i], dir / files[i].filename());
  }
  return ImportReports(dir);
}

TEST(SrTimePointContext, OrderThatIsNotAWholeNumberIsNamedAndIgnored) {
  const ImportResult r = ImportWithEditedWeek8("tpc_nan", [](DcmItem& ds) {
    ForEachNamed(ds, "126073", [](DcmItem& num) { SetOrder(num, "second"); });
  });
  ASSERT_TRUE(r.subject) << Join(r.errors);
  EXPECT_TRUE(r.errors.empty()) << Join(r.errors);
  EXPECT_TRUE(Contains(
      r.warnings,
      "(126073, DCM, \"Time Point Order\") = 'second' is not a whole number from 1; ignored"))
      << Join(r.warnings);
  EXPECT_TRUE(Contains(r.warnings, "PH-001_2026-04-20_SR.dcm: content item 1.4.1"))
      << Join(r.warnings);
  EXPECT_EQ(r.subject->timepoints.size(), 3u);
}

TEST(SrTimePointContext, OrderAgainstTheStudyDatesIsAWarningAndTheDatesDecide) {
  const ImportResult r = ImportWithEditedWeek8("tpc_order", [](DcmItem& ds) {
    ForEachNamed(ds, "126073", [](DcmItem& num) { SetOrder(num, "7"); });
  });
  ASSERT_TRUE(r.subject) << Join(r.errors);
  EXPECT_TRUE(Contains(r.warnings,
                       "PH-001_2026-06-15_SR.dcm: Time Point Order 3 (study date 2026-06-15) "
                       "does not follow"))
      << Join(r.warnings);
  EXPECT_TRUE(Contains(r.warnings, "PH-001_2026-04-20_SR.dcm's 7")) << Join(r.warnings);
  ASSERT_EQ(r.subject->timepoints.size(), 3u);
  EXPECT_EQ(FormatIsoDate(r.subject->timepoints[1].date), "2026-04-20");
  EXPECT_EQ(r.subject->timepoints[1].label, "Week 8");
}

TEST(SrTimePointContext, GroupsOfOneReportThatDisagreeOnTheOrderAreNamed) {
  const ImportResult r = ImportWithEditedWeek8("tpc_groups", [](DcmItem& ds) {
    DcmItem* first = FindContentItem(ds, "126073");
    ASSERT_NE(first, nullptr);
    SetOrder(*first, "4");
  });
  EXPECT_TRUE(
      Contains(r.warnings, "content item 1.4.2: Time Point Order 2 differs from the report's 4"))
      << Join(r.warnings);
}

TEST(SrTimePointContext, IdentifierThatIsAnotherDateIsAWarningAndTheStudyDateIsTaken) {
  const ImportResult r = ImportWithEditedWeek8("tpc_id", [](DcmItem& ds) {
    ForEachNamed(ds, "126070",
                 [](DcmItem& text) { text.putAndInsertString(DCM_TextValue, "2026-04-13"); });
  });
  ASSERT_TRUE(r.subject) << Join(r.errors);
  EXPECT_TRUE(Contains(r.warnings,
                       "Subject Time Point Identifier '2026-04-13' is not the study's date "
                       "2026-04-20; the study date is taken"))
      << Join(r.warnings);
  EXPECT_EQ(FormatIsoDate(r.subject->timepoints[1].date), "2026-04-20");
}

// nadir writes the date as Time Point when a timepoint has no label; it comes back unlabelled.
TEST(SrTimePointContext, TimepointWithoutLabelComesBackWithoutLabel) {
  const LoadedAssessment truth = ReadTruth(GetPhantom().Truth("PH-001"));
  Subject s = *truth.subject;
  s.timepoints[1].label.clear();
  ExportOptions options;
  options.images = GetPhantom().Images("PH-001");
  options.out = Scratch().Fresh("tpc_nolabel");
  ExportAssessment(s, "nolabel.json", options);
  const ImportResult r = ImportReports(options.out);
  ASSERT_TRUE(r.subject) << Join(r.errors);
  EXPECT_EQ(r.subject->timepoints[1].label, "");
  EXPECT_EQ(r.subject->timepoints[2].label, truth.subject->timepoints[2].label);
}

// Another writer's style: no Time Point row, identifiers that are not dates. The identifier is
// the label, and nothing contradicts the study dates.
TEST(SrTimePointContext, IdentifierThatIsNotADateIsTheLabelWhenTimePointIsMissing) {
  const ImportResult r = ImportWithEditedWeek8("tpc_other", [](DcmItem& ds) {
    ForEachNamed(ds, "126070",
                 [](DcmItem& text) { text.putAndInsertString(DCM_TextValue, "TP2"); });
    ForEachNamed(ds, "C2348792", [](DcmItem& text) {
      // Renamed to Protocol Time Point Identifier (126071): the label's last fallback is unused.
      DcmItem* name = nullptr;
      ASSERT_TRUE(text.findAndGetSequenceItem(DCM_ConceptNameCodeSequence, name).good());
      name->putAndInsertString(DCM_CodeValue, "126071");
      name->putAndInsertString(DCM_CodingSchemeDesignator, "DCM");
      name->putAndInsertString(DCM_CodeMeaning, "Protocol Time Point Identifier");
    });
  });
  ASSERT_TRUE(r.subject) << Join(r.errors);
  EXPECT_TRUE(r.errors.empty()) << Join(r.errors);
  EXPECT_TRUE(r.warnings.empty()) << Join(r.warnings);
  EXPECT_EQ(r.subject->timepoints[1].label, "TP2");
}

// The viewer saves the report of the timepoint on screen: one file, with its place among all
// the subject's timepoints as Time Point Order.
TEST(SrTimePointContext, ExportOfOneTimepointKeepsItsOrderAmongAll) {
  const LoadedAssessment truth = ReadTruth(GetPhantom().Truth("PH-001"));
  ExportOptions options;
  options.images = GetPhantom().Images("PH-001");
  options.out = Scratch().Fresh("tpc_one");
  options.only_timepoint = truth.subject->timepoints[2].date;
  const ExportResult written = ExportAssessment(*truth.subject, "PH-001.json", options);
  ASSERT_EQ(written.reports.size(), 1u);
  std::vector<std::string> errors, warnings;
  const ParsedReport r =
      ParseReport(ReadSrFile(written.reports[0].file.string()), errors, warnings);
  EXPECT_EQ(r.date, FormatIsoDate(truth.subject->timepoints[2].date));
  EXPECT_EQ(r.time_point_order, std::optional<int>(3));

  options.only_timepoint = truth.subject->timepoints[0].date + 1;
  try {
    ExportAssessment(*truth.subject, "PH-001.json", options);
    FAIL() << "expected a DicomError";
  } catch (const DicomError& e) {
    EXPECT_EQ(e.tag(), "date");
    EXPECT_EQ(e.value(), FormatIsoDate(*options.only_timepoint));
  }
}

}  // namespace
}  // namespace nadir::dicom::sr
