// The reading room: the series, the reading state, and the renderer. The controller
// (controller.h) hands it view intents; it applies them, places series into viewports once
// their geometry is known, and draws every viewport through the slice shader.
#pragma once

#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "viewer/app/series_slot.h"
#include "viewer/core/series_budget.h"
#include "viewer/core/view_intents.h"
#include "viewer/gl/slice_renderer.h"

namespace nadir::viewer {

/// The voxel under a viewport pixel.
struct Probe {
  Vec3 patient{0, 0, 0};
  std::array<int, 3> ijk{0, 0, 0};
  int hu = 0;
  bool loaded = false;  // false while that slice has not arrived yet
};

class ReadingRoom {
 public:
  ReadingRoom(std::vector<std::unique_ptr<SeriesSlot>> series, Layout layout,
              const WindowLevel& wl);

  /// Replaces the list of series (after a folder scan finished); viewports are emptied.
  void SetSeries(std::vector<std::unique_ptr<SeriesSlot>> series);
  /// Adds series that arrived later (a PACS retrieve, series by series): one already listed
  /// (same SeriesInstanceUID) is dropped, the list is sorted for reading again, and every
  /// viewport keeps its series, what is loaded of it and the reader's view. Returns how many
  /// were added.
  int AddSeries(std::vector<std::unique_ptr<SeriesSlot>> more);

  /// Shows `series` in `viewport` (loading it if needed); the view appears once the
  /// geometry is known.
  void Open(int series, int viewport, Orientation o);
  /// Fills the layout's viewports with baseline / follow-up / MPR defaults.
  void PlaceDefaults(std::optional<Orientation> orientation);
  /// After AddSeries: an empty viewport, or one PlaceDefaults filled and the reader has not
  /// opened another series in since, gets its default series when that changed (the
  /// follow-up study arrived); the others are left as the reader has them.
  void RefreshDefaults(std::optional<Orientation> orientation);
  /// Once a frame: takes loaded slices, uploads them, places waiting series, and unloads the
  /// least recently viewed series not on screen while the series held exceed the budget.
  void Pump();
  /// Series held in memory beyond `bytes` are unloaded (0: no limit); shown again, they load
  /// again. A viewport's series is never unloaded.
  void SetMemoryBudget(std::uint64_t bytes) { budget_.SetBudget(bytes); }
  const SeriesBudget& memory_budget() const { return budget_; }
  /// Bytes the series hold now (CPU slices and textures).
  std::uint64_t ResidentBytes() const;
  /// Blocks until every series shown in a viewport is loaded (screenshots, benchmarks).
  void FinishLoading();

  void Apply(const std::vector<ViewportRect>& rects, const ViewIntent& in);
  /// Applies to every viewport once it is placed (command-line --slice).
  void SetStartSlice(int slice) { start_slice_ = slice; }
  void SetStartSlab(double mm) { start_slab_ = mm; }

  void Render(const std::vector<ViewportRect>& rects, int framebuffer_height);
  std::optional<Probe> ProbeAt(int viewport, const ViewportRect& rect, double x, double y) const;

  ReadingState& state() { return state_; }
  const ReadingState& state() const { return state_; }
  const std::vector<std::unique_ptr<SeriesSlot>>& series() const { return series_; }
  /// The series a viewport shows, or null.
  const SeriesSlot* SeriesOf(int viewport) const;
  /// The series a viewport shows or is about to show once loaded (-1: none), and in which
  /// orientation.
  std::pair<int, Orientation> Incoming(int viewport) const;
  /// True once every occupied viewport shows its current slice fully loaded.
  bool FirstImageReady() const;

 private:
  struct Pending {
    int series = -1;
    Orientation orientation = Orientation::kAxial;
  };
  struct Placement {
    int viewport;
    int series;
    Orientation orientation;
  };
  std::vector<Placement> Defaults(std::optional<Orientation> orientation) const;
  void Resize(Layout layout);
  void Place(int viewport);
  void KeepWithinBudget();

  std::vector<std::unique_ptr<SeriesSlot>> series_;
  ReadingState state_;
  std::vector<Pending> pending_;
  std::vector<bool> by_default_;  // per viewport: its series was placed by (Refresh)Defaults
  WindowLevel start_wl_;
  std::optional<int> start_slice_;
  double start_slab_ = 0;
  std::unique_ptr<SliceRenderer> renderer_;
  SeriesBudget budget_;
};

}  // namespace nadir::viewer
