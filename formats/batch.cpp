#include "formats/batch.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <iterator>
#include <mutex>
#include <thread>

#include "formats/assessment_json.h"
#include "formats/subject_key_index.h"
#include "measure/assess.h"

namespace nadir {

namespace fs = std::filesystem;

namespace {

double Seconds(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

AssessedFile AssessOne(const std::string& file, double& read_s, double& assess_s) {
  const auto t0 = std::chrono::steady_clock::now();
  LoadedAssessment loaded = ReadAssessmentFile(file, AssessmentUse::kBatch);
  const auto t1 = std::chrono::steady_clock::now();
  read_s += Seconds(t0, t1);
  AssessedFile out;
  // Other nadir documents (a results file, adjudication records) may share a folder.
  if (!loaded.format.empty()) {
    const std::string& format = loaded.format;
    if (format != kAssessmentFormat && format.rfind("nadir-", 0) == 0) {
      out.skipped = true;
      out.skip_reason = "a " + format + " document, not an assessment";
      out.result.file = file;
      return out;
    }
  }
  if (!loaded.errors.empty() || !loaded.subject) {
    out.result.file = file;
    if (loaded.subject) {
      out.result.subject = loaded.subject->id;
      out.result.reader = loaded.subject->reader;
      out.result.groups = loaded.subject->groups;
    }
    out.result.errors = std::move(loaded.errors);
    out.result.warnings = std::move(loaded.warnings);
    return out;
  }
  out.result = AssessSubject(*loaded.subject);
  out.result.file = file;
  out.result.warnings.insert(out.result.warnings.begin(), loaded.warnings.begin(),
                             loaded.warnings.end());
  out.subject = std::move(loaded.subject);  // sorted by the reader, without its document text
  assess_s += Seconds(t1, std::chrono::steady_clock::now());
  return out;
}

// Whether the earlier file `file` holds the same subject and reader as `later` (the key index
// keeps hashes only; a hit is confirmed by reading the earlier file again, which happens only
// for true duplicates and for a 64-bit hash collision).
bool SameSubjectAndReader(const std::string& file, const SubjectResult& later) {
  try {
    const LoadedAssessment earlier = ReadAssessmentFile(file, AssessmentUse::kBatch);
    return earlier.subject && earlier.subject->id == later.subject &&
           earlier.subject->reader == later.reader;
  } catch (const std::exception&) {
    return false;  // gone or unreadable since: nothing to compare with
  }
}

}  // namespace

std::vector<std::string> FindAssessmentFiles(const std::vector<std::string>& paths,
                                             std::vector<std::string>& problems) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    const auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) {
      problems.push_back(p + ": no such file or folder");
      continue;
    }
    if (!fs::is_directory(status)) {
      files.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (auto it =
             fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == ".json")
        found.push_back(it->path().string());
    }
    if (ec) problems.push_back(p + ": cannot list the folder: " + ec.message());
    std::sort(found.begin(), found.end());
    // Moved, not copied: two copies of a 100,000-file list were the peak of a whole recompute.
    files.insert(files.end(), std::make_move_iterator(found.begin()),
                 std::make_move_iterator(found.end()));
  }
  return files;
}

void AssessFilesInOrder(const std::vector<std::string>& files, unsigned threads,
                        const std::function<void(AssessedFile&)>& prepare,
                        const std::function<void(AssessedFile&&)>& consume,
                        const std::function<void(std::size_t)>& progress, BatchTimings* timings,
                        std::size_t block) {
  // Large enough that a block keeps every worker busy, small enough to be a few MB.
  constexpr std::size_t kDefaultBlock = 4096;
  const auto start = std::chrono::steady_clock::now();
  if (block == 0) block = kDefaultBlock;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, std::max<std::size_t>(1, files.size()));
  std::vector<double> read_s(threads, 0.0), assess_s(threads, 0.0);
  std::vector<AssessedFile> out;
  // The same subject read twice by the same reader: keep the first, flag the later file.
  SubjectKeyIndex seen;
  std::atomic<std::size_t> done{0};
  for (std::size_t first = 0; first < files.size(); first += block) {
    const std::size_t count = std::min(block, files.size() - first);
    out.assign(count, AssessedFile{});
    std::atomic<std::size_t> next{0};
    auto work = [&](unsigned w) {
      for (std::size_t i; (i = next.fetch_add(1)) < count;) {
        const std::string& file = files[first + i];
        try {
          out[i] = AssessOne(file, read_s[w], assess_s[w]);
        } catch (const std::exception& e) {
          // One bad file never stops a batch (DESIGN.md): it becomes that file's error and an
          // escaped exception cannot terminate the worker thread and the whole run.
          out[i] = AssessedFile{};
          out[i].result.file = file;
          out[i].result.errors.push_back(std::string("cannot assess the file: ") + e.what());
        }
        if (prepare) prepare(out[i]);
        done.fetch_add(1);
      }
    };
    std::vector<std::thread> pool;
    for (unsigned w = 1; w < threads; ++w) pool.emplace_back(work, w);
    if (progress) {
      std::thread helper(work, 0);
      while (next.load() < count) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        progress(done.load());
      }
      helper.join();
    } else {
      work(0);
    }
    for (auto& t : pool) t.join();
    for (std::size_t i = 0; i < count; ++i) {
      AssessedFile& f = out[i];
      if (!f.skipped && !f.result.subject.empty()) {
        const auto earlier = seen.Insert(SubjectKeyIndex::Key(f.result.subject, f.result.reader),
                                         static_cast<std::uint32_t>(first + i));
        if (earlier && SameSubjectAndReader(files[*earlier], f.result)) {
          f.result.errors.push_back("subject " + f.result.subject + " (reader '" + f.result.reader +
                                    "') is also in " + files[*earlier]);
          // A subject with errors has no responses, under any criteria.
          f.result.baseline.reset();
          f.result.recist11.reset();
          f.result.irecist.reset();
          if (prepare) prepare(f);
        }
      }
      consume(std::move(f));
    }
  }
  if (progress) progress(done.load());
  if (timings) {
    for (unsigned w = 0; w < threads; ++w) {
      timings->read_seconds += read_s[w];
      timings->assess_seconds += assess_s[w];
    }
    timings->wall_seconds = Seconds(start, std::chrono::steady_clock::now());
  }
}

std::vector<AssessedFile> AssessFiles(const std::vector<std::string>& files, unsigned threads,
                                      const std::function<void(std::size_t)>& progress,
                                      BatchTimings* timings) {
  std::vector<AssessedFile> out;
  out.reserve(files.size());
  AssessFilesInOrder(
      files, threads, {}, [&](AssessedFile&& f) { out.push_back(std::move(f)); }, progress, timings,
      files.size());
  return out;
}

}  // namespace nadir
