// The results document as text, written straight from the results (formats/json_writer.h):
// the same bytes as ResultsToJson(results).dump(1), without a JSON tree per subject.
#include <algorithm>
#include <atomic>
#include <thread>

#include "formats/json_writer.h"
#include "formats/results_json.h"

namespace nadir {

namespace {

// Each writes one member, in the order and with the values of SubjectResultToJson.
void MmMember(JsonWriter& w, const char* key, const std::optional<double>& v) {
  w.Key(key);
  v ? w.Number(RoundedMm(*v)) : w.Null();
}
void PctMember(JsonWriter& w, const char* key, const std::optional<double>& v) {
  w.Key(key);
  v ? w.Number(RoundedPct(*v)) : w.Null();
}
void DateMember(JsonWriter& w, const char* key, const std::optional<Date>& d) {
  w.Key(key);
  d ? w.String(FormatIsoDate(*d)) : w.Null();
}
void StringMember(JsonWriter& w, const char* key, std::string_view s) {
  w.Key(key);
  w.String(s);
}

void WriteTimepoint(JsonWriter& w, const TimepointResponse& t, bool irecist) {
  const auto code = [&](Response r) { return irecist ? ToIRecistString(r) : ToString(r); };
  w.BeginObject();
  StringMember(w, "date", FormatIsoDate(t.date));
  StringMember(w, "label", t.label);
  MmMember(w, "sum_mm", t.sum_mm);
  MmMember(w, "nadir_mm", t.nadir_mm);
  PctMember(w, "change_from_baseline_pct", t.change_from_baseline_pct);
  PctMember(w, "change_from_nadir_pct", t.change_from_nadir_pct);
  StringMember(w, "target", code(t.target));
  StringMember(w, "nontarget", code(t.nontarget));
  StringMember(w, "new_lesions", ToString(t.new_lesions));
  if (irecist) {
    MmMember(w, "new_lesion_target_sum_mm", t.new_lesion_target_sum_mm);
    w.Key("new_lesion_targets");
    w.StringArray(t.new_lesion_targets);
  }
  StringMember(w, "overall", code(t.overall));
  StringMember(w, "reason", t.reason);
  if (irecist) {
    DateMember(w, "progression_dated_from", t.progression_dated_from);
    w.Key("clinically_stable");
    t.clinically_stable ? w.Bool(*t.clinically_stable) : w.Null();
  }
  w.EndObject();
}

void WriteCriteria(JsonWriter& w, const CriteriaResult& c, bool irecist) {
  w.BeginObject();
  w.Key("timepoints");
  w.BeginArray();
  for (const auto& t : c.timepoints) WriteTimepoint(w, t, irecist);
  w.EndArray();
  const BestResponse& b = c.best;
  StringMember(w, "best_overall_response", irecist ? ToIRecistString(b.best) : ToString(b.best));
  DateMember(w, "response_date", b.response_date);
  DateMember(w, "control_date", b.control_date);
  DateMember(w, "progression_date", b.progression_date);
  if (irecist) DateMember(w, "unconfirmed_progression_date", b.unconfirmed_progression_date);
  DateMember(w, "last_adequate_assessment_date", b.last_adequate_assessment);
  w.Key("duration_of_response_days");
  b.duration_of_response_days ? w.Integer(*b.duration_of_response_days) : w.Null();
  PctMember(w, "best_change_from_baseline_pct", b.best_change_from_baseline_pct);
  w.EndObject();
}

}  // namespace

std::string SubjectResultDocumentPart(const SubjectResult& r) {
  std::string out = "  ";  // an element of the top-level "subjects" array: two levels in
  out.reserve(4096);
  JsonWriter w(out, 2);
  w.BeginObject();
  w.Key("subject");
  r.subject.empty() ? w.Null() : w.String(r.subject);
  StringMember(w, "reader", r.reader);
  StringMember(w, "file", r.file);
  w.Key("groups");
  w.BeginObject();
  for (const auto& [k, v] : r.groups) StringMember(w, k.c_str(), v);
  w.EndObject();
  w.Key("errors");
  w.StringArray(r.errors);
  w.Key("warnings");
  w.StringArray(r.warnings);
  if (r.baseline) {
    w.Key("baseline");
    w.BeginObject();
    StringMember(w, "date", FormatIsoDate(r.baseline->date));
    MmMember(w, "sum_mm", r.baseline->sum_mm);
    w.Key("targets");
    w.Integer(r.baseline->targets);
    w.Key("nontargets");
    w.Integer(r.baseline->nontargets);
    w.EndObject();
  }
  if (r.recist11) {
    w.Key("recist11");
    WriteCriteria(w, *r.recist11, false);
  }
  if (r.irecist) {
    w.Key("irecist");
    WriteCriteria(w, *r.irecist, true);
  }
  w.EndObject();
  return out;
}

std::string ResultsDocumentHead() {
  return std::string("{\n \"format\": \"") + kResultsFormat + "\",\n \"subjects\": [";
}

std::string ResultsDocumentTail(bool empty) { return empty ? "]\n}\n" : "\n ]\n}\n"; }

std::string ResultsDocumentText(const std::vector<SubjectResult>& results, unsigned threads) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::string> parts(results.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < results.size();)
      parts[i] = SubjectResultDocumentPart(results[i]);
  };
  std::vector<std::thread> pool;
  for (unsigned w = 1; w < threads; ++w) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  std::size_t total = 64;
  for (const auto& p : parts) total += p.size() + 2;
  std::string doc;
  doc.reserve(total);
  doc += ResultsDocumentHead();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    doc += i ? ",\n" : "\n";
    doc += parts[i];
  }
  doc += ResultsDocumentTail(parts.empty());
  return doc;
}

}  // namespace nadir
