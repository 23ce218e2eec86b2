// Internal to dicom/: forking safely beside the loader's other workers. A child forked while
// another thread holds a lock (an allocator's, a decoder's, a stream's) inherits that lock held
// by nobody, and waits for it forever. Seen as a hang of the GDCM decoding child under GCC 12's
// AddressSanitizer, whose allocator is not fork-safe (glibc's malloc is; other libraries' locks
// are not). So loader workers hold the gate while they work on a file, and a fork waits until
// no other worker is inside. Starting and ending a thread allocate too: the loader holds the
// gate while it starts its workers, and no worker exits before all are done (load.cpp).
#pragma once

#include <sys/types.h>

#include <condition_variable>
#include <mutex>

namespace nadir::dicom::detail {

class ForkGate {
 public:
  static ForkGate& Instance();

  /// A worker starts on a file; waits while a fork is under way.
  void Enter();
  /// The worker is done with the file.
  void Leave();
  /// fork() while no other worker is inside; returns its result. A calling worker steps out
  /// while it waits and back in afterwards (in the parent; the child touches no lock).
  pid_t Fork();

  /// Enter and Leave for one scope.
  class Inside {
   public:
    Inside() { Instance().Enter(); }
    ~Inside() { Instance().Leave(); }
    Inside(const Inside&) = delete;
    Inside& operator=(const Inside&) = delete;
  };

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int inside_ = 0;
  bool forking_ = false;
};

}  // namespace nadir::dicom::detail
