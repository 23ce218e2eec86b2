// The ITK transforms of a chain, rebuilt from their parameters (so that a cached registration
// maps points exactly as the fresh one did).
#include "analysis/registration/point_map.h"

#include <itkAffineTransform.h>
#include <itkBSplineTransform.h>
#include <itkEuler3DTransform.h>

#include <cmath>
#include <stdexcept>

namespace nadir::registration {

using BaseTransform = itk::Transform<double, 3, 3>;

struct PointMap::Impl {
  std::vector<BaseTransform::Pointer> chain;
};

namespace {

BaseTransform::Pointer Make(const TransformStage& s) {
  BaseTransform::Pointer t;
  if (s.kind == "Euler3D")
    t = itk::Euler3DTransform<double>::New().GetPointer();
  else if (s.kind == "Affine")
    t = itk::AffineTransform<double, 3>::New().GetPointer();
  else if (s.kind == "BSpline")
    t = itk::BSplineTransform<double, 3, 3>::New().GetPointer();
  else
    throw std::invalid_argument("unknown transform kind '" + s.kind + "'");
  BaseTransform::FixedParametersType fixed(s.fixed_parameters.size());
  for (std::size_t i = 0; i < fixed.size(); ++i) fixed[i] = s.fixed_parameters[i];
  BaseTransform::ParametersType params(s.parameters.size());
  for (std::size_t i = 0; i < params.size(); ++i) params[i] = s.parameters[i];
  try {
    t->SetFixedParameters(fixed);
    if (params.size() != t->GetNumberOfParameters())
      throw std::invalid_argument(s.kind + " transform needs " +
                                  std::to_string(t->GetNumberOfParameters()) + " parameters, has " +
                                  std::to_string(params.size()));
    t->SetParametersByValue(params);
  } catch (const itk::ExceptionObject& e) {
    throw std::invalid_argument(s.kind + " transform parameters: " + e.GetDescription());
  }
  return t;
}

// Solves J d = r for a 3x3 J (row-major) by Cramer's rule; false when J is singular.
bool Solve(const double J[9], const Vec3& r, Vec3& d) {
  const Vec3 c0{J[0], J[3], J[6]}, c1{J[1], J[4], J[7]}, c2{J[2], J[5], J[8]};
  const double det = Dot(c0, Cross(c1, c2));
  if (std::abs(det) < 1e-9) return false;
  d = {Dot(r, Cross(c1, c2)) / det, Dot(c0, Cross(r, c2)) / det, Dot(c0, Cross(c1, r)) / det};
  return true;
}

}  // namespace

PointMap::PointMap(const std::vector<TransformStage>& chain) : impl_(std::make_unique<Impl>()) {
  for (const auto& s : chain) impl_->chain.push_back(Make(s));
}
PointMap::~PointMap() = default;
PointMap::PointMap(PointMap&&) noexcept = default;

Vec3 PointMap::Forward(const Vec3& x) const {
  BaseTransform::InputPointType p;
  for (int a = 0; a < 3; ++a) p[a] = x[a];
  for (auto it = impl_->chain.rbegin(); it != impl_->chain.rend(); ++it)
    p = (*it)->TransformPoint(p);
  return {p[0], p[1], p[2]};
}

std::optional<Vec3> PointMap::Inverse(const Vec3& y) const {
  // Newton's method with a numerical Jacobian; the transforms are smooth and near-rigid, so a
  // few steps from y itself are enough.
  constexpr int kMaxSteps = 50;
  constexpr double kDeltaMm = 0.5;
  Vec3 x = y;
  for (int step = 0; step < kMaxSteps; ++step) {
    const Vec3 r = Sub(Forward(x), y);
    if (Norm(r) < kInverseToleranceMm) return x;
    double J[9];
    for (int a = 0; a < 3; ++a) {
      Vec3 xp = x, xm = x;
      xp[a] += kDeltaMm;
      xm[a] -= kDeltaMm;
      const Vec3 d = Scale(Sub(Forward(xp), Forward(xm)), 0.5 / kDeltaMm);
      for (int b = 0; b < 3; ++b) J[b * 3 + a] = d[b];
    }
    Vec3 dx;
    if (!Solve(J, r, dx)) return std::nullopt;
    x = Sub(x, dx);
  }
  return Norm(Sub(Forward(x), y)) < kInverseToleranceMm ? std::optional<Vec3>(x) : std::nullopt;
}

}  // namespace nadir::registration
