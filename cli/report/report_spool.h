// Per-subject rows of `nadir report` held on disk while subjects come in, so that memory does
// not grow with the listings: each data set is copied out once the whole trial is read.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace nadir::report {

/// Where a data set's text goes: a file being written, or a string. False stops the copy.
using TextSink = std::function<bool(std::string_view)>;

/// An unnamed temporary file (removed when closed), opened on the first write: in `folder`
/// when set (beside the outputs: the system's temporary folder may be memory), else in the
/// system's. Holds either plain text or records of cells, never both.
class Spool {
 public:
  Spool() = default;
  void SetFolder(const std::string& folder) { folder_ = folder; }
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;
  ~Spool();
  /// False once a write failed (disk full): the data set would be incomplete.
  bool ok() const { return !failed_; }
  void Append(std::string_view text);
  /// One record: cells that may hold any byte (length-prefixed).
  void AppendRecord(const std::vector<std::string>& cells);
  /// Everything appended so far from `other`, as it is (records stay records).
  void AppendSpool(const Spool& other);
  /// The text as appended.
  bool CopyTo(const TextSink& sink) const;
  /// Each record in the order appended; `visit` returning false stops.
  bool ForEachRecord(const std::function<bool(const std::vector<std::string>&)>& visit) const;

 private:
  bool Open();
  std::string folder_;
  std::FILE* file_ = nullptr;
  bool failed_ = false;
};

}  // namespace nadir::report
