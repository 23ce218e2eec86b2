#include "viewer/core/series_budget.h"

#include <unistd.h>

#include <algorithm>
#include <numeric>

namespace nadir::viewer {

std::uint64_t PhysicalMemoryBytes() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page_size <= 0) return 0;
  return std::uint64_t(pages) * std::uint64_t(page_size);
}

std::uint64_t DefaultMemoryBudgetMb() {
  return std::uint64_t(double(PhysicalMemoryBytes()) * kDefaultMemoryShare) >> 20;
}

void SeriesBudget::Viewed(int series) {
  if (series < 0) return;
  if (series >= int(last_viewed_.size())) last_viewed_.resize(series + 1, 0);
  last_viewed_[series] = ++tick_;
}

void SeriesBudget::Reset() {
  last_viewed_.clear();
  tick_ = 0;
}

void SeriesBudget::Renumber(const std::vector<int>& new_index) {
  std::vector<std::uint64_t> renumbered(new_index.size(), 0);
  for (std::size_t i = 0; i < last_viewed_.size() && i < new_index.size(); ++i)
    if (new_index[i] >= 0 && new_index[i] < int(renumbered.size()))
      renumbered[new_index[i]] = last_viewed_[i];
  last_viewed_ = std::move(renumbered);
}

std::uint64_t SeriesBudget::LastViewed(int series) const {
  return series >= 0 && series < int(last_viewed_.size()) ? last_viewed_[series] : 0;
}

std::vector<int> SeriesBudget::ToUnload(const std::vector<SeriesFootprint>& series) const {
  std::vector<int> out;
  if (budget_ == 0) return out;
  std::uint64_t total = 0;
  for (const auto& s : series) total += s.bytes;
  if (total <= budget_) return out;
  std::vector<int> candidates;
  for (int i = 0; i < int(series.size()); ++i)
    if (!series[i].shown && series[i].bytes > 0) candidates.push_back(i);
  // Least recently viewed first; among equals (never viewed: loaded but never shown) the
  // larger first, then by index so the choice is the same every time.
  std::sort(candidates.begin(), candidates.end(), [&](int a, int b) {
    if (LastViewed(a) != LastViewed(b)) return LastViewed(a) < LastViewed(b);
    if (series[a].bytes != series[b].bytes) return series[a].bytes > series[b].bytes;
    return a < b;
  });
  for (int i : candidates) {
    if (total <= budget_) break;
    out.push_back(i);
    total -= series[i].bytes;
  }
  return out;
}

}  // namespace nadir::viewer
