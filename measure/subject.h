// One reader's assessment of one subject: the value the whole engine works on.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "measure/date.h"
#include "measure/lesion.h"
#include "measure/protocol.h"

namespace nadir {

struct Timepoint {
  Date date;
  std::string label;
  std::string study_uid;
  std::vector<LesionRecord> lesions;
  std::optional<bool> clinically_stable;  // iRECIST I9, when the protocol collects it

  const LesionRecord* Find(const std::string& id) const;
};

/// What an assessment carries beyond what the engine reads, so that a rewrite and a DICOM SR
/// round trip lose nothing (assessment-v1.md: unknown fields are kept).
struct SubjectExtras {
  /// The assessment document as read (or as last written), as JSON text; empty for a subject
  /// built in memory. The writer (formats/assessment_json.h) keeps from it every field this
  /// version does not know: at the top level, per timepoint (matched by date), per lesion
  /// (matched by id), per fragment, `points` and `method`. Text rather than a tree: measure/
  /// stays free of any JSON library, only formats/ looks inside, and keeping the document
  /// whole keeps the fields in the order the file gave them.
  std::string document;
  /// DICOM Tracking Unique Identifier per lesion id: from an SR import, or the file's
  /// per-lesion `tracking_uid`. One lesion, one UID at every timepoint (dicom/sr/README.md).
  std::map<std::string, std::string> tracking_uids;
};

struct Subject {
  std::string id;
  std::string reader;
  std::map<std::string, std::string> groups;  // arm, dose level ...
  std::map<std::string, double> covariates;   // e.g. cd70_positive_pct
  std::optional<Date> treatment_start;
  std::optional<Date> death_date;
  std::optional<Date> last_known_alive;
  // Counts in the 3+3 dose escalation (issue 21); false for a subject the protocol excludes
  // from DLT evaluation (e.g. dosed below the level, or left before the DLT window ended).
  bool dlt_evaluable = true;
  Protocol protocol;
  std::vector<Timepoint> timepoints;  // sorted by date (SortTimepoints); the first is the baseline
  // The date of the timepoint listed first where the subject came from (a file), before
  // SortTimepoints: the baseline the reader meant when none is labelled (validate.cpp warns
  // when a date typed wrongly made another timepoint the earliest).
  std::optional<Date> listed_first;
  SubjectExtras extras;

  /// Day 0 for SD duration, PFS and OS: treatment start, else the baseline date.
  Date DayZero() const;
};

/// Puts the timepoints in date order, the one order the engine, the viewer and the files use
/// (stable: timepoints of one date keep their order; the validator reports the duplicate
/// date). Records `listed_first` first, unless already recorded. Called wherever a Subject is
/// built from outside (the assessment reader, the SR import) and by AssessSubject for subjects
/// built in memory.
void SortTimepoints(Subject& subject);

}  // namespace nadir
