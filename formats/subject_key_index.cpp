#include "formats/subject_key_index.h"

namespace nadir {

std::uint64_t SubjectKeyIndex::Key(std::string_view subject, std::string_view reader) {
  std::uint64_t h = 14695981039346656037ull;
  auto mix = [&h](unsigned char c) {
    h ^= c;
    h *= 1099511628211ull;
  };
  for (char c : subject) mix(static_cast<unsigned char>(c));
  mix(0);  // ("ab", "c") and ("a", "bc") differ
  for (char c : reader) mix(static_cast<unsigned char>(c));
  return h == 0 ? 1 : h;
}

std::size_t SubjectKeyIndex::Slot(std::uint64_t key) const {
  // Linear probing from the key's slot; the table is never more than half full.
  const std::size_t mask = keys_.size() - 1;
  std::size_t i = static_cast<std::size_t>(key ^ (key >> 29)) & mask;
  while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask;
  return i;
}

std::optional<std::uint32_t> SubjectKeyIndex::Find(std::uint64_t key) const {
  if (keys_.empty()) return std::nullopt;
  const std::size_t i = Slot(key);
  if (keys_[i] == 0) return std::nullopt;
  return files_[i];
}

std::optional<std::uint32_t> SubjectKeyIndex::Insert(std::uint64_t key, std::uint32_t file) {
  if (2 * (size_ + 1) > keys_.size()) Grow();
  const std::size_t i = Slot(key);
  if (keys_[i] != 0) return files_[i];
  keys_[i] = key;
  files_[i] = file;
  ++size_;
  return std::nullopt;
}

void SubjectKeyIndex::Grow() {
  std::vector<std::uint64_t> keys = std::move(keys_);
  std::vector<std::uint32_t> files = std::move(files_);
  const std::size_t n = keys.empty() ? 1024 : 2 * keys.size();
  keys_.assign(n, 0);
  files_.assign(n, 0);
  for (std::size_t j = 0; j < keys.size(); ++j)
    if (keys[j] != 0) {
      const std::size_t i = Slot(keys[j]);
      keys_[i] = keys[j];
      files_[i] = files[j];
    }
}

}  // namespace nadir
