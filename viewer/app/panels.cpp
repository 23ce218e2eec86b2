#include "viewer/app/panels.h"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "viewer/app/series_warnings.h"
#include "viewer/core/theme.h"

namespace nadir::viewer {

namespace {

const char* StateText(const SeriesSlot& s) {
  switch (s.state()) {
    case SeriesSlot::State::kListed:
      return "";
    case SeriesSlot::State::kLoading:
      return "loading";
    case SeriesSlot::State::kReady:
      return "loaded";
    case SeriesSlot::State::kFailed:
      return "FAILED";
  }
  return "";
}

}  // namespace

std::optional<OpenSeries> DrawStudyBrowser(BrowserPanel& panel,
                                           const std::vector<std::unique_ptr<SeriesSlot>>& series,
                                           const ReadingState& state, const ViewportRect& place,
                                           const char* source_label) {
  std::optional<OpenSeries> out;
  ImGui::SetNextWindowPos(ImVec2(float(place.x), float(place.y)));
  ImGui::SetNextWindowSize(ImVec2(float(place.width), float(place.height)));
  ImGui::Begin("Studies", nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
  ImGui::TextDisabled("%s", source_label);
  if (series.empty()) ImGui::TextWrapped("No series found.");
  std::string patient, study;
  bool patient_open = false, study_open = false;
  for (int i = 0; i < int(series.size()); ++i) {
    const SeriesSummary& s = series[i]->summary();
    if (s.patient_id != patient) {
      if (study_open) ImGui::TreePop();
      if (patient_open) ImGui::TreePop();
      patient = s.patient_id, study.clear();
      study_open = false;
      patient_open = ImGui::TreeNodeEx((s.patient_id + "  " + s.patient_name).c_str(),
                                       ImGuiTreeNodeFlags_DefaultOpen);
    }
    if (!patient_open) continue;
    const std::string study_key = s.study_date + "  " + s.study_description;
    if (study_key != study) {
      if (study_open) ImGui::TreePop();
      study = study_key;
      study_open = ImGui::TreeNodeEx((study_key + "##" + std::to_string(i)).c_str(),
                                     ImGuiTreeNodeFlags_DefaultOpen);
    }
    if (!study_open) continue;
    char line[256];
    std::snprintf(line, sizeof line, "%d %s\n%d slices, %.2f mm  %s##s%d", s.series_number,
                  s.series_description.c_str(), s.slices, s.thickness_mm, StateText(*series[i]), i);
    bool shown = false;
    for (const auto& vp : state.viewports) shown |= vp.series == i;
    if (ImGui::Selectable(line, panel.selected == i || shown,
                          ImGuiSelectableFlags_AllowDoubleClick)) {
      panel.selected = i;
      if (ImGui::IsMouseDoubleClicked(0)) out = OpenSeries{i, state.active};
    }
    if (series[i]->state() == SeriesSlot::State::kFailed && ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", series[i]->error().c_str());
    DrawSeriesWarningsBadge(*series[i], i);  // viewer/app/series_warnings.h
  }
  if (study_open) ImGui::TreePop();
  if (patient_open) ImGui::TreePop();
  ImGui::Separator();
  if (panel.selected >= 0 && panel.selected < int(series.size())) {
    ImGui::Text("Open selected series in:");
    for (int v = 0; v < int(state.viewports.size()); ++v) {
      ImGui::SameLine();
      if (ImGui::Button(("viewport " + std::to_string(v + 1)).c_str()))
        out = OpenSeries{panel.selected, v};
    }
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Select a series; double-click opens it in the active viewport.");
    ImGui::PopStyleColor();
  }
  ImGui::End();
  return out;
}

std::vector<Intent> DrawMenuBar(const ReadingState& state, double frame_ms, float& height,
                                const std::function<std::vector<Intent>()>& first_menus) {
  std::vector<Intent> out;
  height = 0;
  if (!ImGui::BeginMainMenuBar()) return out;
  height = ImGui::GetWindowSize().y;
  if (first_menus) out = first_menus();
  if (ImGui::BeginMenu("Layout")) {
    for (Layout l : {Layout::k1x1, Layout::k1x2, Layout::k2x2, Layout::k1x3})
      if (ImGui::MenuItem(std::string(Name(l)).c_str(), nullptr, state.layout == l))
        out.push_back(SetLayout{l});
    ImGui::Separator();
    Linking link = state.link;
    if (ImGui::MenuItem("Link scrolling", "L", &link.scroll) |
        ImGui::MenuItem("Link window/level", nullptr, &link.window))
      out.push_back(SetLinking{link});
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Window")) {
    for (int p = 0; p < int(kWindowPresets.size()); ++p) {
      const auto& preset = kWindowPresets[p];
      char label[96];
      std::snprintf(label, sizeof label, "%s  (W%.0f/L%.0f)", std::string(preset.label).c_str(),
                    preset.wl.width, preset.wl.level);
      if (ImGui::MenuItem(label, std::to_string(p + 1).c_str()))
        out.push_back(SetWindow{state.active, preset.wl});
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    for (Orientation o : {Orientation::kAxial, Orientation::kCoronal, Orientation::kSagittal})
      if (ImGui::MenuItem(std::string(Name(o)).c_str()))
        out.push_back(SetOrientation{state.active, o});
    ImGui::Separator();
    for (double mm : {0.0, 5.0, 10.0, 20.0}) {
      char label[32];
      std::snprintf(label, sizeof label, mm > 0 ? "MIP slab %.0f mm" : "Thin slice", mm);
      if (ImGui::MenuItem(label)) out.push_back(SetSlab{state.active, mm});
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Reset zoom and pan", "R")) out.push_back(ResetView{state.active});
    if (ImGui::MenuItem("3D view (or slices)", "V")) out.push_back(ToggleView3d{state.active});
    if (ImGui::MenuItem("Cine", "Space", state.cine)) out.push_back(ToggleCine{});
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("Keyboard and mouse", "F1", state.show_help)) out.push_back(ToggleHelp{});
    if (ImGui::MenuItem("Quit", "Ctrl+Esc")) out.push_back(Quit{});
    ImGui::EndMenu();
  }
  if (frame_ms > 0) {  // screenshots have no frame time to show
    char timing[64];
    std::snprintf(timing, sizeof timing, "%.2f ms/frame", frame_ms);
    ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(timing).x - 16);
    ImGui::TextDisabled("%s", timing);
  }
  ImGui::EndMainMenuBar();
  return out;
}

bool DrawHelp() {
  bool open = true;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowBgAlpha(kHelpAlpha);
  // Never takes the keyboard: the reading keys keep working while the help is open.
  ImGui::Begin("Keyboard and mouse (F1 or Esc closes)", &open,
               ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize |
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav);
  static constexpr const char* kRows[][2] = {
      {"Mouse wheel, Up/Down", "previous / next slice"},
      {"PageUp/PageDown, Home/End", "10 slices, first / last slice"},
      {"Left drag", "window (right: wider) / level (down: higher)"},
      {"Middle drag, Shift + left drag", "pan"},
      {"Right drag, Ctrl + wheel", "zoom (wheel: about the cursor)"},
      {"1 .. 6", "soft tissue, lung, liver, bone, brain, mediastinum"},
      {"A / C / S", "axial / coronal / sagittal (Shift+A while annotating: A is Auto)"},
      {"N", "next lesion: baseline calipers, its place in the follow-up, an Auto proposal"},
      {"M", "MIP slab 10 mm on / off"},
      {"R", "reset zoom and pan"},
      {"V", "3D view of the series and its Auto lesions / slices (drag turns, wheel zooms)"},
      {"Space", "cine (play through the slices)"},
      {"L", "link scrolling by patient position"},
      {"F1 or H", "this help"},
      {"F12", "save the window as nadir-window-N.png"},
      {"Ctrl + Esc", "quit"},
  };
  if (ImGui::BeginTable(
          "keys", 2,
          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit)) {
    for (const auto& row : kRows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row[0]);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row[1]);
    }
    ImGui::EndTable();
  }
  ImGui::End();
  return open;
}

}  // namespace nadir::viewer
