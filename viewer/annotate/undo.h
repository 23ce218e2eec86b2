// Undo and redo by snapshots: an assessment is a few kilobytes, so each edit keeps the whole
// state before it. Simple, and it can never restore a half-applied edit.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace nadir::annotate {

template <typename State>
class UndoStack {
 public:
  explicit UndoStack(std::size_t depth = 500) : depth_(depth) {}

  /// Records `before`, the state an edit is about to change; clears the redo list.
  void Record(State before) {
    undo_.push_back(std::move(before));
    if (undo_.size() > depth_) undo_.erase(undo_.begin());
    redo_.clear();
  }
  bool CanUndo() const { return !undo_.empty(); }
  bool CanRedo() const { return !redo_.empty(); }
  /// Swaps `current` with the state before the last edit; false when there is none.
  bool Undo(State& current) { return Step(undo_, redo_, current); }
  bool Redo(State& current) { return Step(redo_, undo_, current); }
  void Clear() {
    undo_.clear();
    redo_.clear();
  }

 private:
  static bool Step(std::vector<State>& from, std::vector<State>& to, State& current) {
    if (from.empty()) return false;
    to.push_back(std::move(current));
    current = std::move(from.back());
    from.pop_back();
    return true;
  }
  std::size_t depth_;
  std::vector<State> undo_, redo_;
};

}  // namespace nadir::annotate
