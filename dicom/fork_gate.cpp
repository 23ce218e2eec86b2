#include "dicom/detail/fork_gate.h"

#include <unistd.h>

namespace nadir::dicom::detail {
namespace {
thread_local int entered = 0;  // this thread's Enter calls not yet left
}  // namespace

ForkGate& ForkGate::Instance() {
  static ForkGate gate;
  return gate;
}

void ForkGate::Enter() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return !forking_; });
  ++inside_;
  ++entered;
}

void ForkGate::Leave() {
  std::lock_guard lock(mutex_);
  --inside_;
  --entered;
  changed_.notify_all();
}

pid_t ForkGate::Fork() {
  const int mine = entered;
  for (int i = 0; i < mine; ++i) Leave();
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !forking_; });
    forking_ = true;  // no worker enters from now on
    changed_.wait(lock, [&] { return inside_ == 0; });
  }
  const pid_t pid = ::fork();
  if (pid == 0) return 0;  // the child: another thread may hold mutex_ at this instant
  {
    std::lock_guard lock(mutex_);
    forking_ = false;
    changed_.notify_all();
  }
  for (int i = 0; i < mine; ++i) Enter();
  return pid;
}

}  // namespace nadir::dicom::detail
