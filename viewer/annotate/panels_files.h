// The file dialog of the viewer: a Dear ImGui modal over a FileBrowser (file_browser.h).
#pragma once

#include <filesystem>
#include <optional>

#include "viewer/annotate/file_browser.h"

namespace nadir::annotate {

/// Opens the modal named by the browser's title on the next draw.
void OpenFileDialog(FileBrowser& browser);

/// Draws the modal while it is open: the folder, its entries (a click enters a folder or picks
/// a file, a double click on a file chooses it), the name field and Choose / Cancel. Returns the
/// chosen path once; `cancelled` becomes true when the reader closed it without choosing.
std::optional<std::filesystem::path> DrawFileDialog(FileBrowser& browser, bool* cancelled);

}  // namespace nadir::annotate
