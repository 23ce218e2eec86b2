// Where PACS nodes and DICOMweb credentials come from: a small JSON node file, the
// environment, or a credentials file. Format and rules: README.md in this folder.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "pacs/pacs.h"

namespace nadir::pacs {

struct NodeFile {
  std::map<std::string, Node> nodes;
  std::string own_aet;  // empty: not set in the file
  int move_port = 0;
  std::filesystem::path cache_dir;
  std::uint64_t cache_max_bytes = 0;  // 0: not set in the file
};

/// Reads the node file. Throws std::invalid_argument naming the file, node and field.
NodeFile ReadNodeFile(const std::filesystem::path& file);

/// $NADIR_PACS_CONFIG, else $XDG_CONFIG_HOME/nadir/pacs.json, else ~/.config/nadir/pacs.json.
std::filesystem::path DefaultNodeFile();

/// Credentials for DICOMweb: `credentials_file` when given, else $NADIR_DICOMWEB_CREDENTIALS
/// (a file), else $NADIR_DICOMWEB_TOKEN, else $NADIR_DICOMWEB_USER and
/// $NADIR_DICOMWEB_PASSWORD; empty when none. A credentials file is JSON {"token": ...} or
/// {"user": ..., "password": ...} and must not be readable by group or others.
WebCredentials ReadCredentials(const std::filesystem::path& credentials_file = {});

}  // namespace nadir::pacs
