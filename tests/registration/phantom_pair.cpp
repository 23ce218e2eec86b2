#include "tests/registration/phantom_pair.h"

#include <algorithm>
#include <cmath>

#include "dicom/phantom.h"

namespace nadir::test {
namespace {

constexpr double kPi = 3.141592653589793;

// Rotation about a unit axis (Rodrigues), the axis tilted from z so all three angles move.
Vec3 Rotate(const Vec3& p, double deg) {
  const Vec3 axis = Normalized(Vec3{0.25, -0.15, 1.0});
  const double a = deg * kPi / 180, c = std::cos(a), s = std::sin(a);
  return Add(Add(Scale(p, c), Scale(Cross(axis, p), s)), Scale(axis, Dot(axis, p) * (1 - c)));
}

// Breathing-like: mostly cranio-caudal, largest in the lower chest, plus an anterior motion;
// smooth over ~20 cm, at most `amp` mm.
Vec3 Breathing(const Vec3& p, double amp) {
  const double lateral = std::exp(-(p[0] * p[0]) / (2 * 120.0 * 120.0));
  const double cc = std::cos(kPi * (p[2] - 0.0) / 400.0);
  return {0.15 * amp * std::sin(kPi * p[1] / 300.0), -0.35 * amp * lateral * cc,
          amp * lateral * cc};
}

Vec3 Centre(const Volume& v) { return v.Center(); }

Vec3 ToBaseline(const Motion& m, const Vec3& c, const Vec3& y) {
  return Add(Add(Add(Rotate(Sub(y, c), m.rotation_deg), c), m.shift_mm),
             Breathing(y, m.breathing_mm));
}

// Trilinear HU; air outside the volume.
double Sample(const Volume& v, const Vec3& p) {
  const Vec3 ijk = v.ToIndex(p);
  int i0[3];
  double f[3];
  for (int a = 0; a < 3; ++a) {
    if (ijk[a] < 0 || ijk[a] > v.size[a] - 1) return -1000;
    i0[a] = std::min(int(ijk[a]), v.size[a] - 2);
    f[a] = ijk[a] - i0[a];
  }
  double s = 0;
  for (int c = 0; c < 8; ++c) {
    double w = 1;
    int idx[3];
    for (int a = 0; a < 3; ++a) {
      const int up = (c >> a) & 1;
      idx[a] = i0[a] + up;
      w *= up ? f[a] : 1 - f[a];
    }
    s += w * std::max<double>(v.At(idx[0], idx[1], idx[2]), -1024);
  }
  return s;
}

}  // namespace

Vec3 FollowupPointOf(const Motion& m, const Volume& followup, const Vec3& x) {
  const Vec3 c = Centre(followup);
  Vec3 y = Sub(x, m.shift_mm);
  for (int step = 0; step < 100; ++step) {
    const Vec3 r = Sub(ToBaseline(m, c, y), x);
    if (Norm(r) < 1e-6) break;
    y = Sub(y, Scale(r, 0.8));  // the motion is near a rotation by a few degrees: contracts
  }
  return y;
}

PhantomPair MakePhantomPair(int subject, const Motion& motion, std::array<int, 3> size,
                            Vec3 spacing) {
  dicom::PhantomTrial t = dicom::PlanPhantomTrial({});
  t.size = size;
  t.spacing = spacing;
  auto r = [](double x) { return std::round(x * 10) / 10; };
  for (int a = 0; a < 3; ++a) t.origin[a] = r(-0.5 * (size[a] - 1) * spacing[a]);
  PhantomPair pair;
  pair.motion = motion;
  pair.baseline = dicom::RenderPhantom(t, subject, 0);
  const Volume week8 = dicom::RenderPhantom(t, subject, 1);
  Volume& f = pair.followup;
  f = week8;
  f.origin = Add(week8.origin, motion.grid_offset_mm);
  const Vec3 c = Centre(f);
  for (int k = 0; k < f.size[2]; ++k)
    for (int j = 0; j < f.size[1]; ++j)
      for (int i = 0; i < f.size[0]; ++i) {
        const Vec3 x = ToBaseline(motion, c, f.ToPatient(i, j, k));
        f.hu[f.Index(i, j, k)] = std::int16_t(std::lround(Sample(week8, x)));
      }
  for (auto& uid : f.sop_uids) uid.clear();
  for (const auto& l : t.subjects[subject].timepoints[1].lesions) {
    if (l.long_mm <= 0) continue;
    pair.lesion_ids.push_back(l.id);
    pair.baseline_centres.push_back(l.centre);
    pair.followup_centres.push_back(FollowupPointOf(motion, f, l.centre));
  }
  return pair;
}

Errors CompareCentres(const std::vector<Vec3>& mapped, const std::vector<Vec3>& truth) {
  Errors e;
  for (std::size_t i = 0; i < mapped.size(); ++i) {
    const double d = Norm(Sub(mapped[i], truth[i]));
    e.mean_mm += d / double(mapped.size());
    e.worst_mm = std::max(e.worst_mm, d);
  }
  return e;
}

}  // namespace nadir::test
