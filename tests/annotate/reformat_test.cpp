// Calipers on a reformatted view (a coronal reslice): no SOP Instance UID names the image, so
// the measurement records its series, plane name and normal (assessment-v1.md nadir notes,
// "Calipers on reformatted views"). Measured as a reader does, through the session, on the
// reslice geometry the viewer draws (viewer/core/reslice.h) and a phantom built in code.
#include <gtest/gtest.h>

#include <cmath>

#include "formats/assessment_json.h"
#include "geometry/volume.h"
#include "tests/annotate/test_util.h"
#include "tests/support/scratch_dir.h"
#include "viewer/annotate/overlay.h"
#include "viewer/core/reslice.h"

namespace nadir::annotate {
namespace {

namespace fs = std::filesystem;
using test::D;
using viewer::Vec3;
using viewer::operator*;
using viewer::operator+;

constexpr double kPi = 3.141592653589793;
const std::string kSeries = "1.2.826.0.1.77.2";

// An ellipsoid at +40 HU in -1000 HU air, semi-axes 15 mm (axial plane, 40 degrees from +x),
// 9 mm (axial plane, perpendicular) and 10 mm head-feet, in voxels of 0.7 x 0.9 x 2.5 mm whose
// rows and columns turn 25 degrees in the axial plane. Its centre lies on a coronal slice.
struct CoronalPhantom {
  Volume v;
  viewer::VolumeGeometry g;
  viewer::SlicePlane coronal;
  double position = 0;  // the coronal slice through the centre
  Vec3 centre;
  Vec3 e1, e2;

  CoronalPhantom() {
    v.size = {150, 150, 40};
    v.spacing = {0.7, 0.9, 2.5};
    v.origin = {-50, -60, -45};
    const double r = 25 * kPi / 180;
    v.direction = {std::cos(r), std::sin(r), 0, -std::sin(r), std::cos(r), 0, 0, 0, 1};
    g = VolumeGeometry(v);
    coronal = viewer::MakePlane(g, viewer::Orientation::kCoronal);
    const int n = coronal.SliceOfPosition(viewer::Dot(g.Center(), coronal.normal));
    position = coronal.PositionOfSlice(n);
    centre = coronal.Point(0, 0, position);
    const double a = 40 * kPi / 180;
    e1 = {std::cos(a), std::sin(a), 0};
    e2 = {-std::sin(a), std::cos(a), 0};
    v.hu.resize(v.VoxelCount());
    for (int k = 0; k < v.size[2]; ++k)
      for (int j = 0; j < v.size[1]; ++j)
        for (int i = 0; i < v.size[0]; ++i) {
          const auto p = v.ToPatient(i, j, k);
          const Vec3 d{p[0] - centre[0], p[1] - centre[1], p[2] - centre[2]};
          const double u = viewer::Dot(d, e1) / 15, w = viewer::Dot(d, e2) / 9, h = d[2] / 10;
          v.hu[v.Index(i, j, k)] = u * u + w * w + h * h <= 1 ? 40 : -1000;
        }
  }

  // HU at a patient point, interpolated trilinearly (as the viewer's shader samples a reslice).
  double Sample(const Vec3& p) const {
    const Vec3 idx = g.ToIndex(p);
    const int i0 = int(std::floor(idx[0])), j0 = int(std::floor(idx[1])),
              k0 = int(std::floor(idx[2]));
    const double f[3] = {idx[0] - i0, idx[1] - j0, idx[2] - k0};
    double sum = 0;
    for (int c = 0; c < 8; ++c) {
      const int i = i0 + (c & 1), j = j0 + ((c >> 1) & 1), k = k0 + ((c >> 2) & 1);
      const bool in = i >= 0 && j >= 0 && k >= 0 && i < v.size[0] && j < v.size[1] && k < v.size[2];
      const double w = ((c & 1) ? f[0] : 1 - f[0]) * (((c >> 1) & 1) ? f[1] : 1 - f[1]) *
                       (((c >> 2) & 1) ? f[2] : 1 - f[2]);
      sum += w * (in ? v.At(i, j, k) : -1000.0);
    }
    return sum;
  }

  // Where a reader sees the edge on the coronal image: walking from the centre along an
  // in-plane direction until the image falls below half way between lesion and air.
  PatientPoint Edge(const Vec3& dir) const {
    constexpr double kHalfWayHu = (40.0 - 1000.0) / 2;
    Vec3 last = centre;
    for (double t = 0; t < 40; t += 0.02) {
      const Vec3 p = centre + dir * t;
      if (Sample(p) < kHalfWayHu) break;
      last = p;
    }
    return {last[0], last[1], last[2]};
  }

  PointerPress PressAt(const PatientPoint& at, double tolerance_mm = 2) const {
    PointerPress p{at, "", {coronal.normal[0], coronal.normal[1], coronal.normal[2]}, tolerance_mm};
    p.series_uid = kSeries;
    p.plane = "coronal";
    p.half_slice_mm = 0.5 * coronal.slice_step_mm;
    return p;
  }

  ShownImage Image(double at_mm) const {
    ShownImage s;
    s.series_uid = kSeries;
    s.plane = "coronal";
    s.normal = {coronal.normal[0], coronal.normal[1], coronal.normal[2]};
    s.position_mm = at_mm;
    s.half_slice_mm = 0.5 * coronal.slice_step_mm;
    return s;
  }
};

void Draw(AnnotationSession& s, const CoronalPhantom& ph, const PatientPoint& a,
          const PatientPoint& b) {
  ASSERT_TRUE(s.Press(ph.PressAt(a)));
  s.Drag({{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2}});
  s.Release({b});
}

TEST(CaliperOnReformat, LineOnACoronalReslicePhantomMeasuresItsDiametersWithinOneVoxel) {
  const CoronalPhantom ph;
  ASSERT_NEAR(ph.coronal.normal[1], 1.0, 1e-12);  // coronal: looking along +y (LPS)
  const test::ScratchDir scratch("reformat");
  AnnotationSession s(scratch.string());
  s.New("PH-C", D("2026-01-05"));
  s.Apply(SetTool{Tool::kLine});
  // A press that names neither an image nor a reformatted series records nothing.
  PointerPress nowhere = ph.PressAt(ph.Edge(ph.coronal.col));
  nowhere.series_uid.clear();
  EXPECT_FALSE(s.Press(nowhere));
  // Head-feet (the plane's column, -z): 20 mm; one voxel along z is 2.5 mm.
  Draw(s, ph, ph.Edge(ph.coronal.col * -1.0), ph.Edge(ph.coronal.col));
  const LesionRecord& t1 = s.subject().timepoints[0].lesions.at(0);
  ASSERT_TRUE(t1.long_axis_mm);
  EXPECT_NEAR(*t1.long_axis_mm, 20.0, ph.v.spacing[2]);
  // What the measurement records: no image UID; the series, the plane and its normal.
  ASSERT_TRUE(t1.points);
  EXPECT_EQ(t1.points->sop_uid, "");
  EXPECT_EQ(t1.points->series_uid, kSeries);
  EXPECT_EQ(t1.points->plane, "coronal");
  ASSERT_TRUE(t1.points->normal);
  EXPECT_NEAR((*t1.points->normal)[1], 1.0, 1e-12);
  for (const auto& p : *t1.points->long_axis)
    EXPECT_NEAR(p[1], ph.position, 1e-9);  // on the plane shown

  // Left-right through the centre (the plane's row, +x): the chord of the ellipse turned
  // 40 degrees, 2 / sqrt(cos^2(40)/15^2 + sin^2(40)/9^2) = 22.78 mm; one voxel in-plane 0.9.
  s.Apply(SelectLesion{""});
  Draw(s, ph, ph.Edge(ph.coronal.row * -1.0), ph.Edge(ph.coronal.row));
  const double c = std::cos(40 * kPi / 180), sn = std::sin(40 * kPi / 180);
  const double chord = 2 / std::sqrt(c * c / 225 + sn * sn / 81);
  EXPECT_NEAR(*s.subject().timepoints[0].lesions.at(1).long_axis_mm, chord, ph.v.spacing[1]);
}

TEST(CaliperOnReformat, ShownOnItsPlaneOnlyEditedThereAndReopenedFromTheFile) {
  const CoronalPhantom ph;
  const test::ScratchDir dir("reformat-file");
  AnnotationSession s((dir / "autosave").string());
  s.New("PH-C", D("2026-01-05"));
  s.Apply(SetTool{Tool::kLine});
  const PatientPoint top = ph.Edge(ph.coronal.col * -1.0), bottom = ph.Edge(ph.coronal.col);
  Draw(s, ph, top, bottom);

  // On the overlay of its plane (within half a slice), not a slice further, nor on a native
  // image, nor on another series' coronal view.
  EXPECT_EQ(CaliperOverlay(s, ph.Image(ph.position)).size(), 1u);
  EXPECT_EQ(CaliperOverlay(s, ph.Image(ph.position + 0.4 * ph.coronal.slice_step_mm)).size(), 1u);
  EXPECT_TRUE(CaliperOverlay(s, ph.Image(ph.position + ph.coronal.slice_step_mm)).empty());
  EXPECT_TRUE(CaliperOverlay(s, "1.2.3.native").empty());
  ShownImage other = ph.Image(ph.position);
  other.series_uid = "9.9.9";
  EXPECT_TRUE(CaliperOverlay(s, other).empty());

  // Its handle is grabbed on that plane and dragged along it.
  const Vec3 down = ph.coronal.col * 3.0;
  const PatientPoint lower{bottom[0] + down[0], bottom[1] + down[1], bottom[2] + down[2]};
  const double before = *s.subject().timepoints[0].lesions[0].long_axis_mm;
  ASSERT_TRUE(s.Press(ph.PressAt(bottom, 1.0)));
  s.Drag({lower});
  s.Release({lower});
  EXPECT_NEAR(*s.subject().timepoints[0].lesions[0].long_axis_mm, before + 3.0, 0.051);
  EXPECT_EQ(s.subject().timepoints[0].lesions.size(), 1u);

  // Jump-to goes to the plane and position it was drawn on.
  s.Apply(JumpTo{"T1"});
  const auto jump = s.TakeJump();
  ASSERT_TRUE(jump);
  EXPECT_EQ(jump->image.plane, "coronal");
  EXPECT_EQ(jump->image.series_uid, kSeries);
  EXPECT_NEAR(jump->centre[1], ph.position, 1e-9);

  // Saved and reopened, it names the same plane and lies on it.
  std::string error;
  const fs::path file = dir / "PH-C.json";
  ASSERT_TRUE(s.SaveAs(file.string(), &error)) << error;
  const LoadedAssessment raw = ReadAssessmentFile(file.string());
  ASSERT_TRUE(raw.errors.empty()) << raw.errors.front();
  const auto& pts = raw.document["timepoints"][0]["lesions"][0]["points"];
  EXPECT_FALSE(pts.contains("sop_uid"));
  EXPECT_EQ(pts["plane"], "coronal");
  EXPECT_EQ(pts["series_uid"], kSeries);
  AnnotationSession reopened((dir / "autosave2").string());
  ASSERT_TRUE(reopened.Open(file.string(), &error)) << error;
  const auto& back = *reopened.subject().timepoints[0].lesions[0].points;
  EXPECT_EQ(back.long_axis, s.subject().timepoints[0].lesions[0].points->long_axis);
  EXPECT_EQ(back.normal, s.subject().timepoints[0].lesions[0].points->normal);
  EXPECT_EQ(CaliperOverlay(reopened, ph.Image(ph.position)).size(), 1u);
}

}  // namespace
}  // namespace nadir::annotate
