// The phantom's random numbers: SplitMix64, fully specified, so the same seed writes the same
// bytes on every platform (never a standard library's distribution code).
#pragma once

#include <cmath>
#include <cstdint>

namespace nadir::dicom::detail {

/// One SplitMix64 step: a well-mixed 64-bit value of `x`.
inline std::uint64_t Mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

/// A standard normal value for (seed, index), by Box-Muller from two hashed uniforms: the same
/// noise for the same seed and voxel, whatever order the voxels are drawn in.
inline double Gaussian(std::uint64_t seed, std::uint64_t index) {
  const std::uint64_t a = Mix(seed ^ (index * 2 + 1)), b = Mix(seed ^ (index * 2 + 2) ^ 0x5bd1e995);
  const double u1 = (double(a >> 11) + 1.0) / 9007199254740993.0;
  const double u2 = double(b >> 11) / 9007199254740992.0;
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

/// A stream of uniforms in [lo, hi) from a seed.
struct Random {
  std::uint64_t state;
  double Uniform(double lo, double hi) {
    const std::uint64_t z = Mix(state);
    state += 0x9E3779B97F4A7C15ull;
    return lo + (hi - lo) * double(z >> 11) / 9007199254740992.0;
  }
};

}  // namespace nadir::dicom::detail
