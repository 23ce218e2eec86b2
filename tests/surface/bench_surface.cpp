// `nadir_bench_surface [--cases N]`: the lesion volume on the realistic phantom, per lesion
// kind, three ways: the measurement's partial-volume volume (MeasureLesion's volume_ml), the
// mask's voxel count, and the volume enclosed by the mask's smoothed surface
// (analysis/surface). Errors against the phantom's exact volume (a 0.2 mm grid).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "analysis/lesion_measure.h"
#include "analysis/surface/surface.h"
#include "dicom/phantom_realistic.h"

namespace {

using namespace nadir;

struct Errors {
  std::vector<double> percent, ml;
  void Add(double measured, double exact) {
    percent.push_back(100 * (measured - exact) / exact);
    ml.push_back(measured - exact);
  }
};

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n == 0 ? NAN : n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}
double WorstAbs(const std::vector<double>& v) {
  double w = 0;
  for (double x : v) w = std::abs(x) > std::abs(w) ? x : w;
  return w;
}
std::vector<double> Abs(std::vector<double> v) {
  for (double& x : v) x = std::abs(x);
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  int cases = 10;
  for (int a = 1; a + 1 < argc; ++a)
    if (!std::strcmp(argv[a], "--cases")) cases = std::atoi(argv[a + 1]);
  std::printf("signed error: median %% (median |mL|) / worst %%; %d cases per kind\n", cases);
  std::printf("%-19s | %-26s | %-26s | %-26s | %s\n", "kind", "partial volume", "voxel count",
              "surface", "surface ms");
  for (dicom::RealisticKind kind : dicom::AllRealisticKinds()) {
    Errors pv, count, surface;
    std::vector<double> ms;
    for (int c = 0; c < cases; ++c) {
      dicom::RealisticOptions o;
      o.kind = kind;
      o.seed = 1000 + c;
      const dicom::RealisticCase rc = dicom::RenderRealisticCase(o);
      analysis::MeasureOptions mo;
      mo.nodal = rc.truth.nodal;
      const auto m = analysis::MeasureLesion(rc.volume, rc.truth.centre, mo);
      if (!m.found) {
        std::printf("  seed %d not found: %s\n", 1000 + c, m.reason.c_str());
        continue;
      }
      const auto t0 = std::chrono::steady_clock::now();
      const auto s = analysis::BuildLesionSurface(m.mask, rc.volume);
      ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      if (!s.ok) {
        std::printf("  seed %d no surface: %s\n", 1000 + c, s.reason.c_str());
        continue;
      }
      pv.Add(m.volume_ml, rc.truth.volume_ml);
      count.Add(analysis::VoxelCountVolumeMl(m.mask, rc.volume), rc.truth.volume_ml);
      surface.Add(s.volume_ml, rc.truth.volume_ml);
    }
    std::printf("%-19s", dicom::RealisticKindName(kind).c_str());
    for (const Errors* e : {&pv, &count, &surface})
      std::printf(" | %+6.2f%% (%6.3f) / %+6.2f%%", Median(e->percent), Median(Abs(e->ml)),
                  WorstAbs(e->percent));
    std::printf(" | %.1f\n", Median(ms));
  }
  return 0;
}
