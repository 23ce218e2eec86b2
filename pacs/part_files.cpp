#include "pacs/detail/part_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "pacs/detail/http.h"

namespace nadir::pacs::detail {

namespace {
constexpr std::size_t kHeadBytes = 64 * 1024;  // holds any Part 10 meta header
}

PartFiles::PartFiles(std::filesystem::path out)
    : out_(std::move(out)), thread_([this] { Run(); }) {}

PartFiles::~PartFiles() { Finish(); }

void PartFiles::Begin() { Push({Op::kBegin, {}}); }

void PartFiles::Data(const char* d, std::size_t n) {
  std::unique_lock lock(mutex_);
  if (queued_bytes_ >= kQueuedBytes && !stopping_) {
    producer_waits_ = true;
    changed_.wait(lock, [&] { return queued_bytes_ <= kQueuedBytes / 2 || stopping_; });
    producer_waits_ = false;
  }
  queued_bytes_ += n;
  // Pieces of a part are joined into chunks of up to kChunk bytes, in buffers the writer hands
  // back: no allocation, no fresh page and no wake-up of the writer per piece (one thread per
  // piece cost 15,000 page faults and thousands of context switches on a 200 MB series).
  // The op the writer works on is no longer queued: appending to the last one is safe.
  if (!ops_.empty() && ops_.back().kind == Op::kData && ops_.back().data.size() + n <= kChunk) {
    ops_.back().data.append(d, n);
    return;
  }
  Op op{Op::kData, {}};
  if (!spare_.empty()) {
    op.data = std::move(spare_.back());
    spare_.pop_back();
  } else {
    op.data.reserve(kChunk);
  }
  op.data.assign(d, n);
  ops_.push_back(std::move(op));
  if (writer_waits_) changed_.notify_all();
}

void PartFiles::End() { Push({Op::kEnd, {}}); }

void PartFiles::Push(Op op) {
  std::lock_guard lock(mutex_);
  ops_.push_back(std::move(op));
  if (writer_waits_) changed_.notify_all();
}

std::vector<PartFiles::Outcome> PartFiles::TakeFinished() {
  std::lock_guard lock(mutex_);
  return std::exchange(finished_, {});
}

std::string PartFiles::error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

void PartFiles::Finish() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    changed_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
}

void PartFiles::Run() {
  for (;;) {
    Op op;
    {
      std::unique_lock lock(mutex_);
      while (ops_.empty() && !stopping_) {
        writer_waits_ = true;
        changed_.wait(lock);
        writer_waits_ = false;
      }
      if (ops_.empty()) break;  // stopping, and everything queued is written
      op = std::move(ops_.front());
      ops_.pop_front();
    }
    Apply(op);
    std::lock_guard lock(mutex_);
    queued_bytes_ -= op.data.size();
    if (op.kind == Op::kData && spare_.size() < kSpareChunks) {
      op.data.clear();  // keeps its capacity for the next chunk
      spare_.push_back(std::move(op.data));
    }
    // The producer waits for room: woken once half the queue is free, not for every chunk.
    if (producer_waits_ && queued_bytes_ <= kQueuedBytes / 2) changed_.notify_all();
  }
  if (fd_ >= 0) {  // a part begun and never ended (the reply was cut): its file is left as .part
    ::close(fd_);
    fd_ = -1;
  }
}

void PartFiles::Apply(Op& op) {
  switch (op.kind) {
    case Op::kBegin: {
      temp_ = out_ / ("wado-" + std::to_string(++index_) + ".dcm.part");
      fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      head_.clear();
      size_ = 0;
      part_failed_ = fd_ < 0;
      if (part_failed_) {
        std::lock_guard lock(mutex_);
        error_ = "cannot write " + temp_.string() + ": " + std::strerror(errno);
      }
      break;
    }
    case Op::kData: {
      const std::string& d = op.data;
      if (head_.size() < kHeadBytes)
        head_.append(d, 0, std::min(d.size(), kHeadBytes - head_.size()));
      size_ += d.size();
      for (std::size_t done = 0; fd_ >= 0 && !part_failed_ && done < d.size();) {
        const ssize_t w = ::write(fd_, d.data() + done, d.size() - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
          part_failed_ = true;
          std::lock_guard lock(mutex_);
          error_ = "cannot write " + temp_.string() + ": " + std::strerror(errno);
          break;
        }
        done += std::size_t(w);
      }
      break;
    }
    case Op::kEnd:
      EndPart();
      break;
  }
}

void PartFiles::EndPart() {
  Outcome o;
  o.sop = SopUidOfPart10(head_);
  const bool closed = fd_ < 0 || ::close(fd_) == 0;
  fd_ = -1;
  std::error_code ec;
  if (part_failed_ || !closed) {
    o.error = "cannot write " + temp_.string();
    o.file = temp_;
    std::filesystem::remove(temp_, ec);
  } else if (o.sop.empty()) {
    o.error = "part " + std::to_string(index_) + " is not a DICOM file with a SOP Instance UID";
    std::filesystem::remove(temp_, ec);
  } else {
    o.file = out_ / (o.sop + ".dcm");
    std::filesystem::rename(temp_, o.file, ec);
    if (ec) {
      o.error = "cannot rename into place: " + ec.message();  // o.file: where it should be
      std::filesystem::remove(temp_, ec);
    } else {
      o.bytes = size_;
    }
  }
  std::lock_guard lock(mutex_);
  finished_.push_back(std::move(o));
}

}  // namespace nadir::pacs::detail
