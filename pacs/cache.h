// A local cache of retrieved studies and series, limited in size, least recently used first
// out. An entry counts only once complete (its .complete marker is written last, atomically),
// so an interrupted retrieve is fetched again, never served half.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "pacs/pacs.h"

namespace nadir::pacs {

struct CacheOptions {
  std::filesystem::path dir;              // default: DefaultCacheDir()
  std::uint64_t max_bytes = 20ull << 30;  // 20 GiB
};

/// $XDG_CACHE_HOME/nadir/pacs, else ~/.cache/nadir/pacs.
std::filesystem::path DefaultCacheDir();

struct CachedRetrieve {
  std::filesystem::path dir;         // the entry's folder of SOP_UID.dcm files
  bool hit = false;                  // served from the cache, nothing transferred
  TransferResult transfer;           // what the retrieve did (empty on a hit)
  std::vector<std::string> evicted;  // entries removed to stay under max_bytes
};

/// The study (or series) from the cache, retrieving it from `node` when absent or incomplete.
/// Entries are keyed by node, study and series. After a retrieve, least recently used complete
/// entries are removed until the cache is under max_bytes (the new entry is kept even alone).
CachedRetrieve RetrieveCached(const Node& node, const std::string& study_uid,
                              const std::string& series_uid, const CacheOptions& cache,
                              const Options& options, const Callbacks& callbacks = {});

}  // namespace nadir::pacs
