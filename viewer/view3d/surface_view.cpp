// VTK is included here only (linked PRIVATE). Surfaces are made in index space and carried to
// patient mm by VolumeGeometry::ToPatient, like analysis/surface; the camera is set in patient
// LPS (anterior is -y, cranial +z).
#include "viewer/view3d/surface_view.h"

#include <vtkActor.h>
#include <vtkAutoInit.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkFlyingEdges3D.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataConnectivityFilter.h>
#include <vtkPolyDataMapper.h>
#include <vtkPolyDataNormals.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkUnsignedCharArray.h>
#include <vtkWindowedSincPolyDataFilter.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>

#include "analysis/surface/surface.h"
#include "viewer/gl/keep_driver_loaded.h"
#include "viewer/view3d/glx_current.h"

// The OpenGL2 module's factory gives vtkRenderWindow::New() its X/GLX window.
VTK_MODULE_INIT(vtkRenderingOpenGL2);

namespace nadir::view3d {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kBodySmoothingIterations = 10;
double MsSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// Points in index space -> patient mm.
void ToPatient(vtkPolyData* poly, const VolumeGeometry& g) {
  vtkNew<vtkPoints> patient;
  patient->SetDataTypeToFloat();
  patient->SetNumberOfPoints(poly->GetNumberOfPoints());
  for (vtkIdType p = 0; p < poly->GetNumberOfPoints(); ++p) {
    double ijk[3];
    poly->GetPoint(p, ijk);
    const Vec3 x = g.ToPatient(ijk[0], ijk[1], ijk[2]);
    patient->SetPoint(p, x[0], x[1], x[2]);
  }
  poly->SetPoints(patient);
}

// The CT averaged over blocks of f[a] voxels (at most max_per_axis blocks per axis), with one
// layer of air around it so that the body is closed where the scan cuts it.
vtkSmartPointer<vtkImageData> BlockMeanImage(const Volume& v, int max_per_axis) {
  std::array<int, 3> f{}, n{};
  for (int a = 0; a < 3; ++a) {
    f[a] = std::max(1, (v.size[a] + max_per_axis - 1) / max_per_axis);
    n[a] = std::max(1, v.size[a] / f[a]);
  }
  auto image = vtkSmartPointer<vtkImageData>::New();
  image->SetDimensions(n[0] + 2, n[1] + 2, n[2] + 2);
  image->SetSpacing(f[0], f[1], f[2]);
  // Block b covers voxels b*f .. b*f+f-1: its centre is at index b*f + (f-1)/2.
  image->SetOrigin((f[0] - 1) / 2.0 - f[0], (f[1] - 1) / 2.0 - f[1], (f[2] - 1) / 2.0 - f[2]);
  image->AllocateScalars(VTK_FLOAT, 1);
  auto* out = static_cast<float*>(image->GetScalarPointer());
  const std::size_t nx = n[0] + 2, ny = n[1] + 2, nz = n[2] + 2;
  std::fill(out, out + nx * ny * nz, -1000.0f);
  std::vector<float> row(n[0]);
  const float inv = 1.0f / float(f[0] * f[1] * f[2]);
  for (int bk = 0; bk < n[2]; ++bk)
    for (int bj = 0; bj < n[1]; ++bj) {
      std::fill(row.begin(), row.end(), 0.0f);
      for (int k = bk * f[2]; k < (bk + 1) * f[2]; ++k)
        for (int j = bj * f[1]; j < (bj + 1) * f[1]; ++j) {
          const std::int16_t* line = &v.hu[v.Index(0, j, k)];
          for (int bi = 0; bi < n[0]; ++bi)
            for (int i = bi * f[0]; i < (bi + 1) * f[0]; ++i) row[bi] += line[i];
        }
      float* dst = out + (std::size_t(bk + 1) * ny + (bj + 1)) * nx + 1;
      for (int bi = 0; bi < n[0]; ++bi) dst[bi] = row[bi] * inv;
    }
  return image;
}

vtkSmartPointer<vtkPolyData> WithNormals(vtkPolyData* poly) {
  vtkNew<vtkPolyDataNormals> normals;
  normals->SetInputData(poly);
  normals->SplittingOff();    // smooth shading across the whole surface
  normals->ConsistencyOff();  // the contour's triangles are already consistent
  normals->Update();
  return normals->GetOutput();
}

vtkSmartPointer<vtkPolyData> ToPolyData(const analysis::SurfaceMesh& mesh) {
  vtkNew<vtkPoints> points;
  points->SetDataTypeToFloat();
  points->SetNumberOfPoints(vtkIdType(mesh.points.size()));
  for (std::size_t p = 0; p < mesh.points.size(); ++p)
    points->SetPoint(vtkIdType(p), mesh.points[p].data());
  vtkNew<vtkCellArray> polys;
  polys->AllocateExact(vtkIdType(mesh.triangles.size()), vtkIdType(3 * mesh.triangles.size()));
  for (const auto& t : mesh.triangles) {
    const vtkIdType ids[3] = {t[0], t[1], t[2]};
    polys->InsertNextCell(3, ids);
  }
  auto poly = vtkSmartPointer<vtkPolyData>::New();
  poly->SetPoints(points);
  poly->SetPolys(polys);
  return poly;
}

vtkSmartPointer<vtkActor> ActorOf(vtkPolyData* poly, const std::array<float, 3>& rgb,
                                  double opacity) {
  vtkNew<vtkPolyDataMapper> mapper;
  mapper->SetInputData(poly);
  mapper->ScalarVisibilityOff();
  auto actor = vtkSmartPointer<vtkActor>::New();
  actor->SetMapper(mapper);
  actor->GetProperty()->SetColor(rgb[0], rgb[1], rgb[2]);
  actor->GetProperty()->SetOpacity(opacity);
  actor->GetProperty()->SetSpecular(0.2);
  return actor;
}

}  // namespace

struct SurfaceView::Impl {
  void* display = nullptr;  // our own X connection (Display*), handed to VTK's window
  vtkSmartPointer<vtkRenderWindow> window;
  vtkSmartPointer<vtkRenderer> renderer;
  std::array<double, 3> centre{};
  VolumeGeometry geometry;  // the scene volume's: lesions without their own refer to it
  std::vector<vtkSmartPointer<vtkActor>> lesion_actors;
  double scene_ms = 0;
  bool has_scene = false;

  // Replaces the lesion actors; returns the lesions refused, by index.
  std::string PutLesions(const std::vector<SceneLesion>& lesions) {
    for (auto& a : lesion_actors) renderer->RemoveActor(a);
    lesion_actors.clear();
    std::string problems;
    for (std::size_t l = 0; l < lesions.size(); ++l) {
      const analysis::LesionSurface s = analysis::BuildLesionSurface(
          lesions[l].mask, lesions[l].geometry ? *lesions[l].geometry : geometry);
      if (!s.ok) {
        problems += (problems.empty() ? "" : "; ") + std::string("lesion ") + std::to_string(l) +
                    ": " + s.reason;
        continue;
      }
      lesion_actors.push_back(ActorOf(WithNormals(ToPolyData(s.mesh)), lesions[l].colour, 1.0));
      renderer->AddActor(lesion_actors.back());
    }
    return problems;
  }

  ~Impl() {
    {
      GlxCurrentGuard keep;  // Finalize makes VTK's context current to delete it
      if (window) window->Finalize();
      window = nullptr;
      renderer = nullptr;
    }
    CloseXDisplay(display);
  }

  std::string EnsureWindow() {
    if (window) return {};
    const char* name = std::getenv("DISPLAY");
    if (!name || !*name)
      return "no X display (DISPLAY is unset): Debian's VTK 9.1 renders through GLX only "
             "(built without EGL and OSMesa); run under Xvfb on a headless machine";
    display = OpenXDisplay();
    if (!display) return std::string("cannot open the X display ") + name;
    window = vtkSmartPointer<vtkRenderWindow>::New();
    window->SetDisplayId(display);
    window->SetOffScreenRendering(1);
    window->SetMultiSamples(0);  // no multisampled framebuffer: faster in software GL
    window->AddRenderer(renderer);
    if (!window->SupportsOpenGL())
      return "VTK found no OpenGL 3.2 context on display " + std::string(name);
    return {};
  }
};

SurfaceView::SurfaceView() : impl_(std::make_unique<Impl>()) {
  impl_->renderer = vtkSmartPointer<vtkRenderer>::New();
  impl_->renderer->SetBackground(0.08, 0.08, 0.10);
  // No depth peeling: the body is one translucent colour, so the order its triangles blend in
  // hardly shows (the images with and without are alike), and peeling made a 512 x 512 render
  // ten times slower under Mesa's llvmpipe (1.2 s against 70-130 ms).
  impl_->renderer->TwoSidedLightingOn();  // a left-handed geometry turns triangles inside out
}

SurfaceView::~SurfaceView() = default;

double SurfaceView::SceneMilliseconds() const { return impl_->scene_ms; }

std::string SurfaceView::SetScene(const Volume& volume, const std::vector<SceneLesion>& lesions,
                                  const SceneOptions& options) {
  // Taking actors out of a renderer that has drawn releases their GL buffers, for which VTK
  // makes its own context current: the caller's must be current again afterwards.
  GlxCurrentGuard keep;
  const auto t0 = Clock::now();
  impl_->renderer->RemoveAllViewProps();
  impl_->has_scene = false;
  if (volume.Empty() || volume.hu.size() != volume.VoxelCount())
    return "the volume is empty or its voxels (" + std::to_string(volume.hu.size()) +
           ") do not match its size";
  if (options.body_max_voxels_per_axis < 8)
    return "body_max_voxels_per_axis " + std::to_string(options.body_max_voxels_per_axis) +
           " is below 8";

  vtkNew<vtkFlyingEdges3D> contour;
  contour->SetInputData(BlockMeanImage(volume, options.body_max_voxels_per_axis));
  contour->SetValue(0, options.body_threshold_hu);
  contour->ComputeNormalsOff();
  contour->ComputeScalarsOff();
  // The skin is the largest piece; the lungs' and bowel gas' inner surfaces, the table and
  // noise specks are smaller ones and would hide the lesions.
  vtkNew<vtkPolyDataConnectivityFilter> largest;
  largest->SetInputConnection(contour->GetOutputPort());
  largest->SetExtractionModeToLargestRegion();
  largest->Update();
  vtkNew<vtkPolyData> body;
  body->SetPoints(largest->GetOutput()->GetPoints());
  body->SetPolys(largest->GetOutput()->GetPolys());
  std::string problems;
  if (body->GetNumberOfPolys() > 0) {
    ToPatient(body, volume);
    // A few windowed-sinc passes take the voxel staircase (stripes in the shading) off the skin.
    vtkNew<vtkWindowedSincPolyDataFilter> smooth;
    smooth->SetInputData(body);
    smooth->SetNumberOfIterations(kBodySmoothingIterations);
    smooth->SetPassBand(0.1);
    smooth->NormalizeCoordinatesOn();
    smooth->BoundarySmoothingOff();
    smooth->NonManifoldSmoothingOn();
    smooth->Update();
    impl_->renderer->AddActor(
        ActorOf(WithNormals(smooth->GetOutput()), options.body_colour, options.body_opacity));
  } else {
    problems = "no body surface at " + std::to_string(options.body_threshold_hu) + " HU";
  }

  impl_->geometry = volume;
  impl_->lesion_actors.clear();  // RemoveAllViewProps took them out
  const std::string refused = impl_->PutLesions(lesions);
  if (!refused.empty()) problems += (problems.empty() ? "" : "; ") + refused;
  const Vec3 c = volume.Center();
  impl_->centre = {c[0], c[1], c[2]};
  impl_->has_scene = true;
  impl_->scene_ms = MsSince(t0);
  return problems;
}

std::string SurfaceView::SetLesions(const std::vector<SceneLesion>& lesions) {
  if (!impl_->has_scene) return "no scene (SetScene first)";
  GlxCurrentGuard keep;  // as in SetScene: removed actors release their GL buffers
  const auto t0 = Clock::now();
  std::string problems = impl_->PutLesions(lesions);
  impl_->scene_ms = MsSince(t0);
  return problems;
}

RenderedImage SurfaceView::Render(int width, int height, const Camera& camera) {
  RenderedImage out;
  if (width <= 0 || height <= 0 || width > 8192 || height > 8192) {
    out.reason = "image size " + std::to_string(width) + " x " + std::to_string(height) +
                 " is outside 1-8192";
    return out;
  }
  if (!impl_->has_scene) {
    out.reason = "no scene (SetScene first)";
    return out;
  }
  GlxCurrentGuard keep;  // restored when this function returns
  if (std::string why = impl_->EnsureWindow(); !why.empty()) {
    out.reason = why;
    return out;
  }
  const auto t0 = Clock::now();
  impl_->window->SetSize(width, height);
  vtkCamera* cam = impl_->renderer->GetActiveCamera();
  const auto& c = impl_->centre;
  cam->SetFocalPoint(c[0], c[1], c[2]);
  cam->SetPosition(c[0], c[1] - 1000, c[2]);  // anterior (LPS: -y), looking back
  cam->SetViewUp(0, 0, 1);                    // cranial up
  cam->SetViewAngle(30);
  impl_->renderer->ResetCamera();
  cam->Azimuth(camera.azimuth_deg);
  cam->Elevation(camera.elevation_deg);
  cam->OrthogonalizeViewUp();
  if (camera.zoom > 0) cam->Zoom(camera.zoom);
  impl_->renderer->ResetCameraClippingRange();
  impl_->window->Render();
  viewer::KeepGlDriverLoaded();

  vtkNew<vtkUnsignedCharArray> pixels;
  if (!impl_->window->GetRGBACharPixelData(0, 0, width - 1, height - 1, 0, pixels, 0) ||
      pixels->GetNumberOfValues() != vtkIdType(4) * width * height) {
    out.reason = "VTK could not read the rendered pixels back";
    return out;
  }
  out.width = width;
  out.height = height;
  out.rgba.resize(std::size_t(4) * width * height);
  const unsigned char* src = pixels->GetPointer(0);
  for (int y = 0; y < height; ++y)  // OpenGL's rows are bottom-up
    std::memcpy(&out.rgba[std::size_t(y) * width * 4],
                src + std::size_t(height - 1 - y) * width * 4, std::size_t(width) * 4);
  for (std::size_t p = 3; p < out.rgba.size(); p += 4) out.rgba[p] = 255;
  out.milliseconds = MsSince(t0);
  out.ok = true;
  return out;
}

}  // namespace nadir::view3d
