// The controller's PACS part: File > Open from PACS shows the window (its nodes read from the
// node file then), and each series that arrives is listed with the others retrieved so far and
// shown at once; the folder they sit in becomes the images folder SR export looks in.
#include <filesystem>
#include <future>

#include "viewer/app/controller.h"

namespace nadir::viewer {

void ApplyTogglePacs(Viewer& v) {
  v.pacs.open = !v.pacs.open;
  if (v.pacs.open && !v.pacs.browser) LoadPacsNodes(v.pacs);
}

void ApplyOpenRetrieved(Viewer& v, const std::string& folder) {
  for (const std::string& f : v.retrieved)
    if (f == folder) return;  // served again from the cache: already listed
  v.retrieved.push_back(folder);
  v.source_label = "listing the series retrieved from the PACS ...";
  v.scan = std::async(std::launch::async, [dirs = v.retrieved] { return ScanFolders(dirs); });
  // The node's cache folder holds every study retrieved from it: SR export finds them there.
  v.files.images = std::filesystem::path(folder).parent_path().string();
}

}  // namespace nadir::viewer
