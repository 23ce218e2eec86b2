// The viewer's PACS worker (see pacs_browser.h).
#include "viewer/pacs/pacs_browser.h"

#include <algorithm>

namespace nadir::viewer {

namespace {

bool IsImage(const std::string& modality) {
  return modality == "CT" || modality == "MR" || modality == "PT";
}

int Number(const std::string& text) {
  try {
    return text.empty() ? 0 : std::stoi(text);
  } catch (const std::exception&) {
    return 0;  // a malformed Series Number sorts first, it is not dropped
  }
}

}  // namespace

std::vector<pacs::SeriesRecord> ReadingOrder(std::vector<pacs::SeriesRecord> series) {
  std::stable_sort(series.begin(), series.end(), [](const auto& a, const auto& b) {
    if (IsImage(a.modality) != IsImage(b.modality)) return IsImage(a.modality);
    return Number(a.number) < Number(b.number);
  });
  return series;
}

PacsBrowser::PacsBrowser(pacs::Node node, pacs::Options options, pacs::CacheOptions cache)
    : node_(std::move(node)),
      options_(std::move(options)),
      cache_(std::move(cache)),
      worker_([this] { Work(); }) {}

PacsBrowser::~PacsBrowser() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    queue_.clear();
  }
  cancel_ = true;
  wake_.notify_all();
  worker_.join();
}

void PacsBrowser::Find(const pacs::StudyQuery& query) {
  std::lock_guard lock(mutex_);
  queue_.push_back([this, query] { RunFind(query); });
  wake_.notify_all();
}

void PacsBrowser::Retrieve(const std::string& study_uid, const std::string& series_uid) {
  std::lock_guard lock(mutex_);
  queue_.push_back([this, study_uid, series_uid] { RunRetrieve(study_uid, series_uid); });
  wake_.notify_all();
}

void PacsBrowser::Send(std::vector<std::filesystem::path> files) {
  std::lock_guard lock(mutex_);
  queue_.push_back([this, files = std::move(files)] { RunSend(files); });
  wake_.notify_all();
}

void PacsBrowser::Cancel() {
  std::lock_guard lock(mutex_);
  queue_.clear();
  cancel_ = true;
}

PacsSnapshot PacsBrowser::Snapshot() const {
  std::lock_guard lock(mutex_);
  return state_;
}

pacs::Callbacks PacsBrowser::TransferCallbacks() {
  pacs::Callbacks callbacks;
  callbacks.cancelled = [this] { return cancel_.load(); };
  callbacks.on_progress = [this](const pacs::Progress& p) {
    std::lock_guard lock(mutex_);
    state_.progress = p;
    ++state_.generation;
  };
  return callbacks;
}

void PacsBrowser::Message(std::string text) {
  std::lock_guard lock(mutex_);
  state_.messages.push_back(std::move(text));
  ++state_.generation;
}

void PacsBrowser::Work() {
  while (true) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      job = std::move(queue_.front());
      queue_.pop_front();
      cancel_ = false;  // a Cancel before this job started is for the jobs it dropped
    }
    job();
  }
}

void PacsBrowser::RunFind(const pacs::StudyQuery& query) {
  {
    std::lock_guard lock(mutex_);
    state_.activity = PacsSnapshot::Activity::kFinding;
    state_.error.clear();
    ++state_.generation;
  }
  std::vector<std::string> warnings;
  std::vector<pacs::StudyRecord> found;
  std::string error;
  try {
    found = pacs::FindStudies(node_, query, options_, &warnings);
  } catch (const std::exception& e) {
    error = e.what();
  }
  std::lock_guard lock(mutex_);
  for (auto& w : warnings) state_.messages.push_back(std::move(w));
  if (error.empty()) {
    state_.studies = std::move(found);
    state_.messages.push_back(node_.name + ": " + std::to_string(state_.studies.size()) +
                              " studies found");
  } else {
    state_.error = error;  // the last answer stays listed
  }
  state_.activity = PacsSnapshot::Activity::kIdle;
  ++state_.generation;
}

void PacsBrowser::RunRetrieve(const std::string& study_uid, const std::string& series_uid) {
  std::vector<pacs::SeriesRecord> series;
  {
    std::lock_guard lock(mutex_);
    for (const auto& s : state_.studies)
      if (s.study_uid == study_uid) series = ReadingOrder(s.series);
    if (!series_uid.empty())
      std::erase_if(series, [&](const auto& r) { return r.series_uid != series_uid; });
    if (series.empty()) {  // not listed by the last query: the whole study in one go
      series.push_back({});
      series.back().series_uid = series_uid;
    }
    state_.activity = PacsSnapshot::Activity::kRetrieving;
    state_.retrieving_study = study_uid;
    state_.series_done = 0;
    state_.series_total = int(series.size());
    state_.progress = {};
    state_.error.clear();
    state_.cancelled = false;
    ++state_.generation;
  }
  const pacs::Callbacks callbacks = TransferCallbacks();
  for (const auto& s : series) {
    try {
      const auto r =
          pacs::RetrieveCached(node_, study_uid, s.series_uid, cache_, options_, callbacks);
      for (const auto& e : r.evicted) Message("cache: evicted " + e);
      if (r.transfer.cancelled) {
        std::lock_guard lock(mutex_);
        state_.cancelled = true;
        state_.messages.push_back("retrieve cancelled after " + std::to_string(state_.series_done) +
                                  " of " + std::to_string(state_.series_total) + " series");
        break;
      }
      std::lock_guard lock(mutex_);
      for (const auto& f : r.transfer.failed)
        state_.messages.push_back("instance " + f.sop_uid + " did not arrive: " + f.status);
      state_.arrived.push_back(r.dir);
      ++state_.series_done;
      state_.messages.push_back(
          (s.modality.empty() ? std::string("study") : s.modality + " series " + s.number) +
          (r.hit ? " from the cache" : " retrieved by " + r.transfer.method));
      ++state_.generation;
    } catch (const std::exception& e) {
      std::lock_guard lock(mutex_);
      state_.error = e.what();
      ++state_.generation;
      break;
    }
  }
  std::lock_guard lock(mutex_);
  state_.activity = PacsSnapshot::Activity::kIdle;
  state_.retrieving_study.clear();
  ++state_.generation;
}

void PacsBrowser::RunSend(const std::vector<std::filesystem::path>& files) {
  {
    std::lock_guard lock(mutex_);
    state_.activity = PacsSnapshot::Activity::kSending;
    state_.progress = {};
    state_.error.clear();
    state_.sent = 0;
    ++state_.generation;
  }
  const pacs::Callbacks callbacks = TransferCallbacks();
  try {
    const auto r = pacs::Store(node_, files, options_, callbacks);
    std::lock_guard lock(mutex_);
    state_.sent = int(r.files.size());
    for (const auto& f : r.failed)
      state_.messages.push_back(f.file + " (" + f.sop_uid + ") was not stored: " + f.status);
    for (const auto& w : r.warnings) state_.messages.push_back(w);
    state_.messages.push_back("sent " + std::to_string(r.files.size()) + " of " +
                              std::to_string(files.size()) + " files to " + node_.name + " by " +
                              r.method);
    if (!r.failed.empty())
      state_.error = std::to_string(r.failed.size()) + " files were not stored (see the list)";
  } catch (const std::exception& e) {
    std::lock_guard lock(mutex_);
    state_.error = e.what();
  }
  std::lock_guard lock(mutex_);
  state_.activity = PacsSnapshot::Activity::kIdle;
  ++state_.generation;
}

}  // namespace nadir::viewer
