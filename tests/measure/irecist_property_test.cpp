// Properties over many generated subjects (measure/io/synthetic_trial.h): iRECIST agrees with
// RECIST 1.1 until there is progression, and every iCPD confirms an earlier iUPD.
#include <gtest/gtest.h>

#include "formats/synthetic_trial.h"
#include "measure/assess.h"

namespace nadir::test {
namespace {

TEST(IRecistProperty, WithoutUnconfirmedProgressionBothCriteriaAgree) {
  int without_iupd = 0, with_iupd = 0;
  for (int i = 0; i < 3000; ++i) {
    const SubjectResult r = AssessSubject(SyntheticSubject(7, i));
    ASSERT_TRUE(r.errors.empty()) << r.subject << ": " << r.errors.front();
    ASSERT_TRUE(r.recist11 && r.irecist);
    bool any_upd = false;
    for (const auto& t : r.irecist->timepoints)
      any_upd |= t.overall == Response::kUPD || t.overall == Response::kCPD;
    if (any_upd) {
      ++with_iupd;
      continue;
    }
    ++without_iupd;
    ASSERT_EQ(r.recist11->timepoints.size(), r.irecist->timepoints.size());
    for (std::size_t k = 0; k < r.irecist->timepoints.size(); ++k)
      EXPECT_EQ(r.recist11->timepoints[k].overall, r.irecist->timepoints[k].overall)
          << r.subject << " follow-up " << k;
    EXPECT_EQ(r.recist11->best.best, r.irecist->best.best) << r.subject;
    EXPECT_EQ(r.recist11->best.response_date, r.irecist->best.response_date) << r.subject;
  }
  // the generator must exercise both branches
  EXPECT_GT(without_iupd, 300);
  EXPECT_GT(with_iupd, 300);
}

TEST(IRecistProperty, EveryConfirmedProgressionFollowsAnUnconfirmedOne) {
  int confirmed = 0;
  for (int i = 0; i < 3000; ++i) {
    const SubjectResult r = AssessSubject(SyntheticSubject(11, i));
    ASSERT_TRUE(r.irecist);
    const auto& tps = r.irecist->timepoints;
    for (std::size_t k = 0; k < tps.size(); ++k) {
      if (tps[k].overall != Response::kCPD) continue;
      ++confirmed;
      ASSERT_TRUE(tps[k].progression_dated_from) << r.subject;
      bool found = false;
      for (std::size_t j = 0; j < k; ++j)
        found |= tps[j].overall == Response::kUPD && tps[j].date == *tps[k].progression_dated_from;
      EXPECT_TRUE(found) << r.subject << ": iCPD on " << FormatIsoDate(tps[k].date)
                         << " without its iUPD";
    }
    // the first RECIST 1.1 progression is an iUPD under iRECIST (I1); later ones need not be
    // (shrinkage after a new lesion resets to iPR while RECIST 1.1 stays PD)
    for (std::size_t k = 0; k < tps.size(); ++k)
      if (r.recist11->timepoints[k].overall == Response::kPD) {
        EXPECT_EQ(tps[k].overall, Response::kUPD) << r.subject;
        break;
      }
  }
  EXPECT_GT(confirmed, 100);
}

}  // namespace
}  // namespace nadir::test
