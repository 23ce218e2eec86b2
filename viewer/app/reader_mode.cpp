#include "viewer/app/reader_mode.h"

#include <imgui.h>

#include "viewer/app/panels.h"
#include "viewer/core/theme.h"

namespace nadir::viewer {

namespace {

void Refresh(ReaderModeUi& ui, const AnnotateUi& annotate) {
  const auto& s = annotate.session;
  // Saves, opens and autosaves change what the list shows; reading it again then is cheap.
  const std::string key = s.path() + (s.dirty() ? "*" : "") + std::to_string(s.revision());
  if (key == ui.seen_key) return;
  ui.seen_key = key;
  if (const auto manifest = ReadPackageManifest(ui.cases.dir))
    ui.cases = annotate::ListPackageCases(*manifest);
}

}  // namespace

bool StartReaderMode(ReaderModeUi& ui, const std::string& path, std::string* error) {
  const auto manifest = ReadPackageManifest(path);
  if (!manifest) return true;
  ui.active = true;
  ui.cases = annotate::ListPackageCases(*manifest);
  if (manifest->reader.empty() || manifest->assessments.empty()) {
    if (error)
      *error = manifest->problems.empty() ? path + "/package.json: no assessment listed"
                                          : manifest->problems.front();
    return false;
  }
  return true;
}

std::string FirstCaseToRead(const ReaderModeUi& ui) {
  for (const auto& c : ui.cases.cases)
    if (c.problem.empty() && c.not_assessed > 0) return c.file;
  for (const auto& c : ui.cases.cases)
    if (c.problem.empty()) return c.file;
  return "";
}

std::vector<Intent> DrawReaderCases(ReaderModeUi& ui, const AnnotateUi& annotate,
                                    const ViewportRect& place) {
  std::vector<Intent> out;
  if (!ui.active) return out;
  Refresh(ui, annotate);
  if (place.width <= 0) return out;  // the left column is collapsed
  ImGui::SetNextWindowPos(ImVec2(float(place.x), float(place.y)));
  ImGui::SetNextWindowSize(ImVec2(float(place.width), float(place.height)));
  const std::string title = "Blinded read: reader " + ui.cases.reader + "###reader_cases";
  if (!ImGui::Begin(
          title.c_str(), nullptr,
          ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return out;
  }
  int done = 0;
  for (const auto& c : ui.cases.cases) done += c.problem.empty() && c.not_assessed == 0;
  ImGui::TextDisabled("%d of %zu cases with every lesion recorded", done, ui.cases.cases.size());
  const std::string& open_file = annotate.session.path();
  if (ImGui::BeginTable("cases", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    for (const auto& c : ui.cases.cases) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const std::string label = (c.subject.empty() ? c.relative : c.subject) + "##" + c.file;
      const bool current = c.file == open_file;
      if (ImGui::Selectable(label.c_str(), current, ImGuiSelectableFlags_SpanAllColumns) &&
          !current && c.problem.empty())
        out.push_back(AskFile{FileTask::kOpenPath, c.file});
      ImGui::TableNextColumn();
      const ImVec4 colour = !c.problem.empty() ? kError : c.not_assessed > 0 ? kToDo : kDone;
      ImGui::TextColored(colour, "%s", annotate::CaseStatus(c).c_str());
    }
    ImGui::EndTable();
  }
  for (const auto& p : ui.cases.problems) ImGui::TextColored(kError, "%s", p.c_str());
  ImGui::End();
  return out;
}

}  // namespace nadir::viewer
