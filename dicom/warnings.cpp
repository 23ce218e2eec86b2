#include "dicom/warnings.h"

#include <cstdio>
#include <string>

namespace nadir::dicom {
namespace {

template <class... Ts>
struct Overload : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overload(Ts...) -> Overload<Ts...>;

std::string F(const char* fmt, auto... args) {
  char b[512];
  std::snprintf(b, sizeof b, fmt, args...);
  return b;
}

}  // namespace

std::string Code(const Warning& w) {
  return std::visit(Overload{
                        [](const NonUniformSpacing&) { return "non_uniform_spacing"; },
                        [](const MissingSlices&) { return "missing_slices"; },
                        [](const DuplicatePosition&) { return "duplicate_position"; },
                        [](const GantryTilt&) { return "gantry_tilt"; },
                        [](const NonSquarePixels&) { return "non_square_pixels"; },
                        [](const OrientationJitter&) { return "orientation_jitter"; },
                        [](const PaddingReplaced&) { return "padding_replaced"; },
                        [](const HuClamped&) { return "hu_clamped"; },
                        [](const FileSkipped&) { return "file_skipped"; },
                    },
                    w);
}

std::string Describe(const Warning& w) {
  return std::visit(
      Overload{
          [](const NonUniformSpacing& x) {
            return F("slice spacing varies from %.3f to %.3f mm; the volume uses %.3f mm", x.min_mm,
                     x.max_mm, x.nominal_mm);
          },
          [](const MissingSlices& x) {
            return F(
                "%d slice(s) missing after slice %d: gap of %.3f mm where %.3f mm is usual; "
                "blank slices inserted",
                x.missing, x.after_slice, x.gap_mm, x.nominal_mm);
          },
          [](const DuplicatePosition& x) {
            return F("two images at %.3f mm along the normal: kept %s, dropped %s", x.position_mm,
                     x.kept_file.c_str(), x.dropped_file.c_str());
          },
          [](const GantryTilt& x) {
            return F(
                "slices are stacked %.2f degrees off their normal (gantry tilt; "
                "GantryDetectorTilt says %.2f); the volume keeps the sheared grid",
                x.angle_deg, x.gantry_tilt_tag_deg);
          },
          [](const NonSquarePixels& x) {
            return F("pixels are not square: row spacing %.4f mm, column spacing %.4f mm", x.row_mm,
                     x.column_mm);
          },
          [](const OrientationJitter& x) {
            return F("ImageOrientationPatient varies by up to %.3f degrees between slices",
                     x.max_deg);
          },
          [](const PaddingReplaced& x) {
            return F("%lld voxels had the padding value %ld and were set to %d HU", x.voxels,
                     x.stored_value, x.hu);
          },
          [](const HuClamped& x) {
            return F(
                "%lld voxels fell outside int16 after rescale (%.0f to %.0f HU) and were clamped",
                x.voxels, x.min_hu, x.max_hu);
          },
          [](const FileSkipped& x) { return x.file + " skipped: " + x.reason; },
      },
      w);
}

}  // namespace nadir::dicom
