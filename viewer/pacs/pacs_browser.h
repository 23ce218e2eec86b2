// The viewer's PACS session without any drawing: queries and retrieves run on one worker
// thread, the UI polls a snapshot each frame and may cancel. A study is retrieved series by
// series through the local cache, so the first series can open while the others still arrive.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "pacs/cache.h"
#include "pacs/pacs.h"

namespace nadir::viewer {

struct PacsSnapshot {
  enum class Activity { kIdle, kFinding, kRetrieving, kSending };
  Activity activity = Activity::kIdle;
  std::vector<pacs::StudyRecord> studies;  // the last query's answer
  std::string retrieving_study;            // study UID being retrieved ("" when none)
  int series_done = 0, series_total = 0;
  pacs::Progress progress;  // of the series on the wire
  // Folders of series that arrived complete, in arrival order (cache entries); the viewer
  // opens them as they come.
  std::vector<std::filesystem::path> arrived;
  std::string error;                  // the last failure, naming node, operation and status
  std::vector<std::string> messages;  // warnings and what was done, newest last
  bool cancelled = false;             // the last retrieve was cancelled
  int sent = 0;                       // instances the last Send stored
  int generation = 0;                 // grows with each change, so the UI redraws only then
};

class PacsBrowser {
 public:
  PacsBrowser(pacs::Node node, pacs::Options options, pacs::CacheOptions cache);
  ~PacsBrowser();  // cancels what runs and waits for the worker
  PacsBrowser(const PacsBrowser&) = delete;
  PacsBrowser& operator=(const PacsBrowser&) = delete;

  /// Queues a study query; its answer replaces `studies`.
  void Find(const pacs::StudyQuery& query);
  /// Queues the retrieve of every series of a study listed by the last query (images first,
  /// then SR and the rest), each into the cache; `series_uid` non-empty retrieves that one only.
  void Retrieve(const std::string& study_uid, const std::string& series_uid = {});
  /// Queues a C-STORE or STOW-RS of `files` (an exported SR): it goes into the study its
  /// attributes name, as a new series.
  void Send(std::vector<std::filesystem::path> files);
  /// Stops the transfer on the wire (whole instances stay in the cache's partial entry, which
  /// is fetched again next time) and drops queued work.
  void Cancel();

  PacsSnapshot Snapshot() const;
  const pacs::Node& node() const { return node_; }

 private:
  void Work();
  void RunFind(const pacs::StudyQuery& query);
  void RunRetrieve(const std::string& study_uid, const std::string& series_uid);
  void RunSend(const std::vector<std::filesystem::path>& files);
  void Message(std::string text);
  // Cancel from cancel_, progress into the snapshot: what every transfer passes to pacs/.
  pacs::Callbacks TransferCallbacks();

  pacs::Node node_;
  pacs::Options options_;
  pacs::CacheOptions cache_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
  PacsSnapshot state_;
  std::atomic<bool> cancel_{false};
  bool stop_ = false;
  std::thread worker_;  // last: starts after every member above exists
};

/// Series of a study in the order the viewer wants them: CT, MR and PT images before SR and
/// other objects, then by series number.
std::vector<pacs::SeriesRecord> ReadingOrder(std::vector<pacs::SeriesRecord> series);

}  // namespace nadir::viewer
