// The assessment being annotated: one subject's lesions per timepoint, as the engine reads them.
// The model is a nadir::Subject (so what the engine assesses is exactly what is shown and
// saved; its extras keep the fields nadir does not know) and where the reader is: the current
// timepoint and the selected lesion. Plain values; no window.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "measure/subject.h"

namespace nadir::annotate {

struct Annotation {
  Subject subject;       // timepoints sorted by date; the first is the baseline
  int timepoint = 0;     // index into subject.timepoints
  std::string selected;  // id of the selected lesion ("" when none)
};

/// Organs and sites offered by the lesion panel; any other text is allowed too.
const std::vector<std::string>& SitePickList();

/// "T", "NT" or "N": the id prefix of a kind (T1, NT1, N1).
const char* IdPrefix(LesionKind kind);

/// The next free id of a kind across all timepoints (T1, T2 ...; a gap is not reused).
std::string NextLesionId(const Subject& s, LesionKind kind);

/// The state a lesion of this kind starts in when the reader adds it. A new lesion starts
/// equivocal: calling it unequivocal (progression) is the reader's decision, never a default.
LesionState DefaultState(LesionKind kind);

/// The states a reader may pick for a kind (assessment-v1.md, "Lesion at a timepoint").
std::vector<LesionState> StatesFor(LesionKind kind);

Timepoint* CurrentTimepoint(Annotation& a);
const Timepoint* CurrentTimepoint(const Annotation& a);
bool AtBaseline(const Annotation& a);

LesionRecord* FindLesion(Timepoint& tp, const std::string& id);

/// The record of lesion `id` at its first appearance (kind, site and nodal are fixed there).
const LesionRecord* FirstRecord(const Subject& s, const std::string& id);

/// The record of `id` at the latest timepoint before `timepoint` that has one (the previous
/// measurement shown beside a follow-up), nullptr when none.
const LesionRecord* PreviousRecord(const Subject& s, int timepoint, const std::string& id);

/// Lesions seen at an earlier timepoint but not recorded yet at `timepoint`, in order of first
/// appearance: the "not yet assessed" list of a follow-up.
std::vector<std::string> NotYetAssessed(const Subject& s, int timepoint);

/// Inserts a timepoint keeping dates sorted; returns its index, nullopt when the date is
/// already taken.
std::optional<int> AddTimepoint(Annotation& a, Date date, const std::string& label,
                                const std::string& study_uid);

/// The record of `id` at the current timepoint, created from its first record (same kind, site
/// and nodal flag, default state, no diameters) when a follow-up has none yet.
LesionRecord* EnsureRecordHere(Annotation& a, const std::string& id);

}  // namespace nadir::annotate
