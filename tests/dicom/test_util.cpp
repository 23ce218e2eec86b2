#include "tests/dicom/test_util.h"

#include <cmath>
#include <cstdlib>
#include <sstream>

namespace nadir::test {

Volume MakeTestVolume(int nx, int ny, int nz) {
  Volume v;
  v.size = {nx, ny, nz};
  v.spacing = {0.75, 0.75, 2.5};
  v.origin = {-17.5, -14.25, -100.0};
  v.direction = {1, 0, 0, 0, 1, 0, 0, 0, 1};
  v.hu.resize(v.VoxelCount());
  for (int k = 0; k < nz; ++k)
    for (int j = 0; j < ny; ++j)
      for (int i = 0; i < nx; ++i)
        v.hu[v.Index(i, j, k)] = std::int16_t((i * 37 + j * 101 + k * 613) % 4096 - 1024);
  return v;
}

::testing::AssertionResult SameVolume(const Volume& e, const Volume& a, double tol, int hu_tol) {
  std::ostringstream why;
  if (e.size != a.size)
    return ::testing::AssertionFailure()
           << "size " << a.size[0] << "x" << a.size[1] << "x" << a.size[2] << ", expected "
           << e.size[0] << "x" << e.size[1] << "x" << e.size[2];
  for (int i = 0; i < 3; ++i) {
    if (std::abs(e.spacing[i] - a.spacing[i]) > tol)
      why << " spacing[" << i << "] " << a.spacing[i] << " != " << e.spacing[i];
    if (std::abs(e.origin[i] - a.origin[i]) > tol)
      why << " origin[" << i << "] " << a.origin[i] << " != " << e.origin[i];
  }
  for (int i = 0; i < 9; ++i)
    if (std::abs(e.direction[i] - a.direction[i]) > 1e-6)
      why << " direction[" << i << "] " << a.direction[i] << " != " << e.direction[i];
  if (a.hu.size() != e.hu.size()) why << " hu.size " << a.hu.size() << " != " << e.hu.size();
  long long bad = 0;
  for (size_t n = 0; n < e.hu.size() && n < a.hu.size(); ++n) {
    if (std::abs(int(e.hu[n]) - int(a.hu[n])) <= hu_tol) continue;
    if (bad++ < 5) {
      const size_t i = n % e.size[0], j = (n / e.size[0]) % e.size[1],
                   k = n / (size_t(e.size[0]) * e.size[1]);
      why << " voxel(" << i << "," << j << "," << k << ") " << a.hu[n] << " != " << e.hu[n];
    }
  }
  if (bad) why << " (" << bad << " voxels differ)";
  if (why.str().empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << why.str();
}

int Run(const std::string& command) {
  const int rc = std::system((command + " >/dev/null 2>&1").c_str());
  return rc == -1 ? -1 : WEXITSTATUS(rc);
}

}  // namespace nadir::test
