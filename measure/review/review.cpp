#include "measure/review/review.h"

#include <algorithm>

#include "measure/review/agreement.h"

namespace nadir {

namespace {

std::string ReaderList(const std::vector<std::string>& readers) {
  std::string s;
  for (const auto& r : readers) s += (s.empty() ? "" : ", ") + r;
  return s;
}

ReaderRead MakeRead(const SubjectResult& result, const ReviewOptions& options,
                    std::vector<std::string>& notes) {
  ReaderRead read{result.reader, result.file, result.errors, {}};
  if (!result.errors.empty()) {
    notes.push_back(result.reader + "'s read (" + result.file +
                    ") has errors: " + result.errors.front());
    return read;
  }
  for (Criteria c : options.criteria) {
    std::string why;
    if (auto outcome = ReadUnder(result, c, &why))
      read.outcomes.emplace(c, std::move(*outcome));
    else
      notes.push_back(result.reader + "'s read has no " + CriteriaName(c) + " outcome: " + why);
  }
  return read;
}

/// Compares the two readers' reads of `s` and sets its status (before adjudication).
void Compare(SubjectReview& s, const ReviewOptions& options) {
  const auto find = [&](const std::string& reader) -> const ReaderRead* {
    for (const auto& r : s.reads)
      if (r.reader == reader) return &r;
    return nullptr;
  };
  const ReaderRead* first = find(options.readers[0]);
  const ReaderRead* second = find(options.readers[1]);
  if (!first || !second) {
    for (const auto* reader : {&options.readers[0], &options.readers[1]})
      if (!find(*reader)) s.notes.push_back("no read by " + *reader + " yet");
    s.status = ReviewStatus::kPending;
    return;
  }
  int compared = 0;
  for (Criteria c : options.criteria) {
    const auto a = first->outcomes.find(c);
    const auto b = second->outcomes.find(c);
    if (a == first->outcomes.end() || b == second->outcomes.end()) continue;
    ++compared;
    auto found = FindDiscordances(c, a->second, b->second, options.rules);
    s.discordances.insert(s.discordances.end(), found.begin(), found.end());
  }
  if (compared == 0) {
    s.notes.push_back("the two reads cannot be compared under any selected criteria");
    s.status = ReviewStatus::kPending;
    return;
  }
  if (s.discordances.empty()) {
    s.status = ReviewStatus::kAgreed;
    s.final_read = "agreement";
    s.final_reader = first->reader;
    s.final_file = first->file;
  } else {
    s.status = ReviewStatus::kNeedsAdjudication;
  }
}

void Apply(SubjectReview& s, const std::vector<const Adjudication*>& records) {
  if (records.empty()) return;
  if (records.size() > 1) {
    std::string files;
    for (const auto* a : records) files += (files.empty() ? "" : ", ") + a->file;
    s.notes.push_back("several adjudication records (" + files +
                      "): none applied until one remains");
    return;
  }
  const Adjudication& a = *records.front();
  if (s.status != ReviewStatus::kNeedsAdjudication) {
    s.notes.push_back("adjudication record " + a.file + " not applied: the subject is " +
                      ToString(s.status));
    return;
  }
  const auto chosen = std::find_if(s.reads.begin(), s.reads.end(), [&](const ReaderRead& r) {
    return r.reader == a.chosen_reader;
  });
  if (chosen == s.reads.end()) {
    s.notes.push_back("adjudication record " + a.file + " chooses reader '" + a.chosen_reader +
                      "', who has no read of this subject");
    return;
  }
  s.status = ReviewStatus::kAdjudicated;
  s.adjudication = a;
  s.final_read = chosen->reader;
  s.final_reader = chosen->reader;
  s.final_file = chosen->file;
}

}  // namespace

const char* ToString(ReviewStatus status) {
  switch (status) {
    case ReviewStatus::kPending:
      return "pending";
    case ReviewStatus::kAgreed:
      return "agreed";
    case ReviewStatus::kNeedsAdjudication:
      return "needs adjudication";
    case ReviewStatus::kAdjudicated:
      return "adjudicated";
  }
  return "?";
}

Review BuildReview(const std::vector<SubjectResult>& reads,
                   const std::vector<Adjudication>& adjudications, const ReviewOptions& options) {
  Review review;
  review.options = options;
  if (options.readers.size() != 2 || options.readers[0] == options.readers[1]) {
    review.problems.push_back("a review needs two different readers, got '" +
                              ReaderList(options.readers) + "'");
    return review;
  }
  std::map<std::string, SubjectReview> by_subject;
  for (const auto& r : reads) {
    if (r.subject.empty()) {
      review.problems.push_back(r.file + ": no subject identifier" +
                                (r.errors.empty() ? "" : ": " + r.errors.front()));
      continue;
    }
    if (std::find(options.readers.begin(), options.readers.end(), r.reader) ==
        options.readers.end()) {
      review.problems.push_back(r.file + ": subject " + r.subject + ": reader '" + r.reader +
                                "' is not one of the review's readers (" +
                                ReaderList(options.readers) + ")");
      continue;
    }
    SubjectReview& s = by_subject[r.subject];
    s.subject = r.subject;
    const auto dup = std::find_if(s.reads.begin(), s.reads.end(),
                                  [&](const ReaderRead& x) { return x.reader == r.reader; });
    if (dup != s.reads.end()) {
      review.problems.push_back(r.file + ": subject " + r.subject + " already has a read by " +
                                r.reader + " in " + dup->file + "; this one is not used");
      continue;
    }
    s.reads.push_back(MakeRead(r, options, s.notes));
  }

  std::map<std::string, std::vector<const Adjudication*>> records;
  for (const auto& a : adjudications) {
    if (!by_subject.count(a.subject)) {
      review.problems.push_back(a.file + ": adjudication of subject '" + a.subject +
                                "', which has no read in this review");
      continue;
    }
    records[a.subject].push_back(&a);
  }

  for (auto& [id, s] : by_subject) {
    std::sort(s.reads.begin(), s.reads.end(), [&](const ReaderRead& a, const ReaderRead& b) {
      return std::find(options.readers.begin(), options.readers.end(), a.reader) <
             std::find(options.readers.begin(), options.readers.end(), b.reader);
    });
    Compare(s, options);
    Apply(s, records[id]);
    review.subjects.push_back(std::move(s));
  }
  review.agreement = ComputeAgreement(review.subjects, options);
  return review;
}

}  // namespace nadir
