// The node file and DICOMweb credentials (README.md in this folder).
#include "pacs/config.h"

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace nadir::pacs {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

json ReadJson(const fs::path& file, const char* what) {
  std::ifstream in(file);
  if (!in)
    throw std::invalid_argument(std::string(what) + " '" + file.string() + "' cannot be read");
  try {
    return json::parse(in);
  } catch (const std::exception& e) {
    throw std::invalid_argument(std::string(what) + " '" + file.string() +
                                "' is not valid JSON: " + e.what());
  }
}

std::string String(const json& j, const char* key, const std::string& where) {
  if (!j.contains(key)) return {};
  if (!j[key].is_string()) throw std::invalid_argument(where + ": '" + key + "' must be a string");
  return j[key].get<std::string>();
}

}  // namespace

fs::path DefaultNodeFile() {
  if (const std::string f = Env("NADIR_PACS_CONFIG"); !f.empty()) return f;
  if (const std::string x = Env("XDG_CONFIG_HOME"); !x.empty())
    return fs::path(x) / "nadir/pacs.json";
  return fs::path(Env("HOME")) / ".config/nadir/pacs.json";
}

NodeFile ReadNodeFile(const fs::path& file) {
  const json j = ReadJson(file, "PACS node file");
  const std::string where = file.string();
  if (!j.is_object()) throw std::invalid_argument(where + ": must be a JSON object");
  NodeFile nf;
  nf.own_aet = String(j, "aet", where);
  if (j.contains("move_port")) {
    if (!j["move_port"].is_number_integer())
      throw std::invalid_argument(where + ": 'move_port' must be a whole number");
    nf.move_port = j["move_port"].get<int>();
  }
  if (j.contains("cache")) {
    const json& c = j["cache"];
    nf.cache_dir = String(c, "dir", where + " cache");
    if (c.contains("max_mb")) {
      if (!c["max_mb"].is_number_unsigned())
        throw std::invalid_argument(where + ": cache 'max_mb' must be a whole number of MB");
      nf.cache_max_bytes = c["max_mb"].get<std::uint64_t>() << 20;
    }
  }
  if (!j.contains("nodes") || !j["nodes"].is_object())
    throw std::invalid_argument(where + ": needs \"nodes\": {NAME: {...}}");
  for (const auto& [name, entry] : j["nodes"].items()) {
    const std::string at = where + " node '" + name + "'";
    Node n;
    n.name = name;
    const std::string dimse = String(entry, "dimse", at);
    const std::string web = String(entry, "dicomweb", at);
    if (dimse.empty() == web.empty())
      throw std::invalid_argument(at + ": give exactly one of \"dimse\" and \"dicomweb\"");
    if (!dimse.empty()) {
      try {
        n.dimse = ParseDimseAddress(dimse);
      } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(at + ": " + e.what());
      }
    } else {
      WebNode w;
      w.url = web;
      w.ca_file = String(entry, "ca_file", at);
      const std::string cred = String(entry, "credentials", at);
      w.credentials = ReadCredentials(cred);
      n.web = w;
    }
    nf.nodes[name] = n;
  }
  return nf;
}

WebCredentials ReadCredentials(const fs::path& credentials_file) {
  fs::path file = credentials_file;
  if (file.empty()) file = Env("NADIR_DICOMWEB_CREDENTIALS");
  WebCredentials c;
  if (!file.empty()) {
    std::error_code ec;
    const auto perms = fs::status(file, ec).permissions();
    if (!ec && (perms & (fs::perms::group_read | fs::perms::others_read)) != fs::perms::none)
      throw std::invalid_argument("credentials file '" + file.string() +
                                  "' is readable by group or others; chmod 600 it");
    const json j = ReadJson(file, "credentials file");
    c.token = String(j, "token", file.string());
    c.user = String(j, "user", file.string());
    c.password = String(j, "password", file.string());
    if (c.token.empty() && c.user.empty())
      throw std::invalid_argument("credentials file '" + file.string() +
                                  "' has neither \"token\" nor \"user\"");
    return c;
  }
  c.token = Env("NADIR_DICOMWEB_TOKEN");
  if (c.token.empty()) {
    c.user = Env("NADIR_DICOMWEB_USER");
    c.password = Env("NADIR_DICOMWEB_PASSWORD");
  }
  return c;
}

}  // namespace nadir::pacs
