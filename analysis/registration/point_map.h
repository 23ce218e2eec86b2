// Internal to analysis/registration/: evaluating a registration's transform chain at points,
// forwards (fixed -> moving) and backwards (by Newton's method).
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "analysis/registration/track.h"

namespace nadir::registration {

class PointMap {
 public:
  /// Throws std::invalid_argument for an unknown kind or parameters that do not fit it.
  explicit PointMap(const std::vector<TransformStage>& chain);
  ~PointMap();
  PointMap(PointMap&&) noexcept;

  /// transform[0](transform[1](... (fixed_point))).
  Vec3 Forward(const Vec3& fixed_point) const;
  /// The fixed point that Forward takes to `moving_point`; nullopt when Newton's method does
  /// not reach kInverseToleranceMm.
  std::optional<Vec3> Inverse(const Vec3& moving_point) const;

  /// How close Forward(Inverse(y)) must come to y.
  static constexpr double kInverseToleranceMm = 0.01;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nadir::registration
