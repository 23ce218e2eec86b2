// RegisterPair(): the checks before registering (same patient, nothing refused) and the cache
// of registrations per series pair.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "analysis/registration/point_map.h"
#include "analysis/registration/registration_json.h"
#include "analysis/registration/track.h"

namespace nadir::registration {
namespace {

namespace fs = std::filesystem;

// FNV-1a: a short, stable file name for a key made of two UIDs and the options.
std::string Hash(const std::string& key) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
  char b[20];
  std::snprintf(b, sizeof b, "%016llx", static_cast<unsigned long long>(h));
  return b;
}

std::string CacheKey(const Scan& from, const Scan& to, const RegistrationOptions& o) {
  std::ostringstream s;
  s << "nadir-registration/1|" << from.series_uid << "|" << to.series_uid << "|"
    << o.working_spacing_mm << "|" << o.body_threshold_hu << "|" << o.deformable << "|"
    << o.bspline_grid_mm << "|" << o.deformable_samples << "|" << o.deformable_levels;
  return s.str();
}

std::optional<Registration> ReadCache(const fs::path& file, const std::string& key) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  try {
    const nlohmann::json j = nlohmann::json::parse(in);
    if (j.value("key", "") != key) return std::nullopt;  // a hash collision, or another version
    Registration r = RegistrationFromJson(j.at("registration"));
    if (r.ok) PointMap check(r.transform);  // throws when the parameters do not fit
    r.from_cache = true;
    return r;
  } catch (const std::exception& e) {
    // A damaged cache file is ignored (and rewritten), never trusted.
    std::fprintf(stderr, "registration cache %s ignored: %s\n", file.string().c_str(), e.what());
    return std::nullopt;
  }
}

void WriteCache(const fs::path& dir, const fs::path& file, const std::string& key,
                const Registration& r) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  nlohmann::ordered_json j;
  j["key"] = key;
  j["registration"] = ToJson(r, true);
  const fs::path tmp = file.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << j.dump() << "\n";
    if (!out.flush()) return;  // a cache that cannot be written only costs time
  }
  fs::rename(tmp, file, ec);
}

}  // namespace

fs::path DefaultCacheDir() {
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x)
    return fs::path(x) / "nadir" / "registration";
  if (const char* home = std::getenv("HOME"); home && *home)
    return fs::path(home) / ".cache" / "nadir" / "registration";
  return fs::temp_directory_path() / "nadir-registration";
}

Registration RegisterPair(const Scan& from, const Scan& to, const PairOptions& options,
                          const Progress& progress, const std::atomic<bool>* cancel) {
  Registration refused;
  if (from.patient_id.empty() || to.patient_id.empty())
    refused.reason = "PatientID (0010,0020) missing on " +
                     std::string(from.patient_id.empty() ? "the first" : "the second") +
                     " scan: cannot tell that both scans are of the same patient";
  else if (from.patient_id != to.patient_id)
    refused.reason = "different patients: PatientID (0010,0020) '" + from.patient_id + "' and '" +
                     to.patient_id + "'; not registered";
  else if (!from.volume || !to.volume)
    refused.reason = "a scan has no volume";
  for (const Scan* s : {&from, &to})
    for (const auto& why : s->refusals)
      if (refused.reason.empty()) refused.reason = "series " + s->series_uid + ": " + why;
  if (!refused.reason.empty()) return refused;

  const std::string key = CacheKey(from, to, options.registration);
  const bool cache =
      !options.cache_dir.empty() && !from.series_uid.empty() && !to.series_uid.empty();
  const fs::path file = options.cache_dir / (Hash(key) + ".json");
  if (cache)
    if (auto hit = ReadCache(file, key)) return *hit;
  Registration r = Register(*from.volume, *to.volume, options.registration, progress, cancel);
  if (cache) WriteCache(options.cache_dir, file, key, r);
  return r;
}

}  // namespace nadir::registration
