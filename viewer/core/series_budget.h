// The memory budget of the reading room: which loaded series to unload when the series held in
// memory (CPU slice buffers and their 3D textures) exceed it. Pure policy, no GL: the reading
// room reports each series' bytes and whether a viewport shows it, and unloads what this says.
//
// Policy: least recently viewed first; a series a viewport shows (or is about to show) is
// never unloaded, even when it alone exceeds the budget (the reader's images come first).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace nadir::viewer {

/// Share of physical memory the viewer keeps its series within unless told otherwise
/// (--memory-budget-mb): half leaves the rest to the system, the GL driver and the loader.
inline constexpr double kDefaultMemoryShare = 0.5;

/// Physical memory of this machine in bytes (sysconf); 0 when it cannot be read.
std::uint64_t PhysicalMemoryBytes();
/// kDefaultMemoryShare of physical memory, in MB (1 MB = 2^20 bytes); 0 when unknown (no limit).
std::uint64_t DefaultMemoryBudgetMb();

/// One series as the budget sees it.
struct SeriesFootprint {
  std::uint64_t bytes = 0;  // held now (or about to be, for a series still loading)
  bool shown = false;       // in a viewport, or waiting to be placed in one
};

class SeriesBudget {
 public:
  /// `budget_bytes` 0: no limit.
  explicit SeriesBudget(std::uint64_t budget_bytes = 0) : budget_(budget_bytes) {}

  void SetBudget(std::uint64_t bytes) { budget_ = bytes; }
  std::uint64_t budget() const { return budget_; }

  /// Series `series` was on screen now (called once a frame for every shown series).
  void Viewed(int series);
  /// Forgets every series (a new list of series).
  void Reset();
  /// The list was reordered: series `i` is now `new_index[i]`. Keeps when each was viewed.
  void Renumber(const std::vector<int>& new_index);

  /// The series to unload, least recently viewed first, so that the rest fits the budget:
  /// only series holding bytes and not shown. May leave the total above the budget when the
  /// shown series alone exceed it.
  std::vector<int> ToUnload(const std::vector<SeriesFootprint>& series) const;

  /// When `series` was last viewed (a tick, larger is later); 0: never.
  std::uint64_t LastViewed(int series) const;

 private:
  std::uint64_t budget_ = 0;
  std::uint64_t tick_ = 0;
  std::vector<std::uint64_t> last_viewed_;
};

}  // namespace nadir::viewer
