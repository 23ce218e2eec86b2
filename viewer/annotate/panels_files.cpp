#include "viewer/annotate/panels_files.h"

#include <imgui.h>

#include <cstring>
#include <string>

#include "viewer/core/theme.h"

namespace nadir::annotate {

namespace {

using viewer::kError;
using viewer::kFolder;

const char* ChooseLabel(FileBrowser::Mode mode) {
  switch (mode) {
    case FileBrowser::Mode::kOpenFile:
      return "Open";
    case FileBrowser::Mode::kSaveFile:
      return "Save";
    case FileBrowser::Mode::kChooseFolder:
      return "Choose this folder";
  }
  return "Choose";
}

}  // namespace

void OpenFileDialog(FileBrowser& browser) { ImGui::OpenPopup(browser.title().c_str()); }

std::optional<std::filesystem::path> DrawFileDialog(FileBrowser& browser, bool* cancelled) {
  if (cancelled) *cancelled = false;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(
      ImVec2(vp->Size.x * viewer::kFileDialogShare[0], vp->Size.y * viewer::kFileDialogShare[1]),
      ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.5f),
                          ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  bool open = true;
  if (!ImGui::BeginPopupModal(browser.title().c_str(), &open)) {
    if (!open && cancelled) *cancelled = true;
    return std::nullopt;
  }
  std::optional<std::filesystem::path> chosen;
  if (ImGui::Button("Up")) browser.Up();
  ImGui::SameLine();
  ImGui::TextUnformatted(browser.folder().string().c_str());

  const float footer =
      ImGui::GetFrameHeightWithSpacing() * 2 + ImGui::GetTextLineHeightWithSpacing();
  ImGui::BeginChild("entries", ImVec2(0, -footer), true);
  const std::vector<BrowserEntry> entries = browser.entries();  // a click may relist
  for (const BrowserEntry& e : entries) {
    const std::string label = e.folder ? e.name + "/" : e.name;
    if (e.folder) ImGui::PushStyleColor(ImGuiCol_Text, kFolder);
    const bool picked = ImGui::Selectable(label.c_str(), !e.folder && browser.name() == e.name,
                                          ImGuiSelectableFlags_AllowDoubleClick);
    if (e.folder) ImGui::PopStyleColor();
    if (!picked) continue;
    browser.Click(e);
    if (e.folder) break;
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) chosen = browser.Choose();
  }
  ImGui::EndChild();

  char name[512];
  std::strncpy(name, browser.name().c_str(), sizeof name - 1);
  name[sizeof name - 1] = '\0';
  const bool folder_mode = browser.mode() == FileBrowser::Mode::kChooseFolder;
  ImGui::SetNextItemWidth(-1);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();  // type a name at once
  if (ImGui::InputTextWithHint("##name", folder_mode ? "sub-folder (optional)" : "file name", name,
                               sizeof name, ImGuiInputTextFlags_EnterReturnsTrue)) {
    browser.name() = name;
    chosen = browser.Choose();
  } else {
    browser.name() = name;
  }
  if (ImGui::Button(ChooseLabel(browser.mode()))) chosen = browser.Choose();
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) {
    if (cancelled) *cancelled = true;
    ImGui::CloseCurrentPopup();
  }
  if (!browser.error().empty()) {
    ImGui::SameLine();
    ImGui::TextColored(kError, "%s", browser.error().c_str());
  }
  if (chosen) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return chosen;
}

}  // namespace nadir::annotate
