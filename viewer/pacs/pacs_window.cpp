// The "Open from PACS" window (see pacs_window.h).
#include "viewer/pacs/pacs_window.h"

#include <imgui.h>

#include <cstdio>

#include "pacs/config.h"
#include "viewer/core/theme.h"

namespace nadir::viewer {

namespace {

// A node from what the reader typed: a URL is DICOMweb, anything else AET@HOST:PORT.
pacs::Node TypedNode(const std::string& address) {
  pacs::Node n;
  n.name = address;
  if (address.rfind("http://", 0) == 0 || address.rfind("https://", 0) == 0) {
    n.web = pacs::WebNode{address, pacs::ReadCredentials(), ""};
  } else {
    n.dimse = pacs::ParseDimseAddress(address);  // throws, naming what is wrong
  }
  return n;
}

void Connect(PacsWindowUi& ui) {
  ui.connect_error.clear();
  try {
    pacs::Node node = ui.node >= 0 ? ui.file_nodes.at(ui.node) : TypedNode(ui.address);
    pacs::Options options;
    options.own_aet = ui.own_aet;
    ui.browser = std::make_unique<PacsBrowser>(std::move(node), options, pacs::CacheOptions{});
    ui.selected = -1;
    ui.handed_on = 0;
    ui.printed = 0;
  } catch (const std::exception& e) {
    ui.connect_error = e.what();
  }
}

void DrawNode(PacsWindowUi& ui) {
  const char* preview = ui.node >= 0 ? ui.file_nodes[ui.node].name.c_str() : "address below";
  if (ImGui::BeginCombo("PACS", preview)) {
    if (ImGui::Selectable("address below", ui.node < 0)) ui.node = -1;
    for (int i = 0; i < int(ui.file_nodes.size()); ++i)
      if (ImGui::Selectable(ui.file_nodes[i].name.c_str(), ui.node == i)) ui.node = i;
    ImGui::EndCombo();
  }
  if (ui.node < 0)
    ImGui::InputTextWithHint("Address", "AET@HOST:PORT or https://host/dicom-web", ui.address,
                             sizeof ui.address);
  ImGui::InputText("Our AE title", ui.own_aet, sizeof ui.own_aet);
  if (ImGui::Button("Connect")) Connect(ui);
  if (ui.browser) {
    ImGui::SameLine();
    ImGui::TextDisabled("connected to %s", ui.browser->node().name.c_str());
  }
  if (!ui.file_error.empty()) ImGui::TextColored(kError, "%s", ui.file_error.c_str());
  if (!ui.connect_error.empty()) ImGui::TextColored(kError, "%s", ui.connect_error.c_str());
}

void DrawQuery(PacsWindowUi& ui, bool busy) {
  ImGui::InputText("Patient ID", ui.patient_id, sizeof ui.patient_id);
  ImGui::InputText("Trial subject ID", ui.subject_id, sizeof ui.subject_id);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::InputTextWithHint("##from", "YYYYMMDD", ui.date_from, sizeof ui.date_from);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::InputTextWithHint("Study dates", "YYYYMMDD", ui.date_to, sizeof ui.date_to);
  ImGui::InputTextWithHint("Modality", "CT", ui.modality, sizeof ui.modality);
  ImGui::BeginDisabled(!ui.browser || busy);
  if (ImGui::Button("Find")) {
    pacs::StudyQuery q;
    q.patient_id = ui.patient_id;
    q.subject_id = ui.subject_id;
    q.date_from = ui.date_from;
    q.date_to = ui.date_to;
    q.modality = ui.modality;
    ui.selected = -1;
    ui.browser->Find(q);
  }
  ImGui::EndDisabled();
}

void DrawStudies(PacsWindowUi& ui, const PacsSnapshot& s, bool busy) {
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;
  if (ImGui::BeginTable("studies", 6, flags, ImVec2(0, ImGui::GetFontSize() * 12))) {
    for (const char* h : {"Date", "Patient", "Subject", "Time point", "Description", "Series"})
      ImGui::TableSetupColumn(h);
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
    for (int i = 0; i < int(s.studies.size()); ++i) {
      const auto& st = s.studies[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(i);
      if (ImGui::Selectable(st.study_date.c_str(), ui.selected == i,
                            ImGuiSelectableFlags_SpanAllColumns))
        ui.selected = i;
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted((st.patient_id + "  " + st.patient_name).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(st.subject_id.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(st.time_point_id.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(st.description.c_str());
      ImGui::TableNextColumn();
      std::string series;
      for (const auto& r : st.series) series += (series.empty() ? "" : ", ") + r.modality;
      ImGui::TextUnformatted(series.c_str());
    }
    ImGui::EndTable();
  }
  const bool chosen = ui.selected >= 0 && ui.selected < int(s.studies.size());
  ImGui::BeginDisabled(!chosen || busy);
  if (ImGui::Button("Retrieve and open")) ui.browser->Retrieve(s.studies[ui.selected].study_uid);
  ImGui::EndDisabled();
  if (chosen) {
    ImGui::SameLine();
    ImGui::TextDisabled("%zu series; images first, each opens as it arrives",
                        s.studies[ui.selected].series.size());
  }
}

void DrawTransfer(PacsWindowUi& ui, const PacsSnapshot& s) {
  using A = PacsSnapshot::Activity;
  if (s.activity == A::kFinding) ImGui::TextUnformatted("Querying ...");
  if (s.activity == A::kRetrieving || s.activity == A::kSending) {
    const pacs::Progress& p = s.progress;
    char label[96];
    if (s.activity == A::kRetrieving)
      std::snprintf(label, sizeof label, "series %d of %d: %d instances, %.1f MB",
                    s.series_done + 1, s.series_total, p.done, double(p.bytes) / 1e6);
    else
      std::snprintf(label, sizeof label, "sending: %d of %d files", p.done, p.total);
    // The PACS does not always say how many instances a series has: then the bar shows bytes.
    ImGui::ProgressBar(p.total > 0 ? float(p.done) / float(p.total) : 0.0f, ImVec2(-80, 0), label);
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ui.browser->Cancel();
  }
  if (!s.error.empty()) ImGui::TextColored(kError, "%s", s.error.c_str());
  if (!s.messages.empty() && ImGui::TreeNode("messages", "Messages (%zu)", s.messages.size())) {
    for (auto it = s.messages.rbegin(); it != s.messages.rend(); ++it)
      ImGui::TextWrapped("%s", it->c_str());
    ImGui::TreePop();
  }
}

void DrawSend(PacsWindowUi& ui, bool busy) {
  ImGui::Separator();
  ImGui::TextUnformatted("Send SR to PACS");
  if (ui.exported_sr.empty()) {
    ImGui::TextDisabled("Export an SR first (File > Export SR); it goes into its study.");
    return;
  }
  ImGui::BeginDisabled(!ui.browser || busy);
  if (ImGui::Button("Send the exported SR")) ui.browser->Send(ui.exported_sr);
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::TextDisabled("%zu files", ui.exported_sr.size());
}

}  // namespace

void LoadPacsNodes(PacsWindowUi& ui) {
  ui.file_nodes.clear();
  ui.file_error.clear();
  const auto file = pacs::DefaultNodeFile();
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return;
  try {
    const pacs::NodeFile f = pacs::ReadNodeFile(file);
    for (const auto& [name, node] : f.nodes) ui.file_nodes.push_back(node);
    if (!f.own_aet.empty()) std::snprintf(ui.own_aet, sizeof ui.own_aet, "%s", f.own_aet.c_str());
    if (!ui.file_nodes.empty() && ui.node < 0 && ui.address[0] == '\0') ui.node = 0;
  } catch (const std::exception& e) {
    ui.file_error = e.what();
  }
}

std::vector<std::filesystem::path> DrawPacsWindow(PacsWindowUi& ui) {
  std::vector<std::filesystem::path> arrived;
  if (ui.browser) {
    // Series that arrived are handed on even while the window is closed.
    const PacsSnapshot s = ui.browser->Snapshot();
    for (; ui.handed_on < s.arrived.size(); ++ui.handed_on)
      arrived.push_back(s.arrived[ui.handed_on]);
    const bool news = ui.printed < s.messages.size();
    for (; ui.printed < s.messages.size(); ++ui.printed)
      std::printf("nadir-viewer: pacs: %s\n", s.messages[ui.printed].c_str());
    if (news) std::fflush(stdout);
  }
  if (!ui.open) return arrived;
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 48, ImGui::GetFontSize() * 36),
                           ImGuiCond_FirstUseEver);
  if (ImGui::Begin("Open from PACS", &ui.open)) {
    DrawNode(ui);
    PacsSnapshot s;
    if (ui.browser) s = ui.browser->Snapshot();
    const bool busy = s.activity != PacsSnapshot::Activity::kIdle;
    ImGui::Separator();
    DrawQuery(ui, busy);
    DrawStudies(ui, s, busy);
    DrawTransfer(ui, s);
    DrawSend(ui, busy);
  }
  ImGui::End();
  return arrived;
}

}  // namespace nadir::viewer
