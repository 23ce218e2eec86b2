// Internal to pacs/: writing the parts of a WADO-RS reply on a thread of their own, so that
// receiving the next instance and writing the last overlap. On one thread, creating and
// writing 400 files held up the receive loop (nadir took up to 1.5x curl's time, which writes
// one file; issue 17). Each part goes to OUT/wado-N.dcm.part and is renamed to
// SOP_INSTANCE_UID.dcm when whole; what the writer finished is collected on the calling thread.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace nadir::pacs::detail {

class PartFiles {
 public:
  /// One part as it ended: written under `file`, or failed with `error` (`sop` and `file`, the
  /// part or final name, when known).
  struct Outcome {
    std::string sop, error;
    std::filesystem::path file;
    std::uint64_t bytes = 0;
  };

  explicit PartFiles(std::filesystem::path out);
  ~PartFiles();  // waits for the writer (Finish)
  PartFiles(const PartFiles&) = delete;
  PartFiles& operator=(const PartFiles&) = delete;

  /// The next part starts, goes on with `n` bytes, is complete. Data waits while more than
  /// kQueuedBytes are queued, so memory stays bounded when the disk is slower than the network.
  void Begin();
  void Data(const char* d, std::size_t n);
  void End();

  /// The parts the writer has finished since the last call, in order.
  std::vector<Outcome> TakeFinished();
  /// Waits until everything queued is written, and stops the writer.
  void Finish();
  /// A failure that stops the transfer (a part file that cannot be created or written).
  std::string error() const;

  static constexpr std::size_t kQueuedBytes = 16u << 20;
  static constexpr std::size_t kChunk = 1u << 20;  // pieces are joined up to this size
  static constexpr std::size_t kSpareChunks = 17;  // buffers kept: all a full queue holds

 private:
  struct Op {
    enum Kind { kBegin, kData, kEnd } kind;
    std::string data;
  };
  void Push(Op op);
  void Run();
  void Apply(Op& op);
  void EndPart();

  const std::filesystem::path out_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Op> ops_;
  std::size_t queued_bytes_ = 0;
  bool stopping_ = false;
  bool writer_waits_ = false, producer_waits_ = false;
  std::vector<std::string> spare_;  // written chunks' buffers, for reuse
  std::vector<Outcome> finished_;
  std::string error_;
  // The writer thread's own state.
  int fd_ = -1;
  int index_ = 0;
  std::filesystem::path temp_;
  std::string head_;  // the part's first bytes: its meta header names the SOP instance
  std::uint64_t size_ = 0;
  bool part_failed_ = false;
  std::thread thread_;  // last: started once the rest is ready
};

}  // namespace nadir::pacs::detail
