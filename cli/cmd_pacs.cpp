// `nadir pacs echo|find|get|store`: a PACS over DIMSE (--pacs AET@HOST:PORT) or DICOMweb
// (--dicomweb URL), or a node of the node file (--node NAME). Exit codes: 0 done, 1 the
// operation failed (the message names node, operation and status), 2 bad command line or
// configuration, 3 some instances failed (each named by SOP Instance UID), 4 cancelled.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "pacs/cache.h"
#include "pacs/config.h"
#include "pacs/pacs.h"

namespace nadir::cli {

namespace {

namespace fs = std::filesystem;

constexpr int kFailed = 1, kUsage = 2, kPartial = 3, kCancelled = 4;

std::atomic<bool> g_interrupted{false};
extern "C" void OnInterrupt(int) { g_interrupted = true; }

struct Target {
  std::string pacs, dicomweb, node_name, config, credentials, ca_file;
  pacs::Options options;
  int cache_max_mb = -1;
  std::string cache_dir;
};

void AddTargetOptions(CLI::App* app, Target& t) {
  app->add_option("--pacs", t.pacs, "DIMSE peer as AET@HOST:PORT");
  app->add_option("--dicomweb", t.dicomweb, "DICOMweb base URL (…/dicom-web)");
  app->add_option("--node", t.node_name, "a node of the node file");
  app->add_option("--config", t.config,
                  "node file (default $NADIR_PACS_CONFIG or "
                  "~/.config/nadir/pacs.json)");
  app->add_option("--aet", t.options.own_aet, "nadir's own AE title (default NADIR)");
  app->add_option("--timeout", t.options.timeout_s, "seconds for connect and each step (10)")
      ->check(CLI::Range(1, 3600));
  app->add_option("--credentials", t.credentials,
                  "DICOMweb credentials FILE (JSON, mode 600); else NADIR_DICOMWEB_TOKEN or "
                  "NADIR_DICOMWEB_USER + NADIR_DICOMWEB_PASSWORD");
  app->add_option("--ca-file", t.ca_file, "extra CA certificates for https");
}

// The node the command line names, with settings from the node file where it gives them.
pacs::Node Resolve(Target& t) {
  const int given = !t.pacs.empty() + !t.dicomweb.empty() + !t.node_name.empty();
  if (given != 1) throw std::invalid_argument("give exactly one of --pacs, --dicomweb, --node");
  const fs::path file = t.config.empty() ? pacs::DefaultNodeFile() : fs::path(t.config);
  pacs::NodeFile nf;
  if (!t.config.empty() || (!t.node_name.empty()) || fs::exists(file))
    nf = pacs::ReadNodeFile(file);
  if (!nf.own_aet.empty() && t.options.own_aet == "NADIR") t.options.own_aet = nf.own_aet;
  if (t.options.move_port == 0) t.options.move_port = nf.move_port;
  if (t.cache_dir.empty()) t.cache_dir = nf.cache_dir.string();
  if (t.cache_max_mb < 0 && nf.cache_max_bytes) t.cache_max_mb = int(nf.cache_max_bytes >> 20);
  pacs::Node node;
  if (!t.node_name.empty()) {
    const auto it = nf.nodes.find(t.node_name);
    if (it == nf.nodes.end())
      throw std::invalid_argument("node '" + t.node_name + "' is not in " + file.string());
    node = it->second;
    if (node.web && !t.credentials.empty())
      node.web->credentials = pacs::ReadCredentials(t.credentials);
    if (node.web && !t.ca_file.empty()) node.web->ca_file = t.ca_file;
  } else if (!t.pacs.empty()) {
    node.dimse = pacs::ParseDimseAddress(t.pacs);
    node.name = t.pacs;
  } else {
    node.web = pacs::WebNode{t.dicomweb, pacs::ReadCredentials(t.credentials), t.ca_file};
    node.name = t.dicomweb;
  }
  return node;
}

void PrintProgress(const char* what, const pacs::Progress& p) {
  if (!isatty(STDERR_FILENO)) return;
  if (p.total > 0)
    std::fprintf(stderr, "\r%s: %d/%d instances, %.1f MB", what, p.done, p.total, p.bytes / 1e6);
  else
    std::fprintf(stderr, "\r%s: %d instances, %.1f MB", what, p.done, p.bytes / 1e6);
  if (p.failed) std::fprintf(stderr, ", %d failed", p.failed);
  std::fflush(stderr);
}

int Report(const pacs::Node& node, const char* op, const pacs::TransferResult& r, double seconds) {
  if (isatty(STDERR_FILENO)) std::fprintf(stderr, "\n");
  for (const auto& w : r.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
  for (const auto& f : r.failed)
    std::fprintf(stderr, "error: %s: %s of instance %s%s%s failed: %s\n", node.name.c_str(),
                 r.method.c_str(), f.sop_uid.empty() ? "(unknown UID)" : f.sop_uid.c_str(),
                 f.file.empty() ? "" : " in ", f.file.c_str(), f.status.c_str());
  std::printf("%s: %s %zu instances (%.1f MB) by %s in %.2f s%s\n", node.name.c_str(), op,
              r.files.size(), r.bytes / 1e6, r.method.c_str(), seconds,
              r.failed.empty() ? "" : (", " + std::to_string(r.failed.size()) + " failed").c_str());
  if (r.cancelled) {
    std::fprintf(stderr, "%s: %s cancelled; the files listed are complete\n", node.name.c_str(),
                 op);
    return kCancelled;
  }
  return r.failed.empty() ? 0 : kPartial;
}

// Study dates on the command line: YYYYMMDD, YYYYMMDD-YYYYMMDD, -YYYYMMDD or YYYYMMDD-.
void ParseDates(const std::string& text, pacs::StudyQuery& q) {
  const auto dash = text.find('-');
  q.date_from = text.substr(0, dash);
  q.date_to = dash == std::string::npos ? q.date_from : text.substr(dash + 1);
  for (const std::string* d : {&q.date_from, &q.date_to})
    if (!d->empty() && (d->size() != 8 || d->find_first_not_of("0123456789") != std::string::npos))
      throw std::invalid_argument("--study-date '" + text +
                                  "': dates are YYYYMMDD, a range FROM-TO");
}

nlohmann::ordered_json ToJson(const std::vector<pacs::StudyRecord>& studies) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& s : studies) {
    nlohmann::ordered_json j = {{"study_uid", s.study_uid},
                                {"patient_id", s.patient_id},
                                {"patient_name", s.patient_name},
                                {"study_date", s.study_date},
                                {"accession_number", s.accession_number},
                                {"description", s.description},
                                {"modalities", s.modalities},
                                {"subject_id", s.subject_id},
                                {"time_point_id", s.time_point_id},
                                {"instances", s.instances},
                                {"series", nlohmann::json::array()}};
    for (const auto& r : s.series)
      j["series"].push_back({{"series_uid", r.series_uid},
                             {"modality", r.modality},
                             {"number", r.number},
                             {"description", r.description},
                             {"instances", r.instances}});
    out.push_back(j);
  }
  return out;
}

// Hard link (same file system) or copy into `out` via NAME.part and a rename.
void Place(const fs::path& from, const fs::path& out) {
  const fs::path to = out / from.filename();
  const fs::path part = to.string() + ".part";
  std::error_code ec;
  fs::remove(part, ec);
  fs::create_hard_link(from, part, ec);
  if (ec) fs::copy_file(from, part, fs::copy_options::overwrite_existing);
  fs::rename(part, to);
}

}  // namespace

int RunPacs(int argc, char** argv) {
  CLI::App app{"Query, retrieve and store studies on a PACS, over DIMSE or DICOMweb."};
  app.require_subcommand(1);
  Target t;
  auto* echo = app.add_subcommand("echo", "check that the PACS answers (C-ECHO or QIDO-RS)");
  AddTargetOptions(echo, t);

  auto* find = app.add_subcommand("find", "studies with their series and UIDs");
  AddTargetOptions(find, t);
  pacs::StudyQuery q;
  std::string dates;
  bool json = false;
  find->add_option("--patient-id", q.patient_id, "Patient ID (wildcards * ?)");
  find->add_option("--patient-name", q.patient_name, "Patient's Name (wildcards * ?)");
  find->add_option("--subject-id", q.subject_id, "Clinical Trial Subject ID (0012,0040)");
  find->add_option("--time-point-id", q.time_point_id, "Clinical Trial Time Point ID (0012,0050)");
  find->add_option("--study-date", dates, "YYYYMMDD or FROM-TO (either end may be left open)");
  find->add_option("--modality", q.modality, "a modality in the study, e.g. CT");
  find->add_option("--accession", q.accession_number, "Accession Number");
  find->add_option("--study-uid", q.study_uid, "Study Instance UID");
  find->add_flag("--json", json, "JSON on stdout");

  auto* get = app.add_subcommand("get", "every instance of a study or series into a folder");
  AddTargetOptions(get, t);
  std::string study_uid, series_uid, out;
  bool no_cache = false;
  get->add_option("--study-uid", study_uid, "Study Instance UID")->required();
  get->add_option("--series-uid", series_uid, "only this series");
  get->add_option("--out", out, "folder to write SOP_UID.dcm files into")->required();
  get->add_option("--move-port", t.options.move_port,
                  "port of nadir's storage SCP for C-MOVE (the PACS must know --aet there); "
                  "used when the PACS has no C-GET")
      ->check(CLI::Range(1, 65535));
  get->add_flag("--move", t.options.use_move, "retrieve by C-MOVE instead of C-GET");
  get->add_flag("--no-cache", no_cache, "retrieve straight into --out, bypassing the cache");
  get->add_option("--cache-dir", t.cache_dir, "cache folder (default ~/.cache/nadir/pacs)");
  get->add_option("--cache-max-mb", t.cache_max_mb, "cache size limit in MB (default 20480)")
      ->check(CLI::NonNegativeNumber);

  auto* store = app.add_subcommand("store", "send DICOM files (C-STORE or STOW-RS)");
  AddTargetOptions(store, t);
  std::vector<std::string> paths;
  store->add_option("PATHS", paths, "files or folders (searched recursively)")->required();

  CLI11_PARSE(app, argc, argv);

  pacs::Node node;
  try {
    node = Resolve(t);
    if (*find && !dates.empty()) ParseDates(dates, q);
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "nadir pacs: %s\n", e.what());
    return kUsage;
  }
  std::signal(SIGINT, OnInterrupt);
  std::signal(SIGTERM, OnInterrupt);
  pacs::Callbacks callbacks;
  callbacks.cancelled = [] { return g_interrupted.load(); };
  const auto t0 = std::chrono::steady_clock::now();
  auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  try {
    if (*echo) {
      pacs::Echo(node, t.options);
      std::printf("%s: %s ok in %.3f s\n", node.name.c_str(), node.dimse ? "C-ECHO" : "QIDO-RS",
                  seconds());
      return 0;
    }
    if (*find) {
      std::vector<std::string> warnings;
      const auto studies = pacs::FindStudies(node, q, t.options, &warnings);
      for (const auto& w : warnings) std::fprintf(stderr, "nadir pacs: %s\n", w.c_str());
      if (json) {
        std::printf("%s\n", ToJson(studies).dump(2).c_str());
        return 0;
      }
      for (const auto& s : studies) {
        std::printf("%s  %s  %s  %s  subject %s  time point %s  %s\n  study %s\n",
                    s.study_date.c_str(), s.patient_id.c_str(), s.patient_name.c_str(),
                    s.modalities.c_str(), s.subject_id.c_str(), s.time_point_id.c_str(),
                    s.description.c_str(), s.study_uid.c_str());
        for (const auto& r : s.series)
          std::printf("    series %s  %s #%s  %d instances  %s\n", r.series_uid.c_str(),
                      r.modality.c_str(), r.number.c_str(), r.instances, r.description.c_str());
      }
      std::printf("%zu stud%s on %s\n", studies.size(), studies.size() == 1 ? "y" : "ies",
                  node.name.c_str());
      return 0;
    }
    if (*get) {
      callbacks.on_progress = [](const pacs::Progress& p) { PrintProgress("get", p); };
      if (no_cache) {
        const auto r = pacs::Retrieve(node, study_uid, series_uid, out, t.options, callbacks);
        return Report(node, "retrieved", r, seconds());
      }
      pacs::CacheOptions cache;
      cache.dir = t.cache_dir;
      if (t.cache_max_mb >= 0) cache.max_bytes = std::uint64_t(t.cache_max_mb) << 20;
      const auto c = pacs::RetrieveCached(node, study_uid, series_uid, cache, t.options, callbacks);
      pacs::TransferResult r = c.transfer;
      for (const auto& e : c.evicted) r.warnings.push_back("cache: evicted " + e);
      if (r.cancelled || !r.failed.empty()) return Report(node, "retrieved", r, seconds());
      fs::create_directories(out);
      std::vector<fs::path> placed;
      for (const auto& e : fs::directory_iterator(c.dir)) {
        if (e.path().extension() != ".dcm") continue;
        Place(e.path(), out);
        placed.push_back(fs::path(out) / e.path().filename());
      }
      if (c.hit) {
        r.method = "cache";
        r.files = placed;
        for (const auto& f : placed) r.bytes += fs::file_size(f);
      }
      return Report(node, "retrieved", r, seconds());
    }
    std::vector<fs::path> files;
    try {
      files = pacs::CollectDicomFiles({paths.begin(), paths.end()});
    } catch (const std::invalid_argument& e) {
      std::fprintf(stderr, "nadir pacs store: %s\n", e.what());
      return kUsage;
    }
    if (files.empty()) {
      std::fprintf(stderr, "nadir pacs store: no DICOM file found in the paths given\n");
      return kUsage;
    }
    callbacks.on_progress = [](const pacs::Progress& p) { PrintProgress("store", p); };
    const auto r = pacs::Store(node, files, t.options, callbacks);
    return Report(node, "stored", r, seconds());
  } catch (const pacs::PacsError& e) {
    if (isatty(STDERR_FILENO)) std::fprintf(stderr, "\n");
    std::fprintf(stderr, "nadir pacs: %s\n", e.what());
    return kFailed;
  }
}

}  // namespace nadir::cli
