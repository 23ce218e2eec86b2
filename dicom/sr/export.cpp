// Assessment -> one TID 1500 report per timepoint, each in its timepoint's study.
#include <algorithm>
#include <cstdint>
#include <map>

#include "dicom/error.h"
#include "dicom/sr/image_index.h"
#include "dicom/sr/sr.h"
#include "dicom/sr/write_report.h"
#include "measure/assess.h"

namespace nadir::dicom::sr {

namespace {

// FNV-1a, 64 bits, from a chosen offset basis: two bases give 128 name-derived bits.
std::uint64_t Fnv1a(const std::string& text, std::uint64_t basis) {
  std::uint64_t h = basis;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string Decimal(unsigned __int128 v) {
  if (v == 0) return "0";
  std::string s;
  while (v > 0) {
    s.push_back(char('0' + int(v % 10)));
    v /= 10;
  }
  std::reverse(s.begin(), s.end());
  return s;
}

std::string DicomDate(Date d) {
  std::string iso = FormatIsoDate(d);
  iso.erase(std::remove(iso.begin(), iso.end(), '-'), iso.end());
  return iso;
}

// The timepoint's study: by Study Instance UID when the assessment gives one, else by date
// (narrowed to the subject as Patient ID when several studies share the date).
const StudyImages& FindStudy(const ImageIndex& index, const Subject& subject, const Timepoint& tp,
                             const std::string& file) {
  const std::string where = "subject " + subject.id + ", timepoint " + FormatIsoDate(tp.date);
  if (!tp.study_uid.empty()) {
    for (const auto& s : index.studies)
      if (s.study_uid == tp.study_uid) return s;
    throw DicomError(file, "study_uid", tp.study_uid,
                     where + ": no images of this study among the images given");
  }
  std::vector<const StudyImages*> found;
  for (const auto& s : index.studies)
    if (s.date == DicomDate(tp.date)) found.push_back(&s);
  if (found.size() > 1) {
    std::vector<const StudyImages*> own;
    for (const auto* s : found)
      if (s->patient_id == subject.id) own.push_back(s);
    found = own;
  }
  if (found.size() == 1) return *found.front();
  throw DicomError(file, "date", FormatIsoDate(tp.date),
                   where + (found.empty() ? ": no study of this date among the images given"
                                          : ": several studies of this date; give study_uid"));
}

std::optional<TimepointResponse> ResponseAt(const std::optional<CriteriaResult>& r, Date d) {
  if (!r) return std::nullopt;
  for (const auto& t : r->timepoints)
    if (t.date == d) return t;
  return std::nullopt;
}

}  // namespace

std::string TrackingUidFor(const std::string& subject, const std::string& lesion_id) {
  const std::string name = "nadir-tracking/" + subject + "/" + lesion_id;
  std::uint64_t hi = Fnv1a(name, 0xcbf29ce484222325ULL);
  std::uint64_t lo = Fnv1a(name, 0x84222325cbf29ce4ULL ^ hi);
  // Shaped as an RFC 9562 version 8 (custom) UUID, so 2.25 (PS3.5 B.2) applies.
  hi = (hi & ~0xF000ULL) | 0x8000ULL;
  lo = (lo & ~(0x3ULL << 62)) | (0x2ULL << 62);
  return "2.25." + Decimal((static_cast<unsigned __int128>(hi) << 64) | lo);
}

ExportResult ExportAssessment(const Subject& unsorted, const std::string& file,
                              const ExportOptions& options) {
  ExportResult result;
  Subject subject = unsorted;  // Time Point Order counts in date order
  SortTimepoints(subject);
  const ImageIndex index = IndexImages(options.images);
  const SubjectResult responses = AssessSubject(subject);
  if (!responses.errors.empty())
    result.notes.push_back("responses not written: the assessment has errors (" +
                           responses.errors.front() + ")");

  // Tracking UIDs: the subject's own (kept from an import), else derived. One lesion id, one
  // UID, at every timepoint.
  std::map<std::string, std::string> uids = subject.extras.tracking_uids;
  for (const auto& tp : subject.timepoints)
    for (const auto& l : tp.lesions) uids.emplace(l.id, TrackingUidFor(subject.id, l.id));

  const std::vector<SubjectFieldItem> subject_fields = SubjectFieldItems(subject);

  if (options.only_timepoint &&
      std::none_of(subject.timepoints.begin(), subject.timepoints.end(),
                   [&](const Timepoint& tp) { return tp.date == *options.only_timepoint; }))
    throw DicomError(file, "date", FormatIsoDate(*options.only_timepoint),
                     "subject " + subject.id + " has no timepoint of this date to export");
  int time_point_order = 0;
  for (const Timepoint& timepoint : subject.timepoints) {
    const Timepoint* tp = &timepoint;
    ++time_point_order;
    if (options.only_timepoint && tp->date != *options.only_timepoint) continue;
    ReportInput in;
    in.time_point_order = time_point_order;
    in.subject_fields = subject_fields;
    in.subject = &subject;
    in.timepoint = tp;
    in.study = &FindStudy(index, subject, *tp, file);
    in.images = &index;
    in.tracking_uids = uids;
    in.recist11 = ResponseAt(responses.recist11, tp->date);
    in.irecist = ResponseAt(responses.irecist, tp->date);
    in.assessment_file = file;
    if (in.study->date != DicomDate(tp->date))
      result.notes.push_back("timepoint " + FormatIsoDate(tp->date) + ": its study is dated " +
                             in.study->date + "; a reader of the SR takes the study's date");
    const auto path = options.out / (subject.id + "_" + FormatIsoDate(tp->date) + "_SR.dcm");
    result.reports.push_back(WriteReport(in, options, path));
    const auto& notes = result.reports.back().notes;
    result.notes.insert(result.notes.end(), notes.begin(), notes.end());
  }
  return result;
}

}  // namespace nadir::dicom::sr
