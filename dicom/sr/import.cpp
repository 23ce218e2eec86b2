// SR files -> one subject's assessment: timepoints are studies, lesions are tracking UIDs.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "dicom/error.h"
#include "dicom/sr/parse_report.h"
#include "dicom/sr/sr.h"
#include "dicom/sr/subject_fields.h"
#include "dicom/sr/time_points.h"
#include "formats/assessment_json.h"

namespace nadir::dicom::sr {

namespace {

namespace fs = std::filesystem;

struct LesionKey {
  std::string key;  // tracking UID, or the tracking identifier when the UID is missing
  std::set<std::string> identifiers;
  std::optional<LesionKind> kind;
  std::string id;
};

// A tracking identifier usable as the lesion id: one lesion's own, not a tool's label such as
// Cornerstone's "Cornerstone3DTools@^0.1.0:Length".
bool UsableId(const std::string& id) {
  return !id.empty() && id.find_first_of(":@^") == std::string::npos && id.size() <= 32;
}

// SCOORD and SCOORD3D of one axis further apart than this are a warning (mm): nadir writes both
// from the same points, so they agree to float precision; half a millimetre is well above that
// and well below a caliper's clinical meaning.
constexpr double kScoordAgreementMm = 0.5;

double Distance(const PatientPoint& a, const PatientPoint& b) {
  return std::sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) +
                   (a[2] - b[2]) * (a[2] - b[2]));
}

// One axis's end points in patient mm. With its image at hand the SCOORD decides: it is what
// was drawn on the image the format names, and it lies on that image's plane; the SCOORD3D is
// then a check. Without the image, the SCOORD3D is taken as it is.
std::optional<std::array<PatientPoint, 2>> AxisInPatient(const ParsedAxis& a,
                                                         const ImageIndex* index,
                                                         const std::string& where,
                                                         std::vector<std::string>& warnings) {
  const ImagePlane* plane = a.pixels && index ? index->Find(a.sop_uid) : nullptr;
  if (!plane) return a.patient;
  const std::array<PatientPoint, 2> drawn{PixelToPatient(*plane, (*a.pixels)[0]),
                                          PixelToPatient(*plane, (*a.pixels)[1])};
  if (!a.patient) return drawn;
  if (!a.frame_of_reference_uid.empty() && !plane->frame_of_reference_uid.empty() &&
      a.frame_of_reference_uid != plane->frame_of_reference_uid) {
    warnings.push_back(where + ": SCOORD3D in frame of reference " + a.frame_of_reference_uid +
                       ", image " + a.sop_uid + " in " + plane->frame_of_reference_uid +
                       "; the SCOORD on its image is kept");
    return drawn;
  }
  const double apart =
      std::max(Distance(drawn[0], (*a.patient)[0]), Distance(drawn[1], (*a.patient)[1]));
  if (apart > kScoordAgreementMm)
    warnings.push_back(where + ": SCOORD on image " + a.sop_uid + " and SCOORD3D are up to " +
                       std::to_string(apart) + " mm apart; the SCOORD on its image is kept");
  return drawn;
}

// The caliper of one group in patient space; what cannot be rebuilt is a warning.
std::optional<CaliperPoints> Points(const ParsedGroup& g, const ParsedReport& r,
                                    const ImageIndex* index, std::vector<std::string>& warnings) {
  CaliperPoints cp;
  bool any = false;
  auto take = [&](const std::optional<ParsedAxis>& axis, auto& slot, const char* name) {
    if (!axis || (!axis->pixels && !axis->patient)) return;
    const std::string where =
        r.file + ": content item " + g.path + ": lesion '" + g.tracking_id + "' " + name;
    const auto ends = AxisInPatient(*axis, index, where, warnings);
    if (!ends) {
      warnings.push_back(r.file + ": content item " + g.path + ": " + name +
                         " end points on image " + axis->sop_uid + " not rebuilt in patient mm (" +
                         (index ? "image not among --images" : "no --images given") + ")");
      return;
    }
    if (!cp.sop_uid.empty() && !axis->sop_uid.empty() && axis->sop_uid != cp.sop_uid) {
      warnings.push_back(
          r.file + ": content item " + g.path + ": " + name + " drawn on image " + axis->sop_uid +
          ", the long axis on " + cp.sop_uid +
          "; the format keeps one image per lesion, so these end points are dropped");
      return;
    }
    if (cp.sop_uid.empty()) cp.sop_uid = axis->sop_uid;
    slot = *ends;
    any = true;
  };
  take(g.long_axis, cp.long_axis, "long axis");
  take(g.short_axis, cp.short_axis, "short axis");
  if (!any) return std::nullopt;
  return cp;
}

// The subject-level fields of the latest report that has them (subject_fields.h). Latest: made
// last (ContentDate and ContentTime), then of the latest study.
nlohmann::ordered_json LatestSubjectFields(std::vector<const ParsedReport*> reports,
                                           std::vector<std::string>& warnings) {
  std::stable_sort(reports.begin(), reports.end(),
                   [](const ParsedReport* a, const ParsedReport* b) {
                     return a->made != b->made ? a->made > b->made : a->date > b->date;
                   });
  std::vector<ReportFields> latest_first;
  for (const ParsedReport* r : reports) latest_first.push_back({r->file, r->subject_fields});
  return ChooseSubjectFields(latest_first, warnings);
}

// `fields` put into the assessment after `reader`, before `timepoints`, as the format lists them.
nlohmann::ordered_json WithSubjectFields(const nlohmann::ordered_json& doc,
                                         const nlohmann::ordered_json& fields) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& [key, value] : doc.items()) {
    if (key == "timepoints")
      for (const auto& [k, v] : fields.items()) out[k] = v;
    out[key] = value;
  }
  return out;
}

void Assemble(const std::vector<SrFile>& files, const ImportOptions& options, ImportResult& out) {
  std::optional<ImageIndex> index;
  if (options.images) {
    try {
      index = IndexImages(*options.images);
    } catch (const DicomError& e) {
      out.errors.push_back(e.what());
    }
  }
  std::vector<ParsedReport> reports;
  for (const SrFile& f : files) {
    try {
      reports.push_back(ParseReport(f, out.errors, out.warnings));
      out.files.push_back(f.file);
    } catch (const DicomError& e) {
      out.errors.push_back(e.what());
    }
  }
  if (reports.empty()) return;

  Subject subject;
  subject.id = reports.front().subject;
  std::map<std::string, Timepoint> by_study;
  std::map<std::string, int> order_of;  // study -> Time Point Order, where a report gives one
  std::vector<LesionKey> keys;
  auto key_of = [&](const std::string& k) -> LesionKey& {
    for (auto& lk : keys)
      if (lk.key == k) return lk;
    keys.push_back({k, {}, std::nullopt, {}});
    return keys.back();
  };
  std::map<std::string, std::set<std::string>> seen;  // study -> keys, for duplicates
  struct Pending {
    std::string study, key;
    const ParsedGroup* group;
    const ParsedReport* report;
  };
  std::vector<Pending> pending;
  std::vector<const ParsedReport*> own;  // the subject's reports
  for (const ParsedReport& r : reports) {
    if (r.subject != subject.id) {
      out.errors.push_back(r.file + ": report of subject '" + r.subject + "', not of '" +
                           subject.id + "' [(0010,0020) PatientID]; not imported");
      continue;
    }
    own.push_back(&r);
    if (!r.reader.empty() && subject.reader.empty())
      subject.reader = r.reader;
    else if (!r.reader.empty() && r.reader != subject.reader)
      out.warnings.push_back(r.file + ": observer '" + r.reader + "' differs from '" +
                             subject.reader + "'; the first is kept");
    Timepoint& tp = by_study[r.study_uid];
    tp.study_uid = r.study_uid;
    tp.date = *ParseIsoDate(r.date);
    if (tp.label.empty()) tp.label = TimePointLabel(r);
    if (r.time_point_order && !order_of.count(r.study_uid))
      order_of[r.study_uid] = *r.time_point_order;
    if (r.clinically_stable) tp.clinically_stable = r.clinically_stable;
    out.responses.insert(out.responses.end(), r.responses.begin(), r.responses.end());
    for (const ParsedGroup& g : r.groups) {
      std::string k = g.tracking_uid;
      if (k.empty() && g.tracking_id.empty()) {
        out.errors.push_back(r.file + ": content item " + g.path +
                             ": measurement group without Tracking Identifier and Tracking Unique "
                             "Identifier; it cannot be followed across timepoints, not imported");
        continue;
      }
      if (k.empty()) {
        k = "id:" + g.tracking_id;
        out.warnings.push_back(r.file + ": content item " + g.path +
                               ": no Tracking Unique Identifier; matched by Tracking Identifier '" +
                               g.tracking_id + "'");
      }
      if (!seen[r.study_uid].insert(k).second) {
        out.errors.push_back(r.file + ": content item " + g.path + ": lesion " + k +
                             " measured twice in study " + r.study_uid +
                             "; the second is not imported");
        continue;
      }
      LesionKey& lk = key_of(k);
      if (!g.tracking_id.empty()) lk.identifiers.insert(g.tracking_id);
      if (g.kind && !lk.kind) lk.kind = g.kind;
      pending.push_back({r.study_uid, k, &g, &r});
    }
  }
  // Lesion ids: the tracking identifier when it names one lesion only, else L1, L2 ...
  std::map<std::string, int> id_use;
  for (const auto& lk : keys)
    for (const auto& id : lk.identifiers) ++id_use[id];
  int generated = 0;
  std::set<std::string> taken;
  for (auto& lk : keys) {
    if (lk.identifiers.size() == 1 && UsableId(*lk.identifiers.begin()) &&
        id_use[*lk.identifiers.begin()] == 1)
      lk.id = *lk.identifiers.begin();
    taken.insert(lk.id);
  }
  for (auto& lk : keys) {
    if (!lk.id.empty()) continue;
    do lk.id = "L" + std::to_string(++generated);
    while (taken.count(lk.id));
    taken.insert(lk.id);
    std::string names;
    for (const auto& i : lk.identifiers) names += (names.empty() ? "'" : ", '") + i + "'";
    out.warnings.push_back("lesion with tracking " + lk.key + " (identifier " +
                           (names.empty() ? "none" : names) + ") is named " + lk.id);
    if (!lk.kind)
      out.warnings.push_back("lesion " + lk.id +
                             ": no lesion category in the reports; taken as a target lesion");
  }
  std::map<std::string, std::string> uid_of;  // lesion id -> tracking UID
  for (const Pending& p : pending) {
    const LesionKey& lk = key_of(p.key);
    const ParsedGroup& g = *p.group;
    LesionRecord l;
    l.id = lk.id;
    l.kind = lk.kind.value_or(LesionKind::kTarget);
    l.site = g.site;
    l.nodal = g.nodal.value_or(g.site == "lymph node");
    if (g.long_axis) l.long_axis_mm = g.long_axis->mm;
    if (g.short_axis) l.short_axis_mm = g.short_axis->mm;
    const bool measured = l.long_axis_mm || l.short_axis_mm;
    l.state = g.state.value_or(
        l.kind == LesionKind::kNonTarget ? LesionState::kPresent
        : measured || l.kind == LesionKind::kNew
            ? (l.kind == LesionKind::kNew ? LesionState::kUnequivocal : LesionState::kMeasured)
            : LesionState::kNotEvaluated);
    l.merged_into = g.merged_into;
    l.new_category = g.new_category;
    l.increased_since_last = g.increased_since_last;
    l.fragments = g.fragments;
    l.points = Points(g, *p.report, index ? &*index : nullptr, out.warnings);
    if (g.volume_ml) {
      // The SR says nothing of how the diameters were taken: the format's default, manual.
      MeasurementMethod m;
      m.volume_ml = g.volume_ml;
      l.method = m;
    }
    if (p.key.rfind("id:", 0) != 0) uid_of[l.id] = p.key;
    by_study[p.study].lesions.push_back(std::move(l));
  }
  for (auto& [uid, tp] : by_study) subject.timepoints.push_back(std::move(tp));
  // Time Point Order orders studies of one date; SortTimepoints (stable) then orders by date,
  // as the format does.
  auto order = [&](const Timepoint& t) {
    const auto it = order_of.find(t.study_uid);
    return it == order_of.end() ? 0 : it->second;
  };
  std::stable_sort(subject.timepoints.begin(), subject.timepoints.end(),
                   [&](const Timepoint& a, const Timepoint& b) { return order(a) < order(b); });
  SortTimepoints(subject);
  subject.extras.tracking_uids = std::move(uid_of);

  CheckTimePointContext(own, out.warnings);
  nlohmann::ordered_json document =
      WithSubjectFields(AssessmentToJson(subject), LatestSubjectFields(own, out.warnings));
  // Text in an SR that is not valid UTF-8 (a wrong SpecificCharacterSet, damaged bytes) cannot
  // go into JSON as is: such bytes become U+FFFD, and the import says so.
  std::string text;
  try {
    text = document.dump();
  } catch (const nlohmann::json::exception&) {
    text = document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out.warnings.push_back(
        "text that is not valid UTF-8 (ids, sites, labels or observer) had "
        "its bad bytes replaced by U+FFFD");
  }
  // The rebuilt file is read back as any assessment is, so what it says is checked the same way.
  // The subject-level fields (protocol, groups ...) are read into the subject there too.
  LoadedAssessment check = ParseAssessment(text, "(imported assessment)");
  out.subject_errors = check.errors;
  for (auto& e : check.errors) out.errors.push_back(e);
  for (auto& w : check.warnings) out.warnings.push_back(w);
  out.subject = std::move(check.subject);
}

}  // namespace

ImportResult ImportReportFiles(const std::vector<fs::path>& files, const ImportOptions& options) {
  ImportResult out;
  std::vector<SrFile> srs;
  for (const auto& f : files) {
    try {
      srs.push_back(ReadSrFile(f.string()));
    } catch (const DicomError& e) {
      out.errors.push_back(e.what());
    }
  }
  try {
    Assemble(srs, options, out);
  } catch (const nlohmann::json::exception& e) {
    // The rebuilt assessment is JSON: any error the JSON library documents (type_error for
    // text that is not UTF-8, out_of_range ...) is an import error naming the reports.
    std::string names;
    for (const auto& f : files) names += (names.empty() ? "" : ", ") + f.string();
    out.subject.reset();
    out.errors.push_back(names + ": cannot build the assessment: " + e.what());
  }
  return out;
}

ImportResult ImportReports(const fs::path& dir, const ImportOptions& options) {
  ImportResult out;
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    out.errors.push_back(dir.string() + ": no such file or folder");
    return out;
  }
  std::vector<fs::path> files;
  if (fs::is_directory(dir, ec)) {
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
         it.increment(ec))
      if (it->is_regular_file(ec)) files.push_back(it->path());
  } else {
    files.push_back(dir);
  }
  std::sort(files.begin(), files.end());
  std::vector<SrFile> srs;
  int not_sr = 0, not_dicom = 0;
  std::string example;
  for (const auto& f : files) {
    try {
      srs.push_back(ReadSrFile(f.string()));
    } catch (const DicomError& e) {
      const bool other_dicom = e.problem().rfind("not a Structured Report", 0) == 0;
      const bool unreadable = e.problem().rfind("not a readable DICOM", 0) == 0;
      if (other_dicom || unreadable) {
        (other_dicom ? not_sr : not_dicom)++;
        if (example.empty()) example = f.string();
      } else {
        out.errors.push_back(e.what());
      }
    }
  }
  if (not_sr + not_dicom > 0)
    out.warnings.push_back("skipped " + std::to_string(not_sr) +
                           " DICOM files that are not SR and " + std::to_string(not_dicom) +
                           " files that are not DICOM under " + dir.string() + " (e.g. " + example +
                           ")");
  if (srs.empty()) {
    out.errors.push_back(dir.string() + ": no DICOM SR file found");
    return out;
  }
  Assemble(srs, options, out);
  return out;
}

}  // namespace nadir::dicom::sr
