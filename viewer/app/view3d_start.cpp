// --auto-at and --view3d: a lesion measured by the Auto tool and a viewport in 3D before a
// screenshot, through the controller's own path (a press of the Auto tool, its worker, Enter).
#include <cstdio>

#include "viewer/app/annotate_view.h"
#include "viewer/app/controller.h"
#include "viewer/app/view3d_viewport.h"

namespace nadir::viewer {

namespace {

// The caliper tools' grab radius (annotate_glue.cpp), in screen pixels.
constexpr double kGrabPixels = 7.0;

}  // namespace

std::string AutoMeasureAt(Viewer& v, int viewport, const Vec3& at) {
  if (viewport < 0 || viewport >= int(v.rects.size()) || !v.room.SeriesOf(viewport))
    return "Auto: viewport " + std::to_string(viewport) + " shows no series";
  if (!v.annotate.started) return "Auto: no assessment is open";
  ViewportState& vp = v.room.state().viewports[viewport];
  vp.view.position_mm = Dot(at, vp.plane.normal);
  const ViewportRect& r = v.rects[viewport];
  const auto px = PatientToPixel(MapView(vp.plane, vp.view, r), at);
  std::string why;
  const auto p = PointAt(v.room, v.rects, viewport, r.x + px[0], r.y + px[1], &why);
  if (!p) return "Auto: " + why;
  annotate::PointerPress press{p->at, p->image.sop_uid, p->image.normal,
                               kGrabPixels * p->mm_per_pixel};
  press.series_uid = p->image.series_uid;
  press.plane = p->image.plane;
  press.half_slice_mm = p->image.half_slice_mm;
  Apply(v, Intent{annotate::AnnotateIntent{annotate::SetTool{annotate::Tool::kAuto}}});
  Apply(v, Intent{CaliperPress{viewport, press}});
  Apply(v, Intent{annotate::PointerRelease{p->at}});
  if (!v.annotate.auto_job) return v.annotate.status;
  v.annotate.auto_job->result.wait();
  TakeAutoMeasurement(v);
  if (!v.annotate.auto_proposal) return v.annotate.status;
  Apply(v, Intent{AcceptAutoProposal{}});
  return v.view3d.masks.empty() ? v.annotate.status : "";
}

int View3dAtStart(Viewer& v, int width, int height) {
  const Options& o = v.options;
  if (!o.auto_at && !o.view3d) return 0;
  Frame(v, width, height, !o.no_overlay);  // places the viewports, starts the assessment
  if (o.auto_at) {
    const auto& a = *o.auto_at;
    if (const std::string why = AutoMeasureAt(v, 0, {a[0], a[1], a[2]}); !why.empty()) {
      std::fprintf(stderr, "nadir-viewer: --auto-at %.1f,%.1f,%.1f: %s\n", a[0], a[1], a[2],
                   why.c_str());
      return 1;
    }
  }
  if (o.view3d) Apply(v, Intent{ToggleView3d{*o.view3d}});
  return 0;
}

}  // namespace nadir::viewer
