// Central imaging review: the reads of each subject, their discordance, the adjudication
// and the read that stands (blinded independent central review, two readers + adjudicator).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "measure/results.h"
#include "measure/review/adjudication.h"
#include "measure/review/criteria_read.h"
#include "measure/review/discordance.h"
#include "measure/review/kappa.h"

namespace nadir {

enum class ReviewStatus {
  kPending,            // fewer than two usable reads
  kAgreed,             // two reads, no discordance under the rules
  kNeedsAdjudication,  // two discordant reads, no adjudication yet
  kAdjudicated,        // two discordant reads and an adjudication naming the read that stands
};

/// "pending", "agreed", "needs adjudication", "adjudicated".
const char* ToString(ReviewStatus status);

struct ReviewOptions {
  std::vector<std::string> readers = {"R1", "R2"};  // the two blinded readers, in this order
  std::vector<Criteria> criteria = {Criteria::kRecist11};
  DiscordanceRules rules;
};

/// One reader's read of the subject as central review sees it.
struct ReaderRead {
  std::string reader;
  std::string file;
  std::vector<std::string> errors;            // the read's own errors (no responses then)
  std::map<Criteria, CriteriaRead> outcomes;  // per criteria the read has results for
};

struct SubjectReview {
  std::string subject;
  std::vector<ReaderRead> reads;  // in the order of ReviewOptions::readers
  ReviewStatus status = ReviewStatus::kPending;
  std::vector<Discordance> discordances;  // empty unless discordant
  std::optional<Adjudication> adjudication;
  // The read that stands: "agreement" (both reads agree; the first reader's file is used),
  // a reader named by the adjudication, or empty while pending or awaiting adjudication.
  std::string final_read;
  std::string final_reader;  // whose file stands ("R1" for agreement); empty when none
  std::string final_file;
  std::vector<std::string> notes;  // why a subject is pending, ignored records ...
};

/// Trial-level agreement under one criteria.
struct CriteriaAgreement {
  Criteria criteria = Criteria::kRecist11;
  int compared = 0;  // subjects with both reads under these criteria
  int best_response_agreeing = 0;
  std::vector<std::string> categories;   // best-response codes in clinical order
  std::vector<std::vector<int>> table;   // [first reader][second reader] counts
  std::optional<Kappa> kappa;            // nullopt when undefined (see CohensKappa)
  int progression_compared = 0;          // subjects where at least one read has a progression date
  int progression_within_tolerance = 0;  // ... and both do, within the date tolerance
};

struct TrialAgreement {
  int subjects = 0;
  int with_two_reads = 0;  // agreed + needs adjudication + adjudicated
  int agreed = 0;
  int needing_adjudication = 0;  // discordant: awaiting or adjudicated
  int adjudicated = 0;
  std::map<std::string, int> adjudicator_chose;  // reader -> times the adjudicator chose it
  std::vector<CriteriaAgreement> by_criteria;
};

struct Review {
  ReviewOptions options;
  std::vector<SubjectReview> subjects;  // sorted by subject id
  TrialAgreement agreement;
  std::vector<std::string> problems;  // records that could not be used, with why
};

/// Groups `reads` (one SubjectResult per reader and subject, reader in `result.reader`) by
/// subject, compares the two readers' reads under every criteria of `options`, applies the
/// adjudications and computes trial agreement. Nothing is dropped: a read by a reader not in
/// `options.readers`, a duplicate read, an adjudication of an unknown subject or naming a reader
/// without a read is listed in `problems` or the subject's `notes`.
Review BuildReview(const std::vector<SubjectResult>& reads,
                   const std::vector<Adjudication>& adjudications, const ReviewOptions& options);

}  // namespace nadir
