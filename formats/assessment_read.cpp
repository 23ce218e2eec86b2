// Reading assessment files: every field the format names, each problem reported with its path.
#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "formats/assessment_json.h"
#include "formats/caliper_points_json.h"
#include "formats/json_fields.h"
#include "formats/json_value_simd.h"
#include "formats/measurement_method_json.h"

namespace nadir {

namespace {

using Json = nlohmann::ordered_json;

struct Named {
  const char* name;
  int value;
};

template <typename Enum, std::size_t N>
std::optional<Enum> Lookup(const Named (&table)[N], const std::string& text) {
  for (const auto& n : table)
    if (text == n.name) return Enum(n.value);
  return std::nullopt;
}

template <std::size_t N>
std::string Choices(const Named (&table)[N]) {
  std::string s;
  for (const auto& n : table) s += (s.empty() ? "" : ", ") + std::string(n.name);
  return s;
}

constexpr Named kKinds[] = {{"target", int(LesionKind::kTarget)},
                            {"nontarget", int(LesionKind::kNonTarget)},
                            {"new", int(LesionKind::kNew)}};

constexpr Named kStates[] = {{"measured", int(LesionState::kMeasured)},
                             {"too_small", int(LesionState::kTooSmall)},
                             {"absent", int(LesionState::kAbsent)},
                             {"not_evaluated", int(LesionState::kNotEvaluated)},
                             {"merged", int(LesionState::kMerged)},
                             {"present", int(LesionState::kPresent)},
                             {"unequivocal_progression", int(LesionState::kUnequivocalProgression)},
                             {"equivocal", int(LesionState::kEquivocal)},
                             {"unequivocal", int(LesionState::kUnequivocal)}};

constexpr Named kCategories[] = {{"target", int(NewLesionCategory::kTarget)},
                                 {"nontarget", int(NewLesionCategory::kNonTarget)}};

template <typename Value>
void ReadLesion(BasicFieldReader<Value>& in, const Value& j, const std::string& path,
                LesionRecord& l) {
  l.id = in.String(j, path, "id", true).value_or("");
  const auto kind_text = in.String(j, path, "kind", true);
  if (kind_text) {
    if (auto k = Lookup<LesionKind>(kKinds, *kind_text))
      l.kind = *k;
    else
      in.Error(Join(path, "kind"),
               "unknown kind '" + *kind_text + "' (expected one of " + Choices(kKinds) + ")");
  }
  l.site = in.String(j, path, "site").value_or("");
  l.nodal = in.Bool(j, path, "nodal").value_or(false);
  l.long_axis_mm = in.Number(j, path, "long_axis_mm");
  l.short_axis_mm = in.Number(j, path, "short_axis_mm");
  l.merged_into = in.String(j, path, "merged_into").value_or("");
  l.increased_since_last = in.Bool(j, path, "increased_since_last").value_or(false);
  if (const auto state = in.String(j, path, "state")) {
    if (auto s = Lookup<LesionState>(kStates, *state))
      l.state = *s;
    else
      in.Error(Join(path, "state"),
               "unknown state '" + *state + "' (expected one of " + Choices(kStates) + ")");
  } else if (j.is_object() && kind_text) {
    // Defaults: a target with diameters is measured, a non-target is present. A new lesion
    // must say whether it is equivocal: guessing would decide progression for the reader.
    if (l.kind == LesionKind::kTarget) l.state = LesionState::kMeasured;
    if (l.kind == LesionKind::kNonTarget) l.state = LesionState::kPresent;
    if (l.kind == LesionKind::kNew)
      in.Error(Join(path, "state"), "missing; a new lesion is 'equivocal' or 'unequivocal'");
  }
  if (const auto cat = in.String(j, path, "new_category")) {
    if (auto c = Lookup<NewLesionCategory>(kCategories, *cat))
      l.new_category = *c;
    else
      in.Error(Join(path, "new_category"),
               "unknown category '" + *cat + "' (expected one of " + Choices(kCategories) + ")");
  }
  if (const auto frags = in.Get(j, path, "fragments")) {
    if (!frags->is_array()) {
      in.Error(Join(path, "fragments"), "expected an array, got " + in.Show(*frags));
    } else {
      frags->ForEach([&](std::size_t f, const Value& fj) {
        const std::string fp = Join(path, "fragments") + "[" + std::to_string(f) + "]";
        Fragment fr;
        fr.long_axis_mm = in.Number(fj, fp, "long_axis_mm");
        fr.short_axis_mm = in.Number(fj, fp, "short_axis_mm");
        if (const auto pts = in.Get(fj, fp, "points"))
          fr.points = ReadCaliperPoints(in, *pts, Join(fp, "points"));
        l.fragments.push_back(fr);
      });
    }
  }
  if (const auto pts = in.Get(j, path, "points"))
    l.points = ReadCaliperPoints(in, *pts, Join(path, "points"));
  if (const auto method = in.Get(j, path, "method"))
    l.method = ReadMeasurementMethod(in, *method, Join(path, "method"));
}

template <typename Value>
void ReadProtocol(BasicFieldReader<Value>& in, const Value& j, Protocol& p) {
  const std::string path = "protocol";
  if (const auto crit = in.Get(j, path, "criteria")) {
    if (!crit->is_array() || crit->size() == 0) {
      in.Error("protocol.criteria", "expected a non-empty array, got " + in.Show(*crit));
    } else {
      p.criteria.clear();
      crit->ForEach([&](std::size_t, const Value& c) {
        const std::string_view name = c.is_string() ? c.str() : std::string_view();
        if (name == "RECIST1.1")
          p.criteria.push_back(Criteria::kRecist11);
        else if (name == "iRECIST")
          p.criteria.push_back(Criteria::kIRecist);
        else
          in.Error("protocol.criteria",
                   "unknown criteria " + in.Show(c) + " (expected \"RECIST1.1\" or \"iRECIST\")");
      });
    }
  }
  if (auto v = in.Bool(j, path, "confirmation")) p.confirmation = *v;
  const auto days = [&](const char* key, int& field) {
    if (auto v = in.Integer(j, path, key)) {
      if (*v < 0)
        in.Error(Join(path, key), std::to_string(*v) + " days is negative");
      else
        field = *v;
    }
  };
  days("confirm_min_days", p.confirm_min_days);
  days("sd_min_days", p.sd_min_days);
  days("irecist_confirm_min_days", p.irecist_confirm_min_days);
  days("irecist_confirm_max_days", p.irecist_confirm_max_days);
  if (in.Get(j, path, "bor_window_days")) {
    int window = 0;
    days("bor_window_days", window);
    p.bor_window_days = window;
  }
  if (auto v = in.Number(j, path, "too_small_mm")) {
    if (*v < 0 || *v > 20)
      in.Error("protocol.too_small_mm", std::to_string(*v) + " mm is not plausible");
    else
      p.too_small_mm = *v;
  }
  if (auto v = in.String(j, path, "dor_from")) {
    if (*v == "response")
      p.dor_from = DurationFrom::kResponse;
    else if (*v == "control")
      p.dor_from = DurationFrom::kControl;
    else
      in.Error("protocol.dor_from", "unknown value '" + *v + "' (expected response or control)");
  }
}

// Reads the fields of a parsed document into out.subject; problems go to out.errors.
template <typename Value>
void ReadDocument(LoadedAssessment& out, const Value& doc) {
  if (!doc.is_object()) {
    out.errors.push_back("document: expected a JSON object, got " +
                         BasicFieldReader<Value>::Show(doc));
    return;
  }
  BasicFieldReader<Value> in(out.errors);
  const auto format = in.String(doc, "", "format");
  if (!format)
    out.warnings.push_back(std::string("format: missing; read as ") + kAssessmentFormat);
  else if (*format != kAssessmentFormat)
    in.Error("format", "'" + *format + "' is not " + kAssessmentFormat);
  if (format) out.format = *format;

  Subject s;
  s.id = in.String(doc, "", "subject", true).value_or("");
  s.reader = in.String(doc, "", "reader").value_or("");
  if (const auto g = in.Get(doc, "", "groups")) {
    if (!g->is_object())
      in.Error("groups", "expected an object of labels, got " + in.Show(*g));
    else
      g->ForEachMember([&](std::string_view key, const Value& v) {
        const std::string k(key);
        if (v.is_string())
          s.groups[k] = std::string(v.str());
        else if (v.is_number_integer())
          s.groups[k] = std::to_string(v.integer());
        else
          in.Error("groups." + k, "expected a string label, got " + in.Show(v));
      });
  }
  if (const auto c = in.Get(doc, "", "covariates")) {
    if (!c->is_object())
      in.Error("covariates", "expected an object of numbers, got " + in.Show(*c));
    else
      c->ForEachMember([&](std::string_view key, const Value& v) {
        if (v.is_number())
          s.covariates[std::string(key)] = v.number();
        else if (!v.is_null())
          in.Error("covariates." + std::string(key), "expected a number, got " + in.Show(v));
      });
  }
  s.treatment_start = in.IsoDate(doc, "", "treatment_start");
  s.death_date = in.IsoDate(doc, "", "death_date");
  s.last_known_alive = in.IsoDate(doc, "", "last_known_alive");
  s.dlt_evaluable = in.Bool(doc, "", "dlt_evaluable").value_or(true);
  if (const auto p = in.Get(doc, "", "protocol")) ReadProtocol(in, *p, s.protocol);

  const auto tps = in.Get(doc, "", "timepoints");
  if (!tps) {
    in.Error("timepoints", "missing (required)");
  } else if (!tps->is_array()) {
    in.Error("timepoints", "expected an array, got " + in.Show(*tps));
  } else {
    tps->ForEach([&](std::size_t t, const Value& tj) {
      const std::string path = "timepoints[" + std::to_string(t) + "]";
      Timepoint tp;
      tp.date = in.IsoDate(tj, path, "date", true).value_or(Date{});
      tp.label = in.String(tj, path, "label").value_or("");
      tp.study_uid = in.String(tj, path, "study_uid").value_or("");
      tp.clinically_stable = in.Bool(tj, path, "clinically_stable");
      if (const auto ls = in.Get(tj, path, "lesions")) {
        if (!ls->is_array()) {
          in.Error(Join(path, "lesions"), "expected an array, got " + in.Show(*ls));
        } else {
          tp.lesions.reserve(ls->size());
          ls->ForEach([&](std::size_t i, const Value& lj) {
            LesionRecord l;
            ReadLesion(in, lj, Join(path, "lesions") + "[" + std::to_string(i) + "]", l);
            // Not part of the format (kept as an unknown field), written by the SR import.
            if (lj.is_object())
              if (const auto uid = lj.find("tracking_uid"); uid && uid->is_string())
                s.extras.tracking_uids.emplace(l.id, std::string(uid->str()));
            tp.lesions.push_back(std::move(l));
          });
        }
      }
      s.timepoints.push_back(std::move(tp));
    });
  }
  SortTimepoints(s);
  out.subject = std::move(s);
}

}  // namespace

LoadedAssessment ParseAssessment(std::string_view text, const std::string& file) {
  LoadedAssessment out;
  out.file = file;
  try {
    out.document = Json::parse(text.begin(), text.end());
  } catch (const Json::exception& e) {
    // Every error the JSON library documents derives from json::exception: parse_error, and
    // out_of_range 406 for a number no double holds ("long_axis_mm": 1e400), among others.
    out.errors.push_back(std::string("not valid JSON: ") + e.what());
    return out;
  }
  try {
    ReadDocument(out, NlohmannValue(out.document));
    if (out.subject) out.subject->extras.document = std::string(text);
  } catch (const Json::exception& e) {
    // The field readers check types before converting; this is the net under them.
    out.subject.reset();
    out.errors.push_back(std::string("unreadable JSON value: ") + e.what());
  }
  return out;
}

LoadedAssessment ParseAssessmentForBatch(std::string_view text, const std::string& file) {
  // One parser per thread: it keeps its buffers from one file to the next.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(text.data(), text.size()).get(root) == simdjson::SUCCESS) {
    LoadedAssessment out;
    out.file = file;
    ReadDocument(out, SimdValue(root));
    out.by_simdjson = out.errors.empty();
    if (out.by_simdjson) return out;
  }
  // Not valid JSON, or a problem in a field: nlohmann's reading gives the messages, with the
  // parser's position and nlohmann's rendering of values, word for word as ParseAssessment.
  LoadedAssessment out = ParseAssessment(text, file);
  out.document = Json();
  if (out.subject) out.subject->extras.document.clear();
  return out;
}

std::optional<std::string> ReadTextFile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return std::nullopt;
  std::string text;
  // One read of the whole file when its size is known (an assessment is a few kB).
  if (struct stat st{}; ::fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
    text.reserve(static_cast<std::size_t>(st.st_size) + 1);
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
  const bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) return std::nullopt;
  return text;
}

LoadedAssessment ReadAssessmentFile(const std::string& path, AssessmentUse use) {
  const auto text = ReadTextFile(path);
  if (!text) {
    LoadedAssessment out;
    out.file = path;
    out.errors.push_back("cannot open or read the file");
    return out;
  }
  return use == AssessmentUse::kBatch ? ParseAssessmentForBatch(*text, path)
                                      : ParseAssessment(*text, path);
}

}  // namespace nadir
