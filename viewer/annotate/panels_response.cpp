// The response panel: the engine's responses for the subject, live, and the sum chart.
#include <imgui.h>

#include <cstdio>
#include <utility>

#include "viewer/annotate/chart.h"
#include "viewer/annotate/panels.h"
#include "viewer/core/theme.h"

namespace nadir::annotate {

namespace {

using viewer::kDim;
using viewer::kError;

std::string Mm(const std::optional<double>& v) {
  if (!v) return "NE";
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", *v);
  return b;
}

std::string Pct(const std::optional<double>& v) {
  if (!v) return "-";
  char b[32];
  std::snprintf(b, sizeof b, "%+.1f %%", *v);
  return b;
}

std::string DateOr(const std::optional<Date>& d, const char* none) {
  return d ? FormatIsoDate(*d) : std::string(none);
}

ImVec4 ColourOf(Response r) {
  switch (r) {
    case Response::kCR:
    case Response::kPR:
      return {0.45f, 0.9f, 0.5f, 1.0f};
    case Response::kSD:
    case Response::kNonCRNonPD:
      return {0.85f, 0.85f, 0.85f, 1.0f};
    case Response::kPD:
    case Response::kUPD:
    case Response::kCPD:
      return {1.0f, 0.45f, 0.4f, 1.0f};
    default:
      return kDim;
  }
}

}  // namespace

std::vector<AnnotateIntent> DrawResponsePanel(const AnnotationSession& s, ResponsePanelState& st) {
  std::vector<AnnotateIntent> out;
  if (!st.open) return out;
  if (!BeginPanel("Response", st.place, &st.open, viewer::kResponsePanelFloating[0],
                  viewer::kResponsePanelFloating[1])) {
    ImGui::End();
    return out;
  }
  const SubjectResult& r = s.Results();
  if (ImGui::RadioButton("RECIST 1.1", !st.irecist)) st.irecist = false;
  ImGui::SameLine();
  if (ImGui::RadioButton("iRECIST", st.irecist)) st.irecist = true;
  if (!r.errors.empty()) {
    ImGui::TextColored(kError, "No responses until the assessment is complete:");
    for (const auto& e : r.errors) ImGui::BulletText("%s", e.c_str());
    ImGui::End();
    return out;
  }
  if (r.baseline)
    ImGui::Text("Baseline %s: sum of diameters %s mm, %d target, %d non-target",
                FormatIsoDate(r.baseline->date).c_str(), Mm(r.baseline->sum_mm).c_str(),
                r.baseline->targets, r.baseline->nontargets);
  const CriteriaResult* cr =
      st.irecist ? (r.irecist ? &*r.irecist : nullptr) : (r.recist11 ? &*r.recist11 : nullptr);
  if (!cr) {
    ImGui::TextColored(kDim, "The protocol does not ask for %s.",
                       st.irecist ? "iRECIST" : "RECIST 1.1");
    ImGui::End();
    return out;
  }
  auto code = [&](Response x) { return st.irecist ? ToIRecistString(x) : ToString(x); };
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
  const int columns = st.irecist ? 11 : 10;
  if (ImGui::BeginTable("responses", columns, flags)) {
    const float em = ImGui::GetFontSize();
    for (auto [h, w] :
         {std::pair{"Date", 5.5f}, std::pair{"Label", 4.5f}, std::pair{"Sum mm", 3.5f},
          std::pair{"Nadir mm", 4.0f}, std::pair{"vs base", 4.0f}, std::pair{"vs nadir", 4.0f},
          std::pair{"Target", 4.0f}, std::pair{"Non-target", 7.5f}, std::pair{"New", 3.0f},
          std::pair{"Overall", 5.0f}})
      ImGui::TableSetupColumn(h, ImGuiTableColumnFlags_WidthFixed, w * em);
    if (st.irecist)
      ImGui::TableSetupColumn("New-lesion sum", ImGuiTableColumnFlags_WidthFixed, 6.5f * em);
    ImGui::TableHeadersRow();
    for (const TimepointResponse& t : cr->timepoints) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(FormatIsoDate(t.date).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(t.label.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(Mm(t.sum_mm).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(Mm(t.nadir_mm).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(Pct(t.change_from_baseline_pct).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(Pct(t.change_from_nadir_pct).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(code(t.target));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(code(t.nontarget));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(ToString(t.new_lesions));
      ImGui::TableNextColumn();
      ImGui::TextColored(ColourOf(t.overall), "%s", code(t.overall));
      if (ImGui::IsItemHovered() && !t.reason.empty()) ImGui::SetTooltip("%s", t.reason.c_str());
      if (st.irecist) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(Mm(t.new_lesion_target_sum_mm).c_str());
      }
    }
    ImGui::EndTable();
  }
  if (cr->timepoints.empty()) ImGui::TextColored(kDim, "No follow-up yet.");
  ImGui::Text("Best overall response:");
  ImGui::SameLine();
  ImGui::TextColored(ColourOf(cr->best.best), "%s", code(cr->best.best));
  ImGui::SameLine();
  ImGui::TextColored(kDim, "response %s, progression %s",
                     DateOr(cr->best.response_date, "-").c_str(),
                     DateOr(cr->best.progression_date, "-").c_str());
  DrawSumChart(r, st.irecist, ImGui::GetContentRegionAvail().x, 150);
  if (!r.warnings.empty())
    ImGui::TextColored(kDim, "%zu warning(s): see Lesions", r.warnings.size());
  ImGui::End();
  return out;
}

}  // namespace nadir::annotate
