#include "viewer/app/reading_room.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "viewer/app/sources.h"

namespace nadir::viewer {

ReadingRoom::ReadingRoom(std::vector<std::unique_ptr<SeriesSlot>> series, Layout layout,
                         const WindowLevel& wl)
    : series_(std::move(series)), start_wl_(wl), renderer_(std::make_unique<SliceRenderer>()) {
  Resize(layout);
}

void ReadingRoom::SetSeries(std::vector<std::unique_ptr<SeriesSlot>> series) {
  series_ = std::move(series);
  budget_.Reset();
  for (auto& vp : state_.viewports) vp.series = -1;
  for (auto& p : pending_) p.series = -1;
  by_default_.assign(by_default_.size(), false);
}

int ReadingRoom::AddSeries(std::vector<std::unique_ptr<SeriesSlot>> more) {
  std::set<std::string> listed;
  for (const auto& s : series_) listed.insert(s->summary().series_uid);
  std::vector<const SeriesSlot*> before;
  for (const auto& s : series_) before.push_back(s.get());
  int added = 0;
  for (auto& s : more) {
    const std::string& uid = s->summary().series_uid;
    if (!uid.empty() && !listed.insert(uid).second) continue;  // served again: listed already
    series_.push_back(std::move(s));
    ++added;
  }
  if (added == 0) return 0;
  SortForReading(series_);
  // Viewports, pending placements and the budget name series by index: renumber them.
  std::map<const SeriesSlot*, int> now;
  for (int i = 0; i < int(series_.size()); ++i) now[series_[i].get()] = i;
  std::vector<int> new_index(before.size());
  for (std::size_t i = 0; i < before.size(); ++i) new_index[i] = now.at(before[i]);
  const auto renumber = [&](int& series) {
    if (series >= 0 && series < int(new_index.size())) series = new_index[series];
  };
  for (auto& vp : state_.viewports) renumber(vp.series);
  for (auto& p : pending_) renumber(p.series);
  budget_.Renumber(new_index);
  return added;
}

void ReadingRoom::Resize(Layout layout) {
  state_.layout = layout;
  const int n = ViewportCount(layout);
  state_.viewports.resize(n);
  pending_.resize(n);
  by_default_.resize(n, false);
  state_.active = std::min(state_.active, n - 1);
}

const SeriesSlot* ReadingRoom::SeriesOf(int viewport) const {
  if (viewport < 0 || viewport >= int(state_.viewports.size())) return nullptr;
  const int s = state_.viewports[viewport].series;
  return s >= 0 && s < int(series_.size()) ? series_[s].get() : nullptr;
}

std::pair<int, Orientation> ReadingRoom::Incoming(int viewport) const {
  if (viewport < 0 || viewport >= int(state_.viewports.size())) return {-1, Orientation::kAxial};
  if (pending_[viewport].series >= 0)
    return {pending_[viewport].series, pending_[viewport].orientation};
  const ViewportState& vp = state_.viewports[viewport];
  return {vp.series, vp.series >= 0 ? vp.plane.orientation : Orientation::kAxial};
}

void ReadingRoom::Open(int series, int viewport, Orientation o) {
  if (series < 0 || series >= int(series_.size())) return;
  if (viewport < 0 || viewport >= int(state_.viewports.size())) return;
  by_default_[viewport] = false;  // the reader's choice from now on
  series_[series]->StartLoading();
  pending_[viewport] = {series, o};
  Place(viewport);
}

void ReadingRoom::Place(int viewport) {
  Pending& p = pending_[viewport];
  if (p.series < 0 || !series_[p.series]->HasGeometry()) return;
  const SeriesSlot& slot = *series_[p.series];
  ViewportState& vp = state_.viewports[viewport];
  // Keep the window of the viewport (or of the others, when linked) across a series change.
  WindowLevel wl = start_wl_;
  if (vp.series >= 0)
    wl = vp.view.wl;
  else if (state_.link.window)
    for (const auto& other : state_.viewports)
      if (other.series >= 0) wl = other.view.wl;
  Assign(vp, p.series, slot.geometry(), p.orientation, slot.summary().frame_of_reference, wl);
  vp.view.slab_mm = start_slab_;
  p.series = -1;
  // A newly placed viewport joins the linked scrolling of the one being read.
  int leader = state_.active;
  if (leader == viewport || state_.viewports[leader].series < 0)
    for (int i = 0; i < int(state_.viewports.size()); ++i)
      if (i != viewport && state_.viewports[i].series >= 0) leader = i;
  // The new view opens at the leader's patient position (offset zero). Across frames of
  // reference (another study) that trusts the scanners' table positions, the only common
  // coordinate there is; the reader corrects it by scrolling one viewport unlinked and
  // linking again (L), which keeps the correspondence then on screen (RelinkOffsets).
  if (leader != viewport && state_.viewports[leader].series >= 0) {
    vp.link_offset_mm = state_.viewports[leader].link_offset_mm;
    if (state_.link.scroll) PropagateScroll(state_, leader);
  }
  // --slice N: the first viewport goes to slice N, the others follow by patient position
  // (or take the same index when scrolling is not linked). Only while the first series of the
  // session are being placed.
  if (start_slice_) {
    ViewportState& first = state_.viewports[0];
    if (first.series >= 0) {
      GoToSlice(first.plane, first.view, *start_slice_);
      if (state_.link.scroll)
        PropagateScroll(state_, 0);
      else
        for (auto& other : state_.viewports)
          if (other.series >= 0) GoToSlice(other.plane, other.view, *start_slice_);
    }
    bool waiting = false;
    for (const auto& q : pending_) waiting |= q.series >= 0;
    if (!waiting) start_slice_.reset();
  }
}

std::vector<ReadingRoom::Placement> ReadingRoom::Defaults(
    std::optional<Orientation> orientation) const {
  const auto [baseline, follow_up] = BaselineAndFollowUp(series_);
  if (baseline < 0) return {};
  const Orientation o = orientation.value_or(Orientation::kAxial);
  switch (state_.layout) {
    case Layout::k1x1:
      return {{0, baseline, o}};
    case Layout::k1x2:
      return {{0, baseline, o}, {1, follow_up, o}};
    case Layout::k2x2:
      return {{0, baseline, o},
              {1, follow_up, o},
              {2, baseline, Orientation::kCoronal},
              {3, follow_up, Orientation::kCoronal}};
    case Layout::k1x3:
      return {{0, baseline, Orientation::kAxial},
              {1, baseline, Orientation::kCoronal},
              {2, baseline, Orientation::kSagittal}};
  }
  return {};
}

void ReadingRoom::PlaceDefaults(std::optional<Orientation> orientation) {
  for (const Placement& p : Defaults(orientation)) {
    Open(p.series, p.viewport, p.orientation);
    by_default_[p.viewport] = true;
  }
}

void ReadingRoom::RefreshDefaults(std::optional<Orientation> orientation) {
  for (const Placement& p : Defaults(orientation)) {
    const int shown = Incoming(p.viewport).first;
    if (shown >= 0 && !by_default_[p.viewport]) continue;  // the reader chose what it shows
    if (shown == p.series) continue;  // the same series: the reader's view in it is kept
    Open(p.series, p.viewport, p.orientation);
    by_default_[p.viewport] = true;
  }
}

void ReadingRoom::Pump() {
  for (auto& s : series_) s->Pump();
  for (int i = 0; i < int(pending_.size()); ++i) Place(i);
  KeepWithinBudget();
}

std::uint64_t ReadingRoom::ResidentBytes() const {
  std::uint64_t total = 0;
  for (const auto& s : series_) total += s->ResidentBytes();
  return total;
}

void ReadingRoom::KeepWithinBudget() {
  std::vector<SeriesFootprint> held(series_.size());
  for (int i = 0; i < int(series_.size()); ++i) {
    const SeriesSlot& slot = *series_[i];
    held[i].bytes = slot.ResidentBytes();
    // A series still loading counts with what it will hold, so that room is made before its
    // slices arrive rather than after.
    if (slot.state() == SeriesSlot::State::kLoading)
      held[i].bytes = std::max(held[i].bytes, slot.LoadedBytes());
  }
  for (int v = 0; v < int(state_.viewports.size()); ++v)
    for (int s : {state_.viewports[v].series, pending_[v].series})
      if (s >= 0 && s < int(series_.size())) {
        held[s].shown = true;
        budget_.Viewed(s);
      }
  const std::vector<int> unload = budget_.ToUnload(held);
  for (int s : unload) {
    SeriesSlot& slot = *series_[s];
    const SeriesSummary& m = slot.summary();
    std::printf("nadir-viewer: unloaded %s %s series %d %s (%.1f MB; memory budget %.1f MB)\n",
                m.patient_id.c_str(), m.study_date.c_str(), m.series_number,
                m.series_description.c_str(), double(slot.ResidentBytes()) / (1 << 20),
                double(budget_.budget()) / (1 << 20));
    slot.Unload();
  }
#if defined(__GLIBC__)
  // The slices were allocated on the loaders' threads, in their malloc arenas: hand the freed
  // pages back to the system, or the process keeps them resident for the next series (20
  // series of 512x512x500 with a 1 GB budget: peak 1629 MB without this, 1136 MB with it).
  if (!unload.empty()) malloc_trim(0);
#endif
}

void ReadingRoom::FinishLoading() {
  for (const auto& p : pending_)
    if (p.series >= 0) series_[p.series]->Finish();
  for (const auto& vp : state_.viewports)
    if (vp.series >= 0) series_[vp.series]->Finish();
  Pump();
}

void ReadingRoom::Apply(const std::vector<ViewportRect>& rects, const ViewIntent& in) {
  if (const auto* a = std::get_if<SetLayout>(&in)) {
    if (a->layout == state_.layout) return;
    const Layout before = state_.layout;
    Resize(a->layout);
    if (a->layout == Layout::k1x3 || before == Layout::k1x3 ||
        ViewportCount(a->layout) > ViewportCount(before)) {
      for (auto& vp : state_.viewports) vp.series = -1;
      PlaceDefaults(std::nullopt);
    }
    return;
  }
  if (const auto* a = std::get_if<SetOrientation>(&in)) {
    if (const SeriesSlot* slot = SeriesOf(a->viewport)) {
      Reorient(state_.viewports[a->viewport], slot->geometry(), a->orientation);
      RelinkOffsets(state_, state_.active);
    }
    return;
  }
  nadir::viewer::Apply(state_, rects, in);
}

void ReadingRoom::Render(const std::vector<ViewportRect>& rects, int framebuffer_height) {
  for (int i = 0; i < int(rects.size()) && i < int(state_.viewports.size()); ++i) {
    const SeriesSlot* slot = SeriesOf(i);
    if (!slot || !slot->HasGeometry()) {
      SliceRenderer::Clear(rects[i], framebuffer_height);
      continue;
    }
    const ViewportState& vp = state_.viewports[i];
    renderer_->Draw(slot->texture(), slot->geometry(), vp.plane, vp.view, rects[i],
                    framebuffer_height);
  }
}

std::optional<Probe> ReadingRoom::ProbeAt(int viewport, const ViewportRect& rect, double x,
                                          double y) const {
  const SeriesSlot* slot = SeriesOf(viewport);
  if (!slot || !slot->HasGeometry()) return std::nullopt;
  const ViewportState& vp = state_.viewports[viewport];
  Probe p;
  p.patient = PixelToPatient(MapView(vp.plane, vp.view, rect), x, y);
  const Vec3 ijk = slot->geometry().ToIndex(p.patient);
  for (int a = 0; a < 3; ++a) {
    p.ijk[a] = int(std::lround(ijk[a]));
    if (p.ijk[a] < 0 || p.ijk[a] >= slot->geometry().size[a]) return std::nullopt;
  }
  const auto hu = slot->HuAt(p.ijk[0], p.ijk[1], p.ijk[2]);
  p.loaded = hu.has_value();
  p.hu = hu.value_or(0);
  return p;
}

bool ReadingRoom::FirstImageReady() const {
  bool any = false;
  for (int i = 0; i < int(state_.viewports.size()); ++i) {
    const SeriesSlot* slot = SeriesOf(i);
    if (!slot) continue;
    const ViewportState& vp = state_.viewports[i];
    if (vp.plane.slice_axis == 2 && !slot->SliceLoaded(SliceIndex(vp.plane, vp.view))) return false;
    if (vp.plane.slice_axis != 2 && slot->state() != SeriesSlot::State::kReady) return false;
    any = true;
  }
  return any;
}

}  // namespace nadir::viewer
