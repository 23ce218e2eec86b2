#include "formats/results_stream.h"

#include <unistd.h>

#include <filesystem>

namespace nadir {

namespace {

// A spool record is a sequence of length-prefixed strings ("12:some text"), since CSV fields
// may hold newlines: the group count, key and value pairs, the row count, prefix and rest.
void PutString(std::string& out, std::string_view s) {
  out += std::to_string(s.size());
  out += ':';
  out += s;
}

bool GetString(std::FILE* f, std::string& s) {
  std::size_t n = 0;
  for (int c; (c = std::fgetc(f)) != ':';) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  s.resize(n);
  return n == 0 || std::fread(s.data(), 1, n, f) == n;
}

bool GetCount(std::FILE* f, std::size_t& n) {
  std::string s;
  if (!GetString(f, s)) return false;
  n = std::stoul(s);
  return true;
}

}  // namespace

OutputFile::~OutputFile() {
  if (file_ && file_ != stdout) {
    std::fclose(file_);
    std::remove(temp_.c_str());
  }
}

bool OutputFile::Open(const std::string& path, std::string* error) {
  path_ = path;
  if (path == "-") {
    file_ = stdout;
    return true;
  }
  temp_ = path + ".tmp-" + std::to_string(::getpid());
  file_ = std::fopen(temp_.c_str(), "wb");
  if (!file_ && error) *error = "cannot create " + temp_;
  return file_ != nullptr;
}

bool OutputFile::Write(std::string_view text) {
  if (!file_ || failed_) return false;
  failed_ = std::fwrite(text.data(), 1, text.size(), file_) != text.size();
  return !failed_;
}

bool OutputFile::Commit(std::string* error) {
  if (!file_) return false;
  if (file_ == stdout) return std::fflush(stdout) == 0 && !failed_;
  const bool written = !failed_ && std::fflush(file_) == 0 && ::fsync(fileno(file_)) == 0;
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!written || !closed) {
    std::remove(temp_.c_str());
    if (error) *error = "cannot write " + temp_;
    return false;
  }
  std::error_code ec;
  std::filesystem::rename(temp_, path_, ec);
  if (ec) {
    std::remove(temp_.c_str());
    if (error) *error = "cannot replace " + path_ + ": " + ec.message();
    return false;
  }
  return true;
}

std::string SpoolRecord(const std::map<std::string, std::string>& groups,
                        const std::vector<SplitRow>& rows) {
  std::string out;
  PutString(out, std::to_string(groups.size()));
  for (const auto& [k, v] : groups) {
    PutString(out, k);
    PutString(out, v);
  }
  PutString(out, std::to_string(rows.size()));
  for (const auto& r : rows) {
    PutString(out, r.prefix);
    PutString(out, r.rest);
  }
  return out;
}

GroupedRowSpool::GroupedRowSpool() : file_(std::tmpfile()) {}

GroupedRowSpool::~GroupedRowSpool() {
  if (file_) std::fclose(file_);
}

void GroupedRowSpool::Add(std::string_view record,
                          const std::map<std::string, std::string>& groups) {
  for (const auto& g : groups) keys_.insert(g.first);
  if (!file_ || failed_) return;
  failed_ = std::fwrite(record.data(), 1, record.size(), file_) != record.size();
}

bool GroupedRowSpool::WriteTo(OutputFile& out, std::string (*cell)(const std::string*)) {
  if (!ok() || std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0) return false;
  std::map<std::string, std::string> groups;
  std::string key, value;
  SplitRow row;
  for (std::size_t n_groups = 0; GetCount(file_, n_groups);) {
    groups.clear();
    for (std::size_t i = 0; i < n_groups; ++i) {
      if (!GetString(file_, key) || !GetString(file_, value)) return false;
      groups[key] = value;
    }
    std::size_t n_rows = 0;
    if (!GetCount(file_, n_rows)) return false;
    for (std::size_t i = 0; i < n_rows; ++i) {
      if (!GetString(file_, row.prefix) || !GetString(file_, row.rest)) return false;
      if (!out.Write(JoinRow(row, keys_, groups, cell))) return false;
    }
  }
  return std::feof(file_) != 0;
}

}  // namespace nadir
