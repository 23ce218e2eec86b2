// The study cache: one folder per node / study (/ series), a .complete marker whose time is the
// entry's last use, eviction of the least recently used entries over the size limit.
#include "pacs/cache.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <fstream>

#include "pacs/detail/ops.h"

namespace nadir::pacs {

namespace fs = std::filesystem;

namespace {

constexpr const char* kMarker = ".complete";
// An entry without its marker that nobody has touched for this long is a dead retrieve.
constexpr auto kStaleIncomplete = std::chrono::hours(24);

std::string Sanitize(std::string s) {
  for (char& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') c = '_';
  return s;
}

std::string NodeKey(const Node& node) {
  if (node.dimse)
    return Sanitize(node.dimse->aet + "@" + node.dimse->host + "_" +
                    std::to_string(node.dimse->port));
  return Sanitize(node.web ? node.web->url : node.name);
}

std::uint64_t FolderBytes(const fs::path& dir) {
  std::uint64_t n = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file(ec)) n += e.file_size(ec);
  return n;
}

struct Entry {
  fs::path dir;
  fs::file_time_type used;
  std::uint64_t bytes = 0;
  bool complete = false;
};

std::vector<std::string> Evict(const fs::path& root, const fs::path& keep, std::uint64_t max) {
  std::vector<Entry> entries;
  std::uint64_t total = 0;
  std::error_code ec;
  for (const auto& node_dir : fs::directory_iterator(root, ec)) {
    if (!node_dir.is_directory(ec)) continue;
    for (const auto& e : fs::directory_iterator(node_dir.path(), ec)) {
      if (!e.is_directory(ec)) continue;
      Entry entry{e.path(), {}, FolderBytes(e.path()), fs::exists(e.path() / kMarker, ec)};
      entry.used = fs::last_write_time(entry.complete ? e.path() / kMarker : e.path(), ec);
      total += entry.bytes;
      entries.push_back(entry);
    }
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.used < b.used; });
  std::vector<std::string> evicted;
  const auto now = fs::file_time_type::clock::now();
  for (const Entry& e : entries) {
    if (e.dir == keep) continue;
    const bool stale = !e.complete && now - e.used > kStaleIncomplete;
    if (!stale && (total <= max || !e.complete)) continue;
    fs::remove_all(e.dir, ec);
    if (ec) continue;
    total -= e.bytes;
    evicted.push_back(e.dir.string());
  }
  return evicted;
}

}  // namespace

fs::path DefaultCacheDir() {
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return fs::path(x) / "nadir/pacs";
  const char* home = std::getenv("HOME");
  return fs::path(home ? home : ".") / ".cache/nadir/pacs";
}

CachedRetrieve RetrieveCached(const Node& node, const std::string& study_uid,
                              const std::string& series_uid, const CacheOptions& cache,
                              const Options& options, const Callbacks& callbacks) {
  const fs::path root = cache.dir.empty() ? DefaultCacheDir() : cache.dir;
  CachedRetrieve out;
  out.dir = root / NodeKey(node) /
            Sanitize(series_uid.empty() ? study_uid : study_uid + "_" + series_uid);
  const fs::path marker = out.dir / kMarker;
  if (fs::exists(marker)) {
    out.hit = true;
    fs::last_write_time(marker, fs::file_time_type::clock::now());
    return out;
  }
  out.transfer = Retrieve(node, study_uid, series_uid, out.dir, options, callbacks);
  if (!out.transfer.cancelled && out.transfer.failed.empty()) {
    std::string error;
    if (!detail::WriteAtomically(marker, study_uid + "\n", &error))
      out.transfer.warnings.push_back("cache: " + error);
  }
  out.evicted = Evict(root, out.dir, cache.max_bytes);
  return out;
}

}  // namespace nadir::pacs
