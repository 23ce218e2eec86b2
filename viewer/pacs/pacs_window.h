// "Open from PACS": the node, the query fields, the studies found with their series, retrieve
// with a progress bar and Cancel, and "Send SR to PACS" for the reports just exported. Draws
// only; the PacsBrowser worker does the network, and the app opens what this returns.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "viewer/pacs/pacs_browser.h"

namespace nadir::viewer {

struct PacsWindowUi {
  bool open = false;
  // Where: a node of the node file, or an address typed here (AET@HOST:PORT or a DICOMweb URL).
  std::vector<pacs::Node> file_nodes;
  std::string file_error;  // the node file could not be read (said in the window)
  int node = -1;           // index in file_nodes; -1: the typed address
  char address[256] = "";
  char own_aet[17] = "NADIR";
  // Query keys (empty: not matched).
  char patient_id[65] = "", subject_id[65] = "", date_from[9] = "", date_to[9] = "",
       modality[17] = "";
  std::unique_ptr<PacsBrowser> browser;
  std::string connect_error;
  int selected = -1;          // row of the studies table
  std::size_t handed_on = 0;  // arrived series already returned to the app
  std::size_t printed = 0;    // messages already printed (scripts wait for them on stdout)
  // SR files the File menu last exported ("Send SR to PACS" sends them).
  std::vector<std::filesystem::path> exported_sr;
};

/// Reads the node file (pacs/config.h) into `ui.file_nodes`; a missing file is no error.
void LoadPacsNodes(PacsWindowUi& ui);

/// Draws the window when open. Returns the folders of series that arrived since the last call,
/// for the app to list and open (the first as soon as it is there).
std::vector<std::filesystem::path> DrawPacsWindow(PacsWindowUi& ui);

}  // namespace nadir::viewer
