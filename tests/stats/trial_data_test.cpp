// Reading adverse_events.csv, kinetics.csv and labs.csv (issue 21 "Bad input"): each bad field
// is an error naming file, line, column and value, and the other rows are still read.
#include "formats/trial_data.h"

#include <gtest/gtest.h>

#include "formats/assessment_json.h"

namespace nadir {
namespace {

const TrialSubjects kSubjects = {
    {"S1", ParseIsoDate("2026-01-10")}, {"S2", ParseIsoDate("2026-01-20")}, {"U", std::nullopt}};

bool HasError(const TrialData& d, const std::string& part) {
  for (const auto& e : d.errors)
    if (e.find(part) != std::string::npos) return true;
  return false;
}

std::string All(const TrialData& d) {
  std::string s;
  for (const auto& e : d.errors) s += e + "\n";
  return s;
}

TEST(TrialData, AdverseEventsGoodAndBadRows) {
  TrialData d;
  ParseAdverseEvents("ae.csv",
                     "subject,term,soc,grade,onset,end,serious,related,dlt\n"
                     "S1,Cytokine release syndrome,Immune system disorders,2,2026-01-12,"
                     "2026-01-15,Y,Y,N\n"
                     "S1,Pyrexia,General disorders,7,2026-01-11,,N,Y,N\n"  // line 3
                     "S9,Pyrexia,General disorders,1,2026-01-11,,N,Y,N\n"  // line 4
                     "S2,Neutropenia,Blood,4,2026-01-10,,N,Y,Y\n"          // line 5
                     "S2,Nausea,\"Gastrointestinal disorders\",1,2026-01-25,2026-01-22,N,N,N\n"
                     "S2,Fatigue,General disorders,1,25/01/2026,,N,maybe,N\n"  // line 7
                     "U,Fatigue,General disorders,1,2026-01-25,,N,N,N\n",      // line 8
                     kSubjects, d);
  ASSERT_EQ(d.adverse_events.size(), 1u) << All(d);
  EXPECT_EQ(d.adverse_events[0].grade, 2);
  EXPECT_TRUE(d.adverse_events[0].serious);
  EXPECT_TRUE(HasError(d, "ae.csv: line 3, column grade: '7'")) << All(d);
  EXPECT_TRUE(HasError(d, "ae.csv: line 4, column subject: 'S9': not a subject")) << All(d);
  EXPECT_TRUE(HasError(d, "ae.csv: line 5, column onset: '2026-01-10': a DLT before infusion"))
      << All(d);
  EXPECT_TRUE(HasError(d, "line 6, column end: '2026-01-22': before the onset")) << All(d);
  EXPECT_TRUE(HasError(d, "line 7, column onset: '25/01/2026'")) << All(d);
  EXPECT_TRUE(HasError(d, "line 7, column related: 'maybe'")) << All(d);
  EXPECT_TRUE(HasError(d, "line 8, column subject: 'U': has no treatment_start")) << All(d);
}

TEST(TrialData, MissingColumnReadsNothing) {
  TrialData d;
  ParseAdverseEvents("ae.csv", "subject,term,grade\nS1,Pyrexia,1\n", kSubjects, d);
  EXPECT_TRUE(d.adverse_events.empty());
  EXPECT_TRUE(HasError(d, "ae.csv: column 'soc' missing")) << All(d);
}

TEST(TrialData, KineticsBlqUnitsAndDays) {
  TrialData d;
  ParseKinetics("k.csv",
                "subject,day,value,unit,blq\n"
                "S1,0,,copies/ug DNA,Y\n"
                "S1,7,15000,copies/ug DNA,N\n"
                "S1,14,<LLOQ,copies/ug DNA,N\n"  // line 4: BLQ as text
                "S1,-2,10,copies/ug DNA,N\n"     // line 5: before infusion
                "S1,21,300,,N\n"                 // line 6: unit missing
                "S1,28,300,mg/L,N\n"             // line 7: unknown unit
                "S1,7,16000,copies/ug DNA,N\n"   // line 8: repeated day
                "S2,3,120,copies/ug DNA,N\n",
                kSubjects, d);
  ASSERT_EQ(d.kinetics["S1"].size(), 2u) << All(d);
  EXPECT_TRUE(d.kinetics["S1"][0].blq);
  EXPECT_EQ(d.kinetics["S2"].size(), 1u);
  EXPECT_EQ(d.kinetics_unit, "copies/ug DNA");
  EXPECT_TRUE(HasError(d, "k.csv: line 4, column value: '<LLOQ': below the limit written as text"))
      << All(d);
  EXPECT_TRUE(HasError(d, "line 5, column day: '-2': before infusion")) << All(d);
  EXPECT_TRUE(HasError(d, "line 6, column unit: '': missing")) << All(d);
  EXPECT_TRUE(HasError(d, "line 7, column unit: 'mg/L'")) << All(d);
  EXPECT_TRUE(HasError(d, "line 8, column day: '7': a second sample")) << All(d);
}

TEST(TrialData, LabsUnitsConvertedToTheReportingUnit) {
  TrialData d;
  ParseLabs("labs.csv",
            "subject,analyte,day,value,unit\n"
            "S1,CRP,0,0.5,mg/dL\n"
            "S1,IL-6,3,250,pg/mL\n"
            "S1,ferritin,3,900,mmol/L\n"  // line 4
            "S1,ferritin,5,900,\n"        // line 5
            "S1,LDH,0,250,U/L\n"
            "S1,LDH,3,4.1,ukat/L\n",  // line 7: second unit of an unknown analyte
            kSubjects, d);
  ASSERT_EQ(d.labs.size(), 3u) << All(d);
  EXPECT_EQ(d.labs[0].value, 5);
  EXPECT_EQ(d.labs[0].unit, "mg/L");
  EXPECT_TRUE(HasError(d, "labs.csv: line 4, column unit: 'mmol/L': not a unit of ferritin"))
      << All(d);
  EXPECT_TRUE(HasError(d, "line 5, column unit: '': missing")) << All(d);
  EXPECT_TRUE(HasError(d, "line 7, column unit: 'ukat/L'")) << All(d);
}

// The format addition: "dlt_evaluable" (default true) is read, kept on writing, and checked.
TEST(TrialData, DltEvaluableInTheAssessmentFile) {
  const std::string base =
      R"({"format": "nadir-assessment/1", "subject": "S1", "treatment_start": "2026-01-10",
          "timepoints": [{"date": "2026-01-05", "lesions": []}])";
  const LoadedAssessment def = ParseAssessment(base + "}", "a.json");
  ASSERT_TRUE(def.subject);
  EXPECT_TRUE(def.subject->dlt_evaluable);
  EXPECT_FALSE(AssessmentToJson(*def.subject).contains("dlt_evaluable"));
  const LoadedAssessment no = ParseAssessment(base + R"(, "dlt_evaluable": false})", "a.json");
  ASSERT_TRUE(no.subject);
  EXPECT_FALSE(no.subject->dlt_evaluable);
  EXPECT_EQ(AssessmentToJson(*no.subject)["dlt_evaluable"], false);
  const LoadedAssessment bad = ParseAssessment(base + R"(, "dlt_evaluable": "no"})", "a.json");
  ASSERT_FALSE(bad.errors.empty());
  EXPECT_NE(bad.errors.front().find("dlt_evaluable"), std::string::npos) << bad.errors.front();
}

}  // namespace
}  // namespace nadir
