// Measuring as a reader does, through the session's caliper tools and no window:
//  - an ellipsoid of known axes built in code (anisotropic voxels, rotated rows and columns):
//    clicking its edges as seen on the image measures the known diameters within one voxel;
//  - the dicom phantom trial: clicking the ends of each lesion's diameters at every timepoint
//    gives the response course the phantom was generated with (dicom/phantom_plan.cpp).
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "dicom/phantom.h"
#include "geometry/volume.h"
#include "measure/assess.h"
#include "tests/annotate/test_util.h"
#include "tests/support/scratch_dir.h"

namespace nadir::annotate {
namespace {

using test::D;
using test::DragHandleTo;
using test::DrawLine;

constexpr double kPi = 3.141592653589793;

// An ellipsoid at +40 HU in -1000 HU air: semi-axes 15 mm (in-plane, 40 degrees from +x),
// 9 mm (in-plane, perpendicular) and 10 mm (head-feet); voxels 0.7 x 0.9 x 2.5 mm with rows
// and columns turned 25 degrees in the axial plane.
struct EllipsoidPhantom {
  Volume v;
  PatientPoint centre;
  PatientPoint e1, e2;  // unit long and short axis directions
  double long_mm = 30, short_mm = 18;
  int k = 20;

  EllipsoidPhantom() {
    v.size = {160, 140, 41};
    v.spacing = {0.7, 0.9, 2.5};
    v.origin = {-50, -60, -40};
    const double r = 25 * kPi / 180;
    v.direction = {std::cos(r), std::sin(r), 0, -std::sin(r), std::cos(r), 0, 0, 0, 1};
    centre = v.ToPatient(80, 70, k);
    const double a = 40 * kPi / 180;
    e1 = {std::cos(a), std::sin(a), 0};
    e2 = {-std::sin(a), std::cos(a), 0};
    v.hu.resize(v.VoxelCount());
    for (int kk = 0; kk < v.size[2]; ++kk)
      for (int j = 0; j < v.size[1]; ++j)
        for (int i = 0; i < v.size[0]; ++i) {
          const auto p = v.ToPatient(i, j, kk);
          const double d[3] = {p[0] - centre[0], p[1] - centre[1], p[2] - centre[2]};
          const double u = (d[0] * e1[0] + d[1] * e1[1]) / (long_mm / 2);
          const double w = (d[0] * e2[0] + d[1] * e2[1]) / (short_mm / 2);
          const double h = d[2] / 10.0;
          v.hu[v.Index(i, j, kk)] = u * u + w * w + h * h <= 1 ? 40 : -1000;
        }
    for (int kk = 0; kk < v.size[2]; ++kk)
      v.sop_uids.push_back("1.2.826.0.1.99." + std::to_string(kk));
  }

  // HU at a patient point on slice k, interpolated bilinearly in the slice (as the viewer's
  // shader samples it).
  double Sample(const PatientPoint& p) const {
    double rel[3] = {p[0] - v.origin[0], p[1] - v.origin[1], p[2] - v.origin[2]};
    double idx[2];
    for (int a = 0; a < 2; ++a)
      idx[a] = (v.direction[a * 3] * rel[0] + v.direction[a * 3 + 1] * rel[1] +
                v.direction[a * 3 + 2] * rel[2]) /
               v.spacing[a];
    const int i0 = int(std::floor(idx[0])), j0 = int(std::floor(idx[1]));
    const double fi = idx[0] - i0, fj = idx[1] - j0;
    auto at = [&](int i, int j) {
      if (i < 0 || j < 0 || i >= v.size[0] || j >= v.size[1]) return -1000.0;
      return double(v.At(i, j, k));
    };
    return (1 - fj) * ((1 - fi) * at(i0, j0) + fi * at(i0 + 1, j0)) +
           fj * ((1 - fi) * at(i0, j0 + 1) + fi * at(i0 + 1, j0 + 1));
  }

  // Where the reader sees the edge: walking out from the centre along `dir` until the image
  // falls below half way between lesion and air.
  PatientPoint Edge(const PatientPoint& dir) const {
    constexpr double kHalfWayHu = (40.0 - 1000.0) / 2;
    PatientPoint last = centre;
    for (double t = 0; t < 40; t += 0.02) {
      const PatientPoint p{centre[0] + t * dir[0], centre[1] + t * dir[1], centre[2]};
      if (Sample(p) < kHalfWayHu) return last;
      last = p;
    }
    return last;
  }
  PatientPoint Neg(const PatientPoint& d) const { return {-d[0], -d[1], -d[2]}; }
  double OneVoxelMm() const { return std::max(v.spacing[0], v.spacing[1]); }
};

TEST(MeasureOnImage, LineOnEllipsoidMeasuresItsLongAxisWithinOneVoxel) {
  const EllipsoidPhantom ph;
  const test::ScratchDir scratch("line");
  AnnotationSession s(scratch.string());
  s.New("PH-E", D("2026-01-05"));
  s.Apply(SetTool{Tool::kLine});
  ASSERT_TRUE(DrawLine(s, ph.Edge(ph.Neg(ph.e1)), ph.Edge(ph.e1), ph.v.sop_uids[ph.k]));
  const LesionRecord& t1 = s.subject().timepoints[0].lesions.at(0);
  EXPECT_EQ(t1.id, "T1");
  EXPECT_EQ(t1.kind, LesionKind::kTarget);
  ASSERT_TRUE(t1.long_axis_mm);
  EXPECT_NEAR(*t1.long_axis_mm, ph.long_mm, ph.OneVoxelMm());
  EXPECT_FALSE(t1.short_axis_mm);
  ASSERT_TRUE(t1.points && t1.points->long_axis);
  EXPECT_EQ(t1.points->sop_uid, ph.v.sop_uids[ph.k]);
}

TEST(MeasureOnImage, BidirectionalOnEllipsoidMeasuresBothAxesWithinOneVoxel) {
  const EllipsoidPhantom ph;
  const test::ScratchDir scratch("bidi");
  AnnotationSession s(scratch.string());
  s.New("PH-E", D("2026-01-05"));
  s.Apply(SetTool{Tool::kBidirectional});
  const std::string sop = ph.v.sop_uids[ph.k];
  ASSERT_TRUE(DrawLine(s, ph.Edge(ph.Neg(ph.e1)), ph.Edge(ph.e1), sop));
  // The short axis starts across the middle; the reader drags each end onto the edge.
  const PatientPoint plus = ph.Edge(ph.e2), minus = ph.Edge(ph.Neg(ph.e2));
  for (int end = 0; end < 2; ++end) {
    const auto seg = *s.subject().timepoints[0].lesions.at(0).points->short_axis;
    const auto& from = seg[end];
    const bool on_plus = LengthMm(from, plus) < LengthMm(from, minus);
    ASSERT_TRUE(DragHandleTo(s, from, on_plus ? plus : minus, sop));
  }
  const LesionRecord& t1 = s.subject().timepoints[0].lesions.at(0);
  EXPECT_NEAR(*t1.long_axis_mm, ph.long_mm, ph.OneVoxelMm());
  ASSERT_TRUE(t1.short_axis_mm);
  EXPECT_NEAR(*t1.short_axis_mm, ph.short_mm, ph.OneVoxelMm());
  const Bidirectional b{*t1.points->long_axis, *t1.points->short_axis};
  EXPECT_LT(AxesCosine(b), 1e-9);
  EXPECT_EQ(s.subject().timepoints[0].lesions.size(), 1u);  // dragging created nothing
}

// ---- The dicom phantom trial, measured as a reader would. ----

Segment LongEnds(const dicom::PhantomLesion& l) {
  const double a = l.angle_deg * kPi / 180, hl = l.long_mm / 2;
  const auto& o = l.centre;
  return {{{o[0] - hl * std::cos(a), o[1] - hl * std::sin(a), o[2]},
           {o[0] + hl * std::cos(a), o[1] + hl * std::sin(a), o[2]}}};
}

Segment ShortEnds(const dicom::PhantomLesion& l) {
  const double a = l.angle_deg * kPi / 180, hs = l.short_mm / 2;
  const auto& o = l.centre;
  return {{{o[0] + hs * std::sin(a), o[1] - hs * std::cos(a), o[2]},
           {o[0] - hs * std::sin(a), o[1] + hs * std::cos(a), o[2]}}};
}

// Reads one phantom subject: targets measured with the bidirectional tool (the short axis
// dragged onto the node's edges), non-targets marked present, new lesions measured and called.
Subject ReadPhantomSubject(const dicom::PhantomTrial& trial, int s) {
  const dicom::PhantomSubject& subj = trial.subjects[s];
  const test::ScratchDir scratch("phantom");
  AnnotationSession session(scratch.string());
  session.New(subj.subject, D(subj.timepoints[0].date.c_str()), subj.timepoints[0].label,
              subj.timepoints[0].study_uid);
  for (std::size_t tp = 1; tp < subj.timepoints.size(); ++tp)
    session.AddTimepoint(D(subj.timepoints[tp].date.c_str()), subj.timepoints[tp].label,
                         subj.timepoints[tp].study_uid);
  for (int tp = 0; tp < int(subj.timepoints.size()); ++tp) {
    session.Apply(SetTimepoint{tp});
    for (const dicom::PhantomLesion& l : subj.timepoints[tp].lesions) {
      const int k = int(std::lround((l.centre[2] - trial.origin[2]) / trial.spacing[2]));
      const std::string sop = dicom::PhantomSliceUid(trial, s, tp, k);
      if (l.kind == "nontarget") {
        if (tp == 0) {
          session.Apply(AddLesion{LesionKind::kNonTarget});
          session.Apply(SetSite{session.annotation().selected, l.site});
        } else {
          session.Apply(SetState{l.id, LesionState::kPresent});
        }
        continue;
      }
      // A known lesion is picked in the lesion list first; a new one is simply measured.
      session.Apply(SelectLesion{tp == 0 || l.kind == "new" ? "" : l.id});
      session.Apply(SetTool{Tool::kBidirectional});
      const auto lg = LongEnds(l);
      EXPECT_TRUE(DrawLine(session, lg[0], lg[1], sop));
      const std::string id = session.annotation().selected;
      EXPECT_EQ(id, l.id) << subj.subject << " timepoint " << tp;
      const auto sh = ShortEnds(l);
      for (int end = 0; end < 2; ++end) {
        const auto now = *session.annotation().subject.timepoints[tp].Find(id)->points->short_axis;
        const bool first = LengthMm(now[end], sh[0]) < LengthMm(now[end], sh[1]);
        EXPECT_TRUE(DragHandleTo(session, now[end], first ? sh[0] : sh[1], sop));
      }
      if (tp == 0) {
        session.Apply(SetSite{id, l.site});
        session.Apply(SetNodal{id, l.nodal});
      }
      if (l.kind == "new") session.Apply(SetState{id, LesionState::kUnequivocal});
    }
  }
  EXPECT_TRUE(NotYetAssessed(session.subject(), 2).empty());
  return session.subject();
}

TEST(MeasurePhantomTrial, ReaderClicksGiveTheCourseThePhantomWasGeneratedWith) {
  const dicom::PhantomTrial trial = dicom::PlanPhantomTrial({});
  // dicom/phantom_plan.cpp: "response" PR then PR; "progression" SD then PD; "new lesion"
  // SD then PD (a new liver lesion at week 16, RECIST 1.1 §4.3.5).
  const std::map<std::string, std::vector<Response>> expected = {
      {"response", {Response::kPR, Response::kPR}},
      {"progression", {Response::kSD, Response::kPD}},
      {"new lesion", {Response::kSD, Response::kPD}},
  };
  ASSERT_EQ(trial.subjects.size(), 3u);
  for (int s = 0; s < 3; ++s) {
    const Subject read = ReadPhantomSubject(trial, s);
    const SubjectResult r = AssessSubject(read);
    ASSERT_TRUE(r.errors.empty()) << r.errors.front();
    ASSERT_TRUE(r.recist11);
    const auto& want = expected.at(trial.subjects[s].course);
    ASSERT_EQ(r.recist11->timepoints.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i)
      EXPECT_EQ(r.recist11->timepoints[i].overall, want[i])
          << trial.subjects[s].subject << " (" << trial.subjects[s].course << ") follow-up " << i
          << ": " << r.recist11->timepoints[i].reason;
    // Diameters read back to 0.1 mm of the phantom's truth.
    for (const auto& l : trial.subjects[s].timepoints[0].lesions) {
      if (l.kind != "target") continue;
      const LesionRecord* rec = read.timepoints[0].Find(l.id);
      ASSERT_TRUE(rec);
      EXPECT_NEAR(*rec->long_axis_mm, l.long_mm, 0.05);
      EXPECT_NEAR(*rec->short_axis_mm, l.short_mm, 0.05);
    }
  }
}

}  // namespace
}  // namespace nadir::annotate
