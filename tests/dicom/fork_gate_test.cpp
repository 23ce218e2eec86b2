// The fork gate (dicom/detail/fork_gate.h): a GDCM decoding child is forked only while no other
// loader worker is inside a library, so that no lock of theirs is held forever in the child.
#include "dicom/detail/fork_gate.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace nadir::dicom::detail {
namespace {

using namespace std::chrono_literals;

TEST(ForkGate, AForkWaitsUntilNoOtherWorkerIsInside) {
  ForkGate& gate = ForkGate::Instance();
  std::atomic<bool> entered{false}, release{false}, forked{false};
  std::thread worker([&] {
    const ForkGate::Inside inside;
    entered = true;
    while (!release) std::this_thread::sleep_for(1ms);
  });
  while (!entered) std::this_thread::sleep_for(1ms);
  int child_status = -1;
  std::thread forker([&] {
    const pid_t pid = gate.Fork();
    if (pid == 0) ::_exit(7);  // the child: allocates nothing, touches no lock
    forked = true;
    ::waitpid(pid, &child_status, 0);
  });
  std::this_thread::sleep_for(100ms);
  EXPECT_FALSE(forked) << "forked while a worker was inside";
  release = true;
  worker.join();
  forker.join();
  EXPECT_TRUE(forked);
  ASSERT_TRUE(WIFEXITED(child_status));
  EXPECT_EQ(WEXITSTATUS(child_status), 7);
}

TEST(ForkGate, AWorkerThatForksStepsOutAndBackInAndOthersKeepWorking) {
  ForkGate& gate = ForkGate::Instance();
  std::atomic<bool> stop{false};
  std::atomic<int> files{0};
  std::vector<std::thread> workers;
  for (int w = 0; w < 3; ++w)
    workers.emplace_back([&] {
      while (!stop) {
        const ForkGate::Inside inside;
        std::vector<int> work(1000, 1);  // allocations inside, as a decoder's
        files += work[0];
      }
    });
  // A worker of its own forks from inside, as DecodeWithGdcm does within a loader worker.
  for (int n = 0; n < 20; ++n) {
    const ForkGate::Inside inside;
    const pid_t pid = gate.Fork();
    if (pid == 0) ::_exit(0);
    int status = -1;
    ::waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status));
  }
  const int before = files;
  std::this_thread::sleep_for(20ms);
  stop = true;
  for (auto& t : workers) t.join();
  EXPECT_GT(files.load(), before) << "workers stopped after the forks";
}

}  // namespace
}  // namespace nadir::dicom::detail
