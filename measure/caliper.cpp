#include "measure/caliper.h"

#include <algorithm>
#include <cmath>

namespace nadir {

namespace {

using P = PatientPoint;

P Sub(const P& a, const P& b) { return {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }
P Add(const P& a, const P& b) { return {a[0] + b[0], a[1] + b[1], a[2] + b[2]}; }
P Scale(const P& a, double s) { return {a[0] * s, a[1] * s, a[2] * s}; }
double Dot(const P& a, const P& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
P Cross(const P& a, const P& b) {
  return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}
double Norm(const P& a) { return std::sqrt(Dot(a, a)); }

// Below this length (mm) a direction is not defined.
constexpr double kDegenerateMm = 1e-9;

// Where the short axis crosses the long axis, as a fraction of the long axis, and the signed
// distances of its ends from the long axis along `perp`.
struct Crossing {
  double fraction = 0.5;
  double offset0 = 0, offset1 = 0;
};

Crossing CrossingOf(const Bidirectional& b, const P& perp) {
  const P d = Sub(b.long_axis[1], b.long_axis[0]);
  const double len2 = Dot(d, d);
  Crossing c;
  const P mid = Scale(Add(b.short_axis[0], b.short_axis[1]), 0.5);
  c.fraction = len2 > 0 ? Dot(Sub(mid, b.long_axis[0]), d) / len2 : 0.5;
  const P at = Add(b.long_axis[0], Scale(d, c.fraction));
  c.offset0 = Dot(Sub(b.short_axis[0], at), perp);
  c.offset1 = Dot(Sub(b.short_axis[1], at), perp);
  return c;
}

Segment ShortFrom(const Segment& long_axis, const P& perp, const Crossing& c) {
  const P at = Add(long_axis[0], Scale(Sub(long_axis[1], long_axis[0]), c.fraction));
  return {Add(at, Scale(perp, c.offset0)), Add(at, Scale(perp, c.offset1))};
}

}  // namespace

double LengthMm(const PatientPoint& a, const PatientPoint& b) { return Norm(Sub(b, a)); }

double DistanceToSegmentMm(const Segment& s, const PatientPoint& p) {
  const P d = Sub(s[1], s[0]);
  const double len2 = Dot(d, d);
  const double t = len2 > 0 ? std::clamp(Dot(Sub(p, s[0]), d) / len2, 0.0, 1.0) : 0.0;
  return Norm(Sub(p, Add(s[0], Scale(d, t))));
}

PatientPoint ProjectOntoPlane(const PatientPoint& p, const PatientPoint& on_plane,
                              const PatientPoint& normal) {
  const double n = Norm(normal);
  if (n < kDegenerateMm) return p;
  const P u = Scale(normal, 1.0 / n);
  return Sub(p, Scale(u, Dot(Sub(p, on_plane), u)));
}

std::optional<PatientPoint> InPlanePerpendicular(const Segment& long_axis,
                                                 const PatientPoint& normal) {
  const P perp = Cross(normal, Sub(long_axis[1], long_axis[0]));
  const double n = Norm(perp);
  if (n < kDegenerateMm) return std::nullopt;
  return Scale(perp, 1.0 / n);
}

Bidirectional StartBidirectional(const Segment& long_axis, const PatientPoint& normal,
                                 double fraction) {
  Bidirectional b{long_axis, {long_axis[0], long_axis[0]}};
  const auto perp = InPlanePerpendicular(long_axis, normal);
  if (!perp) return b;
  const double half = 0.5 * fraction * LengthMm(long_axis);
  b.short_axis = ShortFrom(long_axis, *perp, Crossing{0.5, half, -half});
  return b;
}

Bidirectional DragHandle(const Bidirectional& b, Handle h, const PatientPoint& to,
                         const PatientPoint& normal) {
  Bidirectional out = b;
  const auto perp = InPlanePerpendicular(b.long_axis, normal);
  switch (h) {
    case Handle::kLong0:
    case Handle::kLong1: {
      const int i = h == Handle::kLong0 ? 0 : 1;
      out.long_axis[i] = ProjectOntoPlane(to, b.long_axis[1 - i], normal);
      const auto new_perp = InPlanePerpendicular(out.long_axis, normal);
      if (!perp || !new_perp) return out;
      // The short axis turns with the long axis; its side stays its side.
      out.short_axis = ShortFrom(out.long_axis, *new_perp, CrossingOf(b, *perp));
      return out;
    }
    case Handle::kShort0:
    case Handle::kShort1: {
      if (!perp) return out;
      const P q = ProjectOntoPlane(to, b.long_axis[0], normal);
      const P d = Sub(b.long_axis[1], b.long_axis[0]);
      Crossing c = CrossingOf(b, *perp);
      c.fraction = std::clamp(Dot(Sub(q, b.long_axis[0]), d) / Dot(d, d), 0.0, 1.0);
      const P at = Add(b.long_axis[0], Scale(d, c.fraction));
      (h == Handle::kShort0 ? c.offset0 : c.offset1) = Dot(Sub(q, at), *perp);
      out.short_axis = ShortFrom(b.long_axis, *perp, c);
      return out;
    }
  }
  return out;
}

double AxesCosine(const Bidirectional& b) {
  const P a = Sub(b.long_axis[1], b.long_axis[0]);
  const P s = Sub(b.short_axis[1], b.short_axis[0]);
  const double n = Norm(a) * Norm(s);
  return n > 0 ? std::abs(Dot(a, s)) / n : 0.0;
}

std::optional<int> NearestHandle(const std::vector<PatientPoint>& handles, const PatientPoint& p,
                                 double tolerance_mm) {
  std::optional<int> best;
  double best_mm = tolerance_mm;
  for (int i = 0; i < int(handles.size()); ++i) {
    const double mm = LengthMm(handles[i], p);
    if (mm <= best_mm && (!best || mm < best_mm)) {
      best = i;
      best_mm = mm;
    }
  }
  return best;
}

}  // namespace nadir
