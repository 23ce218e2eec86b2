// DICOMweb (PS3.18): QIDO-RS to find, WADO-RS (multipart/related) to retrieve, STOW-RS to store.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <stdexcept>

#include "pacs/detail/http.h"
#include "pacs/detail/multipart_stream.h"
#include "pacs/detail/ops.h"
#include "pacs/detail/part_files.h"

namespace nadir::pacs::detail {

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr const char* kJson = "application/dicom+json";
// STOW-RS requests are cut at this many bytes of instances, so a folder of thousands of
// images never needs one body in memory.
constexpr std::size_t kStowBatchBytes = 64u << 20;

std::string Base(const WebNode& node) {
  std::string b = node.url;
  while (!b.empty() && b.back() == '/') b.pop_back();
  return b;
}

std::string Encode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '*') {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

// PS3.18 F.2.2: {"0020000D": {"vr": "UI", "Value": ["1.2..."]}}; PN values are objects.
std::string Value(const json& item, const char* tag) {
  const auto e = item.find(tag);
  if (e == item.end() || !e->is_object()) return {};
  const auto v = e->find("Value");
  if (v == e->end() || !v->is_array() || v->empty()) return {};
  std::string s;
  for (const json& x : *v) {
    if (!s.empty()) s += "\\";
    if (x.is_string())
      s += x.get<std::string>();
    else if (x.is_number_integer())
      s += std::to_string(x.get<long long>());
    else if (x.is_number())
      s += std::to_string(x.get<double>());
    else if (x.is_object() && x.contains("Alphabetic") && x["Alphabetic"].is_string())
      s += x["Alphabetic"].get<std::string>();
  }
  return s;
}

int IntValue(const json& item, const char* tag) {
  try {
    const std::string v = Value(item, tag);
    return v.empty() ? 0 : std::stoi(v);
  } catch (const std::exception&) {
    return 0;
  }
}

json QueryJson(const WebNode& node, const Options& options, const std::string& url) {
  const HttpReply r = Http(node, options, "QIDO-RS", url, kJson);
  if (r.status == 204) return json::array();  // no match
  if (r.status != 200) throw PacsError(node.url, "QIDO-RS", HttpStatusText(r) + " (" + url + ")");
  try {
    json j = json::parse(r.body.empty() ? "[]" : r.body);
    if (!j.is_array()) throw std::runtime_error("not a JSON array");
    return j;
  } catch (const std::exception& e) {
    throw PacsError(node.url, "QIDO-RS", "reply is not DICOM JSON: " + std::string(e.what()));
  }
}

}  // namespace

void WebEcho(const WebNode& node, const Options& options) {
  QueryJson(node, options, Base(node) + "/studies?limit=1");
}

std::vector<StudyRecord> WebFind(const WebNode& node, const StudyQuery& q, const Options& options) {
  std::string url = Base(node) +
                    "/studies?includefield=00081030&includefield=00120040"
                    "&includefield=00120050&includefield=00201208";
  auto add = [&](const char* key, const std::string& v) {
    if (!v.empty()) url += std::string("&") + key + "=" + Encode(v);
  };
  add("PatientID", q.patient_id);
  add("PatientName", q.patient_name);
  if (!q.date_from.empty() || !q.date_to.empty()) add("StudyDate", q.date_from + "-" + q.date_to);
  add("AccessionNumber", q.accession_number);
  add("ModalitiesInStudy", q.modality);
  add("00120040", q.subject_id);
  add("00120050", q.time_point_id);
  add("StudyInstanceUID", q.study_uid);
  std::vector<StudyRecord> studies;
  for (const json& item : QueryJson(node, options, url)) {
    StudyRecord s;
    s.study_uid = Value(item, "0020000D");
    s.patient_id = Value(item, "00100020");
    s.patient_name = Value(item, "00100010");
    s.study_date = Value(item, "00080020");
    s.accession_number = Value(item, "00080050");
    s.description = Value(item, "00081030");
    s.modalities = Value(item, "00080061");
    s.subject_id = Value(item, "00120040");
    s.time_point_id = Value(item, "00120050");
    s.instances = IntValue(item, "00201208");
    const std::string series_url = Base(node) + "/studies/" + Encode(s.study_uid) +
                                   "/series?includefield=0008103E&includefield=00201209";
    for (const json& se : QueryJson(node, options, series_url)) {
      SeriesRecord r;
      r.series_uid = Value(se, "0020000E");
      r.modality = Value(se, "00080060");
      r.number = Value(se, "00200011");
      r.description = Value(se, "0008103E");
      r.instances = IntValue(se, "00201209");
      s.series.push_back(std::move(r));
    }
    studies.push_back(std::move(s));
  }
  return studies;
}

namespace {

// Splits a WADO-RS reply into its parts as it arrives; PartFiles writes them on its own thread
// (OUT/wado-N.dcm.part, renamed to SOP_INSTANCE_UID.dcm when whole), and what it finished is
// counted here, on the calling thread, where the progress callback runs.
class PartWriter {
 public:
  PartWriter(const fs::path& out, TransferResult& result, Progress& progress,
             const Callbacks& callbacks)
      : files_(out), result_(result), progress_(progress), callbacks_(callbacks) {}

  // The curl sink: false stops the transfer; the reason is in error().
  bool Take(const std::string& content_type, const char* data, std::size_t n) {
    try {
      if (!stream_)
        stream_ = std::make_unique<MultipartStream>(
            content_type,
            MultipartStream::Handler{[this] { files_.Begin(); },
                                     [this](const char* d, std::size_t k) { files_.Data(d, k); },
                                     [this] { files_.End(); }});
      stream_->Feed(data, n);
      Count(files_.TakeFinished());
      if (const std::string e = files_.error(); !e.empty()) throw std::runtime_error(e);
      return true;
    } catch (const std::exception& e) {
      error_ = e.what();
      return false;
    }
  }
  // Every part written: waits for the writer and counts the rest.
  void Finish() {
    files_.Finish();
    Count(files_.TakeFinished());
    if (error_.empty()) error_ = files_.error();
  }
  const std::string& error() const { return error_; }
  bool complete() const { return stream_ && stream_->complete(); }

 private:
  void Count(const std::vector<PartFiles::Outcome>& finished) {
    for (const PartFiles::Outcome& o : finished) {
      if (!o.error.empty()) {
        result_.failed.push_back({o.sop, o.file.string(), o.error});
        progress_.failed++;
      } else {
        result_.files.push_back(o.file);
        result_.bytes += o.bytes;
        progress_.done++;
      }
      if (callbacks_.on_progress) callbacks_.on_progress(progress_);
    }
  }

  PartFiles files_;
  TransferResult& result_;
  Progress& progress_;
  const Callbacks& callbacks_;
  std::unique_ptr<MultipartStream> stream_;
  std::string error_;
};

}  // namespace

TransferResult WebRetrieve(const WebNode& node, const std::string& study_uid,
                           const std::string& series_uid, const fs::path& out,
                           const Options& options, const Callbacks& callbacks) {
  TransferResult result;
  result.method = "WADO-RS";
  fs::create_directories(out);
  std::string url = Base(node) + "/studies/" + Encode(study_uid);
  if (!series_uid.empty()) url += "/series/" + Encode(series_uid);
  Progress progress;
  auto on_bytes = [&](std::uint64_t n) {
    progress.bytes = n;
    if (callbacks.on_progress) callbacks.on_progress(progress);
    return !(callbacks.cancelled && callbacks.cancelled());
  };
  // transfer-syntax=* asks for the instances as stored (PS3.18 8.7.3.5.2); a server that does
  // not know it answers 406, and is asked again for its default syntax.
  HttpReply r;
  PartWriter writer(out, result, progress, callbacks);
  const BodySink sink = [&](const std::string& type, const char* d, std::size_t n) {
    return writer.Take(type, d, n);
  };
  try {
    r = Http(node, options, "WADO-RS", url,
             "multipart/related; type=\"application/dicom\"; transfer-syntax=*", {}, {}, on_bytes,
             sink);
    if (r.status == 406)
      r = Http(node, options, "WADO-RS", url, "multipart/related; type=\"application/dicom\"", {},
               {}, on_bytes, sink);
    writer.Finish();
  } catch (const PacsError& e) {
    writer.Finish();       // no part file is being written while they are removed
    RemovePartFiles(out);  // whole instances stay, each under its SOP Instance UID
    if (e.status() == "cancelled") {
      result.cancelled = true;
      return result;
    }
    const std::string arrived = " (" + std::to_string(result.files.size()) +
                                " whole instances arrived and are kept in " + out.string() + ")";
    if (!writer.error().empty()) throw PacsError(node.url, "WADO-RS", writer.error() + arrived);
    throw PacsError(node.url, "WADO-RS", e.status() + arrived);
  }
  if (r.status == 404 || r.status == 204)
    throw PacsError(node.url, "WADO-RS",
                    HttpStatusText(r) + " (unknown study or series UID?) " + url);
  if (r.status != 200) throw PacsError(node.url, "WADO-RS", HttpStatusText(r) + " (" + url + ")");
  if (!writer.complete()) {
    RemovePartFiles(out);
    throw PacsError(node.url, "WADO-RS",
                    "multipart reply cut short after " + std::to_string(result.files.size()) +
                        " whole instances (kept in " + out.string() + ")");
  }
  progress.total = progress.done + progress.failed;
  return result;
}

TransferResult WebStore(const WebNode& node, const std::vector<fs::path>& files,
                        const Options& options, const Callbacks& callbacks) {
  TransferResult result;
  result.method = "STOW-RS";
  std::mt19937_64 rng(std::random_device{}());
  const std::string boundary = "nadir-" + std::to_string(rng());
  Progress progress;
  progress.total = static_cast<int>(files.size());
  std::size_t next = 0;
  while (next < files.size()) {
    if (callbacks.cancelled && callbacks.cancelled()) {
      result.cancelled = true;
      break;
    }
    std::vector<std::string> parts;
    std::vector<fs::path> batch;
    std::map<std::string, fs::path> by_uid;
    std::size_t bytes = 0;
    for (; next < files.size() && (batch.empty() || bytes < kStowBatchBytes); ++next) {
      std::ifstream in(files[next], std::ios::binary);
      std::string data((std::istreambuf_iterator<char>(in)), {});
      const std::string sop = SopUidOfPart10(data);
      if (sop.empty()) {
        result.failed.push_back({"", files[next].string(), "not a DICOM file with a meta header"});
        progress.failed++;
        continue;
      }
      by_uid[sop] = files[next];
      bytes += data.size();
      parts.push_back(std::move(data));
      batch.push_back(files[next]);
    }
    if (parts.empty()) continue;
    const HttpReply r = Http(node, options, "STOW-RS", Base(node) + "/studies", kJson,
                             JoinMultipart(parts, boundary),
                             "multipart/related; type=\"application/dicom\"; boundary=" + boundary);
    parts.clear();
    // PS3.18 10.5.3: 200 all stored, 202 some failed or warnings, 409 none stored.
    if (r.status != 200 && r.status != 202 && r.status != 409)
      throw PacsError(node.url, "STOW-RS", HttpStatusText(r));
    json reply;
    try {
      reply = json::parse(r.body.empty() ? "{}" : r.body);
    } catch (const std::exception&) {
      reply = json::object();
    }
    std::set<std::string> failed_uids;
    if (reply.is_object() && reply.contains("00081198") && reply["00081198"].contains("Value")) {
      for (const json& item : reply["00081198"]["Value"]) {
        const std::string sop = Value(item, "00081155");
        failed_uids.insert(sop);
        result.failed.push_back(
            {sop, by_uid.count(sop) ? by_uid[sop].string() : "",
             HttpStatusText(r) + ", failure reason " + Value(item, "00081197")});
        progress.failed++;
      }
    }
    if (r.status == 409 && failed_uids.empty())
      throw PacsError(node.url, "STOW-RS", HttpStatusText(r) + " (no instance stored)");
    for (const auto& [sop, file] : by_uid) {
      if (failed_uids.count(sop)) continue;
      result.files.push_back(file);
      std::error_code ec;
      result.bytes += fs::file_size(file, ec);
      progress.done++;
    }
    progress.bytes = result.bytes;
    if (callbacks.on_progress) callbacks.on_progress(progress);
  }
  return result;
}

}  // namespace nadir::pacs::detail
