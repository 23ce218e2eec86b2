// Writing `nadir recompute`'s outputs one subject at a time, so that memory does not grow with
// the number of subjects: the results document straight to its file, and the CSV and response
// table (whose group columns are the union over all subjects) through a spool file whose rows
// get their group columns once every subject has been read.
#pragma once

#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "formats/results_json.h"

namespace nadir {

/// An output written piece by piece to a temporary file beside `path`, renamed over it by
/// Commit (as WriteFileAtomically); "-" writes to standard output. An output never committed
/// leaves no file behind.
class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();
  bool Open(const std::string& path, std::string* error);
  bool Write(std::string_view text);
  bool Commit(std::string* error);

 private:
  std::string path_, temp_;
  std::FILE* file_ = nullptr;
  bool failed_ = false;
};

/// One subject's rows of a grouped document, encoded for the spool on a worker thread.
std::string SpoolRecord(const std::map<std::string, std::string>& groups,
                        const std::vector<SplitRow>& rows);

/// Rows held in an unnamed temporary file until the group columns are known.
class GroupedRowSpool {
 public:
  GroupedRowSpool();
  GroupedRowSpool(const GroupedRowSpool&) = delete;
  GroupedRowSpool& operator=(const GroupedRowSpool&) = delete;
  ~GroupedRowSpool();
  bool ok() const { return file_ != nullptr && !failed_; }
  /// Adds a record from SpoolRecord; `groups` are the subject's, for the union of keys.
  void Add(std::string_view record, const std::map<std::string, std::string>& groups);
  const std::set<std::string>& keys() const { return keys_; }
  /// Writes every row, in the order added, with a cell per key between its halves.
  bool WriteTo(OutputFile& out, std::string (*cell)(const std::string*));

 private:
  std::FILE* file_ = nullptr;
  bool failed_ = false;
  std::set<std::string> keys_;
};

}  // namespace nadir
