// TID 1500 content tree -> ParsedReport. Accepts nadir's reports and those of other writers
// (OHIF / Cornerstone3D: Length and Bidirectional groups, older SRT codes).
#include "dicom/sr/parse_report.h"

#include <cmath>
#include <sstream>

#include "dicom/error.h"
#include "dicom/sr/subject_fields.h"
#include "measure/date.h"

namespace nadir::dicom::sr {

namespace {

const Code kMeasurementReport{"126000", "DCM", "Imaging Measurement Report"};
const Code kMeasurementGroup{"125007", "DCM", "Measurement Group"};
const Code kQualitativeEvaluations{"C0034375", "UMLS", "Qualitative Evaluations"};

struct Context {
  const SrFile& sr;
  std::vector<std::string>& errors;
  std::vector<std::string>& warnings;
  std::string Where(const SrNode& n) const { return sr.file + ": content item " + n.path; }
};

std::string ConceptText(const SrNode& n) { return n.name ? Describe(*n.name) : "(no name name)"; }

std::string IsoDate(const std::string& da) {
  if (da.size() != 8) return {};
  return da.substr(0, 4) + "-" + da.substr(4, 2) + "-" + da.substr(6, 2);
}

std::optional<double> ParseMm(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// "L/S;L/S" as written by nadir (write_report.cpp).
std::vector<Fragment> ParseFragments(const std::string& text, const Context& ctx, const SrNode& n) {
  std::vector<Fragment> out;
  std::stringstream ss(text);
  std::string part;
  while (std::getline(ss, part, ';')) {
    const auto slash = part.find('/');
    Fragment f;
    if (slash == std::string::npos) {
      ctx.errors.push_back(ctx.Where(n) + ": fragment '" + part + "' is not LONG/SHORT; dropped");
      continue;
    }
    f.long_axis_mm = ParseMm(part.substr(0, slash));
    f.short_axis_mm = ParseMm(part.substr(slash + 1));
    out.push_back(f);
  }
  return out;
}

// A NUM length with its unit converted to mm and its end points (TID 300 + TID 320).
std::optional<ParsedAxis> ReadAxis(const SrNode& num, const Context& ctx) {
  if (!num.number || !std::isfinite(*num.number) || *num.number < 0) {
    ctx.errors.push_back(ctx.Where(num) + ": " + ConceptText(num) + " has no usable length ('" +
                         num.number_text + "'); not imported");
    return std::nullopt;
  }
  const Code unit = num.unit.value_or(Code{});
  const auto factor = MillimetresPer(unit);
  if (!factor) {
    ctx.errors.push_back(ctx.Where(num) + ": " + ConceptText(num) + " = " + num.number_text +
                         " in unknown unit " + Describe(unit) + "; not imported");
    return std::nullopt;
  }
  ParsedAxis axis;
  axis.mm = *num.number * *factor;
  if (*factor != 1.0)
    ctx.warnings.push_back(ctx.Where(num) + ": " + ConceptText(num) + " converted from " +
                           num.number_text + " " + unit.value + " to " + std::to_string(axis.mm) +
                           " mm");
  for (const SrNode& c : num.children) {
    bool finite = true;
    for (double v : c.graphic_data) finite = finite && std::isfinite(v);
    if (!finite) {
      ctx.warnings.push_back(ctx.Where(c) +
                             ": graphic data holds a value that is not a finite "
                             "number; end points not imported");
      continue;
    }
    if (c.value_type == "SCOORD") {
      if (c.graphic_type != "POLYLINE" || c.graphic_data.size() != 4) {
        ctx.warnings.push_back(ctx.Where(c) + ": image region " + c.graphic_type + " with " +
                               std::to_string(c.graphic_data.size() / 2) +
                               " points is not a two-point caliper; end points not imported");
        continue;
      }
      if (c.images.empty()) {
        ctx.warnings.push_back(ctx.Where(c) +
                               ": SCOORD without its image; end points not imported");
        continue;
      }
      axis.sop_uid = c.images.front().sop_uid;
      axis.pixels = std::array<PixelPoint, 2>{PixelPoint{c.graphic_data[0], c.graphic_data[1]},
                                              PixelPoint{c.graphic_data[2], c.graphic_data[3]}};
    } else if (c.value_type == "SCOORD3D") {
      if (c.graphic_data.size() != 6) {
        ctx.warnings.push_back(ctx.Where(c) + ": SCOORD3D " + c.graphic_type +
                               " is not a two-point caliper; end points not imported");
        continue;
      }
      const auto& g = c.graphic_data;
      axis.patient = std::array<PatientPoint, 2>{PatientPoint{g[0], g[1], g[2]},
                                                 PatientPoint{g[3], g[4], g[5]}};
      axis.frame_of_reference_uid = c.frame_of_reference_uid;
    } else if (c.value_type == "IMAGE" && !c.images.empty() && axis.sop_uid.empty()) {
      axis.sop_uid = c.images.front().sop_uid;
    }
  }
  return axis;
}

// A NUM volume in ml (converted when written in another UCUM volume unit).
std::optional<double> ReadVolume(const SrNode& num, const Context& ctx) {
  if (!num.number || !std::isfinite(*num.number) || *num.number < 0) {
    ctx.errors.push_back(ctx.Where(num) + ": " + ConceptText(num) + " has no usable volume ('" +
                         num.number_text + "'); not imported");
    return std::nullopt;
  }
  const Code unit = num.unit.value_or(Code{});
  const auto factor = MillilitresPer(unit);
  if (!factor) {
    ctx.errors.push_back(ctx.Where(num) + ": " + ConceptText(num) + " = " + num.number_text +
                         " in unknown unit " + Describe(unit) + "; not imported");
    return std::nullopt;
  }
  const double ml = *num.number * *factor;
  if (*factor != 1.0)
    ctx.warnings.push_back(ctx.Where(num) + ": " + ConceptText(num) + " converted from " +
                           num.number_text + " " + unit.value + " to " + std::to_string(ml) +
                           " ml");
  return ml;
}

// TID 1502 row 5: a whole number from 1. Anything else is named and left out; timepoints are
// ordered by their study dates in any case.
std::optional<int> ReadOrder(const SrNode& n, const Context& ctx) {
  const auto v = n.value_type == "NUM" ? ParseMm(n.number_text) : std::nullopt;
  if (v && *v >= 1 && *v <= 1e6 && *v == std::floor(*v)) return int(*v);
  ctx.warnings.push_back(ctx.Where(n) + ": " + ConceptText(n) + " = '" +
                         (n.value_type == "NUM" ? n.number_text : n.value_type) +
                         "' is not a whole number from 1; ignored");
  return std::nullopt;
}

void ReadQualitative(const SrNode& n, ParsedGroup& g, const Context& ctx) {
  const Code value = n.code.value_or(Code{});
  if (n.Is(code::kBaselineCategory)) {
    if (Same(value, code::kTargetAtBaseline))
      g.kind = LesionKind::kTarget;
    else if (Same(value, code::kNonTargetAtBaseline))
      g.kind = LesionKind::kNonTarget;
    else if (Same(value, code::kNewLesion))
      g.kind = LesionKind::kNew;
    else
      ctx.warnings.push_back(ctx.Where(n) + ": baseline category " + Describe(value) +
                             " not mapped");
  } else if (n.Is(code::kLesionState)) {
    g.state = StateFromCode(value);
    if (!g.state) ctx.errors.push_back(ctx.Where(n) + ": unknown lesion state " + Describe(value));
  } else if (n.Is(code::kNodal)) {
    g.nodal = Same(value, code::kYes);
  } else if (n.Is(code::kIncreased)) {
    g.increased_since_last = Same(value, code::kYes);
  } else if (n.Is(code::kNewCategory)) {
    g.new_category = Same(value, code::kTargetAtBaseline) ? NewLesionCategory::kTarget
                                                          : NewLesionCategory::kNonTarget;
  } else {
    ctx.warnings.push_back(ctx.Where(n) + ": qualitative evaluation " + ConceptText(n) + " = " +
                           Describe(value) + " not mapped");
  }
}

ParsedGroup ReadGroup(const SrNode& group, const Context& ctx) {
  ParsedGroup g;
  g.path = group.path;
  std::optional<ParsedAxis> length;
  for (const SrNode& n : group.children) {
    if (n.Is(code::kTrackingIdentifier))
      g.tracking_id = n.text;
    else if (n.Is(code::kTrackingUid))
      g.tracking_uid = n.text;
    else if (n.Is(code::kFinding))
      continue;  // nadir writes Lesion; others vary, nothing to keep
    else if (n.Is(code::kFindingSite) || n.Is(code::kFindingSiteSrt)) {
      const Code site = n.code.value_or(Code{});
      if (g.site.empty()) g.site = SiteFromCode(site).value_or(site.meaning);
    } else if (n.Is(code::kTimePoint))
      g.time_point = n.text;
    else if (n.Is(code::kSubjectTimePointId))
      g.subject_time_point_id = n.text;
    else if (n.Is(code::kProtocolTimePointId))
      g.protocol_time_point_id = n.text;
    else if (n.Is(code::kTimePointOrder))
      g.time_point_order = ReadOrder(n, ctx);
    else if (n.Is(code::kSiteText))
      g.site = n.text;
    else if (n.Is(code::kMergedInto))
      g.merged_into = n.text;
    else if (n.Is(code::kFragments))
      g.fragments = ParseFragments(n.text, ctx, n);
    else if (n.value_type == "NUM" && n.Is(code::kVolume)) {
      if (const auto ml = ReadVolume(n, ctx)) {
        if (g.volume_ml)
          ctx.warnings.push_back(ctx.Where(n) + ": a second " + ConceptText(n) +
                                 " in one group; the first is kept");
        else
          g.volume_ml = ml;
      }
    } else if (n.value_type == "NUM") {
      const LengthConcept kind = n.name ? ClassifyLength(*n.name) : LengthConcept::kNone;
      if (kind == LengthConcept::kNone) {
        ctx.warnings.push_back(ctx.Where(n) + ": measurement " + ConceptText(n) + " = " +
                               n.number_text + " is not a length nadir uses; not imported");
        continue;
      }
      auto axis = ReadAxis(n, ctx);
      if (!axis) continue;
      auto& slot = kind == LengthConcept::kLongAxis    ? g.long_axis
                   : kind == LengthConcept::kShortAxis ? g.short_axis
                                                       : length;
      if (slot)
        ctx.warnings.push_back(ctx.Where(n) + ": a second " + ConceptText(n) +
                               " in one group; the first is kept");
      else
        slot = axis;
    } else if (n.value_type == "CODE")
      ReadQualitative(n, g, ctx);
    else
      ctx.warnings.push_back(ctx.Where(n) + ": " + n.value_type + " " + ConceptText(n) +
                             " not mapped");
  }
  // A plain Length (Cornerstone's Length tool) is the lesion's long axis.
  if (length && !g.long_axis)
    g.long_axis = length;
  else if (length)
    ctx.warnings.push_back(ctx.Where(group) +
                           ": a Length beside a Long Axis; the Long Axis is kept");
  return g;
}

void ReadResponses(const SrNode& container, ParsedReport& r, const Context& ctx) {
  StatedResponse r11{r.date, "RECIST1.1", "", "", "", ""}, ir{r.date, "iRECIST", "", "", "", ""};
  for (const SrNode& n : container.children) {
    const Code value = n.code.value_or(Code{});
    const std::string word = ResponseFromCode(value).value_or("");
    if (n.Is(code::kResponseMethod)) continue;
    if (n.Is(code::kR11Target))
      r11.target = word;
    else if (n.Is(code::kR11NonTarget))
      r11.nontarget = word;
    else if (n.Is(code::kR11NewLesions))
      r11.new_lesions = word;
    else if (n.Is(code::kR11Overall))
      r11.overall = word;
    else if (n.Is(code::kIrOverall))
      ir.overall = word;
    else if (n.Is(code::kClinicallyStable))
      r.clinically_stable = Same(value, code::kYes);
    else if (n.name && IsSubjectField(*n.name) && n.value_type == "TEXT")
      ReadSubjectField(*n.name, n.text, ctx.Where(n), r.subject_fields, ctx.errors);
    else
      ctx.warnings.push_back(ctx.Where(n) + ": report-level evaluation " + ConceptText(n) +
                             " not mapped");
  }
  if (!r11.overall.empty()) r.responses.push_back(r11);
  if (!ir.overall.empty()) r.responses.push_back(ir);
}

void Walk(const SrNode& node, ParsedReport& r, const Context& ctx) {
  for (const SrNode& n : node.children) {
    if (n.Is(kMeasurementGroup))
      r.groups.push_back(ReadGroup(n, ctx));
    else if (n.Is(kQualitativeEvaluations))
      ReadResponses(n, r, ctx);
    else if (n.Is(code::kPersonObserverName) && r.reader.empty())
      r.reader = n.text;
    else if (n.value_type == "CONTAINER")
      Walk(n, r, ctx);
  }
}

}  // namespace

ParsedReport ParseReport(const SrFile& sr, std::vector<std::string>& errors,
                         std::vector<std::string>& warnings) {
  if (!sr.template_id.empty() && sr.template_id != "1500")
    throw DicomError(sr.file, "(0040,DB00) TemplateIdentifier", sr.template_id,
                     "not a TID 1500 Measurement Report");
  if (sr.template_id.empty() && !sr.root.Is(kMeasurementReport))
    throw DicomError(sr.file, "(0040,A043) ConceptNameCodeSequence", ConceptText(sr.root),
                     "no template identifier and the document title is not a Measurement Report");
  ParsedReport r;
  r.file = sr.file;
  r.subject = sr.clinical_trial_subject_id.empty() ? sr.patient_id : sr.clinical_trial_subject_id;
  r.study_uid = sr.study_uid;
  r.date = IsoDate(sr.study_date);
  if (!ParseIsoDate(r.date))
    throw DicomError(sr.file, "(0008,0020) StudyDate", sr.study_date,
                     "the report's study has no date, so its timepoint is unknown");
  Context ctx{sr, errors, warnings};
  Walk(sr.root, r, ctx);
  for (auto& resp : r.responses) resp.date = r.date;
  r.made = sr.content_date + sr.content_time;
  // The timepoint context of the report is its groups' (one timepoint per report); a group
  // that says otherwise is named, the first group's is kept.
  auto take = [&](std::string ParsedGroup::*field, std::string ParsedReport::*slot,
                  const char* what) {
    for (const auto& g : r.groups) {
      const std::string& v = g.*field;
      if (v.empty()) continue;
      if ((r.*slot).empty())
        r.*slot = v;
      else if (v != r.*slot)
        warnings.push_back(r.file + ": content item " + g.path + ": " + what + " '" + v +
                           "' differs from the report's '" + r.*slot + "'; the first is kept");
    }
  };
  take(&ParsedGroup::time_point, &ParsedReport::time_point, "Time Point");
  take(&ParsedGroup::subject_time_point_id, &ParsedReport::subject_time_point_id,
       "Subject Time Point Identifier");
  take(&ParsedGroup::protocol_time_point_id, &ParsedReport::protocol_time_point_id,
       "Protocol Time Point Identifier");
  for (const auto& g : r.groups) {
    if (!g.time_point_order) continue;
    if (!r.time_point_order)
      r.time_point_order = g.time_point_order;
    else if (*g.time_point_order != *r.time_point_order)
      warnings.push_back(r.file + ": content item " + g.path + ": Time Point Order " +
                         std::to_string(*g.time_point_order) + " differs from the report's " +
                         std::to_string(*r.time_point_order) + "; the first is kept");
  }
  return r;
}

}  // namespace nadir::dicom::sr
