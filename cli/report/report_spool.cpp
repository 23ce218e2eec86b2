#include "cli/report/report_spool.h"

#include <stdlib.h>
#include <unistd.h>

namespace nadir::report {

namespace {

constexpr std::size_t kCopyChunk = 1 << 16;

// A record: its cell count, then each cell as "length:bytes".
void PutCell(std::string& out, std::string_view s) {
  out += std::to_string(s.size());
  out += ':';
  out += s;
}

bool GetCell(std::FILE* f, std::string& s) {
  std::size_t n = 0;
  int c = std::fgetc(f);
  if (c == EOF) return false;
  for (; c != ':'; c = std::fgetc(f)) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  s.resize(n);
  return n == 0 || std::fread(s.data(), 1, n, f) == n;
}

}  // namespace

Spool::~Spool() {
  if (file_) std::fclose(file_);
}

bool Spool::Open() {
  if (file_ || failed_) return !failed_;
  if (folder_.empty()) {
    file_ = std::tmpfile();
  } else {
    std::string name = folder_ + "/.nadir-spool-XXXXXX";
    const int fd = ::mkstemp(name.data());
    if (fd >= 0) {
      ::unlink(name.c_str());  // gone when closed, even if the process dies
      file_ = ::fdopen(fd, "w+b");
      if (!file_) ::close(fd);
    }
  }
  failed_ = file_ == nullptr;
  return !failed_;
}

void Spool::Append(std::string_view text) {
  if (text.empty() || !Open()) return;
  failed_ = std::fwrite(text.data(), 1, text.size(), file_) != text.size();
}

void Spool::AppendRecord(const std::vector<std::string>& cells) {
  std::string out;
  PutCell(out, std::to_string(cells.size()));
  for (const auto& c : cells) PutCell(out, c);
  Append(out);
}

void Spool::AppendSpool(const Spool& other) {
  other.CopyTo([this](std::string_view text) {
    Append(text);
    return ok();
  });
  failed_ |= !other.ok();
}

bool Spool::CopyTo(const TextSink& sink) const {
  if (failed_) return false;
  if (!file_) return true;  // nothing appended
  if (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0) return false;
  std::string buffer(kCopyChunk, '\0');
  for (;;) {
    const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file_);
    if (n > 0 && !sink(std::string_view(buffer.data(), n))) return false;
    if (n < buffer.size()) break;
  }
  const bool ok = std::ferror(file_) == 0;
  return std::fseek(file_, 0, SEEK_END) == 0 && ok;
}

bool Spool::ForEachRecord(const std::function<bool(const std::vector<std::string>&)>& visit) const {
  if (failed_) return false;
  if (!file_) return true;
  if (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0) return false;
  std::vector<std::string> cells;
  std::string count;
  bool ok = true;
  while (ok && GetCell(file_, count)) {
    cells.resize(std::stoul(count));
    for (auto& c : cells) ok = ok && GetCell(file_, c);
    ok = ok && visit(cells);
  }
  ok = ok && std::feof(file_) != 0;
  std::clearerr(file_);
  return std::fseek(file_, 0, SEEK_END) == 0 && ok;
}

}  // namespace nadir::report
