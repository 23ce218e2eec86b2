// Which earlier file of a batch holds a subject: a flat hash table of 12 bytes a slot (a 64-bit
// hash of subject and reader, and the file's index), at most half full. The batch keeps one
// entry per subject for its whole run, so the entry must stay small: the map of strings it
// replaces took about 200 bytes a subject (issue 18, memory that does not grow with the trial).
// A hash says only "maybe the same": the caller confirms a hit against the earlier file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace nadir {

class SubjectKeyIndex {
 public:
  /// The key of (subject, reader): FNV-1a over both, with a separator, never 0.
  static std::uint64_t Key(std::string_view subject, std::string_view reader);

  /// The file index stored under `key`, if any.
  std::optional<std::uint32_t> Find(std::uint64_t key) const;

  /// Stores `file` under `key` unless the key is there already; returns the index stored first.
  std::optional<std::uint32_t> Insert(std::uint64_t key, std::uint32_t file);

  std::size_t size() const { return size_; }

 private:
  std::size_t Slot(std::uint64_t key) const;
  void Grow();

  std::vector<std::uint64_t> keys_;  // 0: empty slot
  std::vector<std::uint32_t> files_;
  std::size_t size_ = 0;
};

}  // namespace nadir
