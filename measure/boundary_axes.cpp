// Marching squares and the RECIST diameters of a contour (see boundary_axes.h).
#include "measure/boundary_axes.h"

#include <algorithm>
#include <cmath>

namespace nadir {
namespace {

double Dist(const Point2& a, const Point2& b) { return std::hypot(a.x - b.x, a.y - b.y); }

double Cross(const Point2& o, const Point2& a, const Point2& b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

std::vector<Point2> Vertices(const std::vector<Segment2>& contour) {
  std::vector<Point2> p;
  p.reserve(contour.size() * 2);
  for (const auto& s : contour) {
    p.push_back(s.a);
    p.push_back(s.b);
  }
  return p;
}

}  // namespace

std::vector<Segment2> IsoContour(std::span<const float> values, int nx, int ny, double dx,
                                 double dy, double level) {
  std::vector<Segment2> out;
  // Sample (i, j), with everything outside the grid below the level.
  auto at = [&](int i, int j) -> double {
    if (i < 0 || j < 0 || i >= nx || j >= ny) return level - 1.0;
    return values[std::size_t(j) * nx + i];
  };
  for (int j = -1; j < ny; ++j) {
    for (int i = -1; i < nx; ++i) {
      // Corners counter-clockwise: (i,j) (i+1,j) (i+1,j+1) (i,j+1).
      const double v[4] = {at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)};
      const int ci[4] = {i, i + 1, i + 1, i}, cj[4] = {j, j, j + 1, j + 1};
      int code = 0;
      for (int c = 0; c < 4; ++c) code |= (v[c] > level) << c;
      if (code == 0 || code == 15) continue;
      // Crossing point on each edge c -> c+1 whose ends lie on both sides.
      Point2 cross[4];
      bool has[4] = {false, false, false, false};
      for (int e = 0; e < 4; ++e) {
        const int c0 = e, c1 = (e + 1) % 4;
        if ((v[c0] > level) == (v[c1] > level)) continue;
        const double t = (level - v[c0]) / (v[c1] - v[c0]);
        cross[e] = {(ci[c0] + t * (ci[c1] - ci[c0])) * dx, (cj[c0] + t * (cj[c1] - cj[c0])) * dy};
        has[e] = true;
      }
      std::vector<std::pair<int, int>> pairs;
      if (code == 5 || code == 10) {
        // Saddle: the cell's mean decides whether the two high corners connect.
        const bool centre_high = (v[0] + v[1] + v[2] + v[3]) / 4 > level;
        const bool zero_high = code == 5;
        if (centre_high == zero_high)
          pairs = {{0, 1}, {2, 3}};
        else
          pairs = {{3, 0}, {1, 2}};
      } else {
        int e0 = -1;
        for (int e = 0; e < 4; ++e)
          if (has[e]) {
            if (e0 < 0)
              e0 = e;
            else
              pairs.push_back({e0, e});
          }
      }
      for (auto [e0, e1] : pairs) {
        Segment2 s{cross[e0], cross[e1]};
        // Orient with the inside (above the level) on the left. Adjacent edges cut off the
        // corner they share; for opposite edges, the corner farthest from the segment's line.
        int corner = -1;
        if ((e0 + 1) % 4 == e1)
          corner = e1;
        else if ((e1 + 1) % 4 == e0)
          corner = e0;
        double side = 0;
        for (int c = 0; c < 4; ++c) {
          const double cr = Cross(s.a, s.b, {ci[c] * dx, cj[c] * dy});
          if (corner == c || (corner < 0 && std::abs(cr) > std::abs(side))) {
            side = v[c] > level ? cr : -cr;
            if (corner == c) break;
          }
        }
        if (side < 0) std::swap(s.a, s.b);
        out.push_back(s);
      }
    }
  }
  return out;
}

std::vector<Point2> ConvexHull(std::vector<Point2> p) {
  std::sort(p.begin(), p.end(), [](const Point2& a, const Point2& b) {
    return a.x < b.x || (a.x == b.x && a.y < b.y);
  });
  if (p.size() < 3) return p;
  std::vector<Point2> h(2 * p.size());
  std::size_t k = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    while (k >= 2 && Cross(h[k - 2], h[k - 1], p[i]) <= 0) --k;
    h[k++] = p[i];
  }
  for (std::size_t i = p.size() - 1, t = k + 1; i-- > 0;) {
    while (k >= t && Cross(h[k - 2], h[k - 1], p[i]) <= 0) --k;
    h[k++] = p[i];
  }
  h.resize(k - 1);
  return h;
}

Line2 LongestDiameter(const std::vector<Segment2>& contour) {
  const std::vector<Point2> hull = ConvexHull(Vertices(contour));
  Line2 best;
  // The diameter joins two hull vertices; hulls of lesion contours are small enough to pair up.
  for (std::size_t a = 0; a < hull.size(); ++a)
    for (std::size_t b = a + 1; b < hull.size(); ++b) {
      const double d = Dist(hull[a], hull[b]);
      if (d > best.length) best = {hull[a], hull[b], d};
    }
  return best;
}

Line2 LongestPerpendicularChord(const std::vector<Segment2>& contour, const Line2& axis) {
  Line2 best;
  if (axis.length <= 0 || contour.empty()) return best;
  const double ux = (axis.b.x - axis.a.x) / axis.length, uy = (axis.b.y - axis.a.y) / axis.length;
  const double nx = -uy, ny = ux;
  // Chord length is piecewise linear in the position along the axis, with its breaks at the
  // contour's vertices: trying each vertex's position (nudged off it) finds the maximum.
  std::vector<double> positions;
  for (const auto& s : contour)
    for (const Point2& p : {s.a, s.b}) {
      const double t = (p.x - axis.a.x) * ux + (p.y - axis.a.y) * uy;
      positions.push_back(t - 1e-7);
      positions.push_back(t + 1e-7);
    }
  std::vector<double> hits;
  for (double t : positions) {
    hits.clear();
    for (const auto& s : contour) {
      const double ta = (s.a.x - axis.a.x) * ux + (s.a.y - axis.a.y) * uy;
      const double tb = (s.b.x - axis.a.x) * ux + (s.b.y - axis.a.y) * uy;
      if ((ta < t) == (tb < t)) continue;
      const double f = (t - ta) / (tb - ta);
      const double qa = (s.a.x - axis.a.x) * nx + (s.a.y - axis.a.y) * ny;
      const double qb = (s.b.x - axis.a.x) * nx + (s.b.y - axis.a.y) * ny;
      hits.push_back(qa + f * (qb - qa));
    }
    std::sort(hits.begin(), hits.end());
    for (std::size_t h = 0; h + 1 < hits.size(); h += 2) {
      const double len = hits[h + 1] - hits[h];
      if (len <= best.length) continue;
      const Point2 base{axis.a.x + t * ux, axis.a.y + t * uy};
      best = {{base.x + hits[h] * nx, base.y + hits[h] * ny},
              {base.x + hits[h + 1] * nx, base.y + hits[h + 1] * ny},
              len};
    }
  }
  return best;
}

double EnclosedArea(const std::vector<Segment2>& contour) {
  double twice = 0;
  for (const auto& s : contour) twice += s.a.x * s.b.y - s.b.x * s.a.y;
  return 0.5 * twice;
}

}  // namespace nadir
