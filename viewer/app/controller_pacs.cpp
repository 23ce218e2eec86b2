// The controller's PACS part: File > Open from PACS shows the window (its nodes read from the
// node file then), and each series that arrives is scanned alone and added to the series
// listed, the viewports keeping what the reader has in them (ReadingRoom::AddSeries); the
// folder they sit in becomes the images folder SR export looks in.
#include <filesystem>
#include <future>

#include "viewer/app/controller.h"

namespace nadir::viewer {

void ApplyTogglePacs(Viewer& v) {
  v.pacs.open = !v.pacs.open;
  if (v.pacs.open && !v.pacs.browser) LoadPacsNodes(v.pacs);
}

void StartNextArrival(Viewer& v) {
  if (v.scan.valid() || v.arrivals.empty()) return;  // one scan at a time
  const std::string folder = v.arrivals.front();
  v.arrivals.erase(v.arrivals.begin());
  v.scan_adds = true;
  v.source_label = "listing the series retrieved from the PACS ...";
  v.scan = std::async(std::launch::async, [folder] { return ScanFolder(folder); });
}

void ApplyOpenRetrieved(Viewer& v, const std::string& folder) {
  for (const std::string& f : v.retrieved)
    if (f == folder) return;  // served again from the cache: already listed
  v.retrieved.push_back(folder);
  v.arrivals.push_back(folder);
  StartNextArrival(v);
  // The node's cache folder holds every study retrieved from it: SR export finds them there.
  v.files.images = std::filesystem::path(folder).parent_path().string();
}

}  // namespace nadir::viewer
