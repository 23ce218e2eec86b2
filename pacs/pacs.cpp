// The public calls: each sends the node to its protocol (DIMSE or DICOMweb).
#include "pacs/pacs.h"

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "pacs/detail/ops.h"
#include "pacs/match.h"

namespace nadir::pacs {

namespace fs = std::filesystem;

namespace {

const std::string& Name(const Node& node) {
  if (!node.dimse && !node.web)
    throw std::invalid_argument("PACS node '" + node.name + "' has neither DIMSE nor DICOMweb");
  return node.name;
}

// A DICOM Part 10 file: 128 bytes of preamble, then "DICM" (PS3.10 7.1).
bool IsDicomFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char buf[132];
  return in.read(buf, sizeof buf) && std::equal(buf + 128, buf + 132, "DICM");
}

}  // namespace

DimseNode ParseDimseAddress(const std::string& text) {
  const auto at = text.find('@');
  const auto colon = text.rfind(':');
  if (at == std::string::npos || colon == std::string::npos || colon < at)
    throw std::invalid_argument("PACS address '" + text + "' is not AET@HOST:PORT");
  DimseNode n;
  n.aet = text.substr(0, at);
  n.host = text.substr(at + 1, colon - at - 1);
  const std::string port = text.substr(colon + 1);
  // PS3.5 6.2: an AE title is 1 to 16 characters, no backslash or control characters.
  if (n.aet.empty() || n.aet.size() > 16 || n.aet.find('\\') != std::string::npos)
    throw std::invalid_argument("PACS address '" + text + "': AE title '" + n.aet +
                                "' must be 1 to 16 characters without a backslash");
  if (n.host.empty()) throw std::invalid_argument("PACS address '" + text + "': no host");
  try {
    std::size_t used = 0;
    n.port = std::stoi(port, &used);
    if (used != port.size() || n.port < 1 || n.port > 65535) throw std::out_of_range(port);
  } catch (const std::exception&) {
    throw std::invalid_argument("PACS address '" + text + "': port '" + port +
                                "' is not a number from 1 to 65535");
  }
  return n;
}

void Echo(const Node& node, const Options& options) {
  Name(node);
  if (node.dimse) return detail::DimseEcho(*node.dimse, options);
  detail::WebEcho(*node.web, options);
}

std::vector<StudyRecord> FindStudies(const Node& node, const StudyQuery& query,
                                     const Options& options, std::vector<std::string>* warnings) {
  Name(node);
  auto found = node.dimse ? detail::DimseFind(*node.dimse, query, options)
                          : detail::WebFind(*node.web, query, options);
  std::vector<std::string> dropped;
  auto kept = KeepMatching(query, std::move(found), dropped);
  if (warnings)
    for (auto& w : dropped) warnings->push_back(node.name + ": " + w);
  return kept;
}

TransferResult Retrieve(const Node& node, const std::string& study_uid,
                        const std::string& series_uid, const fs::path& out, const Options& options,
                        const Callbacks& callbacks) {
  Name(node);
  if (study_uid.empty()) throw std::invalid_argument("retrieve needs a Study Instance UID");
  if (node.dimse)
    return detail::DimseRetrieve(*node.dimse, study_uid, series_uid, out, options, callbacks);
  return detail::WebRetrieve(*node.web, study_uid, series_uid, out, options, callbacks);
}

TransferResult Store(const Node& node, const std::vector<fs::path>& files, const Options& options,
                     const Callbacks& callbacks) {
  Name(node);
  if (node.dimse) return detail::DimseStore(*node.dimse, files, options, callbacks);
  return detail::WebStore(*node.web, files, options, callbacks);
}

std::vector<fs::path> CollectDicomFiles(const std::vector<fs::path>& paths) {
  std::vector<fs::path> files;
  for (const fs::path& p : paths) {
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) {
      files.push_back(p);  // named explicitly: sent (or refused by name) even without DICM
    } else if (fs::is_directory(p, ec)) {
      for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file() && IsDicomFile(e.path())) files.push_back(e.path());
    } else {
      throw std::invalid_argument("'" + p.string() + "' is neither a file nor a folder");
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

namespace detail {

bool WriteAtomically(const fs::path& path, const std::string& bytes, std::string* error) {
  const fs::path part = path.string() + ".part";
  {
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      out.close();
      fs::remove(part);
      if (error) *error = "cannot write " + part.string();
      return false;
    }
  }
  std::error_code ec;
  fs::rename(part, path, ec);
  if (ec) {
    fs::remove(part);
    if (error) *error = "cannot rename " + part.string() + " into place: " + ec.message();
    return false;
  }
  return true;
}

void RemovePartFiles(const fs::path& dir) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".part") fs::remove(e.path(), ec);
}

}  // namespace detail

}  // namespace nadir::pacs
