#include "viewer/app/series_warnings.h"

#include <algorithm>

namespace nadir::viewer {
namespace {

constexpr ImU32 kWarning = IM_COL32(255, 170, 60, 255);  // amber-orange, apart from label amber
constexpr ImU32 kNote = IM_COL32(170, 170, 170, 255);
constexpr ImU32 kShadow = IM_COL32(0, 0, 0, 200);

// Routine for CT, not a reason to distrust the images: listed, but not counted as a warning.
bool Routine(const dicom::Warning& w) { return std::holds_alternative<dicom::PaddingReplaced>(w); }

std::string Plural(int n, const char* one) {
  return std::to_string(n) + " " + one + (n == 1 ? "" : "s");
}

std::string Readable(const std::string& code) {
  std::string s = code;
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

void ListTooltip(const SeriesSlot& slot, const char* footer) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
  for (const std::string& line : WarningLines(slot.warnings()))
    ImGui::BulletText("%s", line.c_str());
  if (footer) ImGui::TextDisabled("%s", footer);
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

}  // namespace

WarningBadge BadgeFor(const std::vector<dicom::Warning>& warnings) {
  const int notes = int(std::count_if(warnings.begin(), warnings.end(), Routine));
  const int real = int(warnings.size()) - notes;
  WarningBadge b;
  if (real > 0) b.text = Plural(real, "warning");
  if (notes > 0) b.text += (b.text.empty() ? "" : ", ") + Plural(notes, "note");
  b.routine_only = real == 0 && notes > 0;
  return b;
}

std::vector<std::string> WarningLines(const std::vector<dicom::Warning>& warnings) {
  std::vector<std::string> lines;
  for (bool routine : {false, true})
    for (const dicom::Warning& w : warnings)
      if (Routine(w) == routine)
        lines.push_back((routine ? "note, " : "") + Readable(dicom::Code(w)) + ": " +
                        dicom::Describe(w));
  return lines;
}

void DrawSeriesWarningsBadge(const SeriesSlot& slot, int id) {
  const WarningBadge badge = BadgeFor(slot.warnings());
  if (badge.text.empty()) return;
  // On a line of its own under the entry: beside it, it would cover the entry's text in a
  // narrow column.
  const std::string label = "! " + badge.text + "##warnings" + std::to_string(id);
  ImGui::Indent();
  ImGui::PushStyleColor(ImGuiCol_Text, badge.routine_only ? kNote : kWarning);
  const bool clicked = ImGui::SmallButton(label.c_str());
  ImGui::PopStyleColor();
  const std::string popup = "Loader warnings##" + std::to_string(id);
  if (clicked)
    ImGui::OpenPopup(popup.c_str());
  else if (ImGui::IsItemHovered())
    ListTooltip(slot, "click to keep the list open");
  if (ImGui::BeginPopup(popup.c_str())) {
    ImGui::TextUnformatted(slot.summary().series_description.c_str());
    ImGui::Separator();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
    for (const std::string& line : WarningLines(slot.warnings()))
      ImGui::BulletText("%s", line.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndPopup();
  }
  ImGui::Unindent();
}

void DrawViewportWarningsBadge(ImDrawList* d, ImVec2 at, const SeriesSlot& slot) {
  const WarningBadge badge = BadgeFor(slot.warnings());
  if (badge.text.empty()) return;
  const std::string text = "  ! " + badge.text;
  d->AddText(ImVec2(at.x + 1, at.y + 1), kShadow, text.c_str());
  d->AddText(at, badge.routine_only ? kNote : kWarning, text.c_str());
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  if (ImGui::IsMouseHoveringRect(at, ImVec2(at.x + size.x, at.y + size.y), false))
    ListTooltip(slot, "the study browser keeps this list open on a click");
}

}  // namespace nadir::viewer
