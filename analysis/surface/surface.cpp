// VTK is included here only (CMake links it PRIVATE): the mask becomes a vtkImageData in index
// space, its boundary a mesh, the mesh goes to patient mm through VolumeGeometry::ToPatient
// (so the direction cosines are applied once, the nadir way), and is smoothed there.
#include "analysis/surface/surface.h"

#include <vtkCellArray.h>
#include <vtkDiscreteFlyingEdges3D.h>
#include <vtkIdList.h>
#include <vtkImageData.h>
#include <vtkMassProperties.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkSmartPointer.h>
#include <vtkTriangleFilter.h>
#include <vtkUnsignedCharArray.h>
#include <vtkWindowedSincPolyDataFilter.h>

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace nadir::analysis {
namespace {

std::string CheckMask(const LesionMask& mask, const VolumeGeometry& geometry) {
  for (int a = 0; a < 3; ++a) {
    if (mask.size[a] <= 0)
      return "mask.size[" + std::to_string(a) + "] is " + std::to_string(mask.size[a]);
    if (mask.begin[a] < 0 || mask.begin[a] + mask.size[a] > geometry.size[a])
      return "mask box [" + std::to_string(mask.begin[a]) + ", " +
             std::to_string(mask.begin[a] + mask.size[a]) + ") on axis " + std::to_string(a) +
             " leaves the volume (size " + std::to_string(geometry.size[a]) + ")";
  }
  const std::size_t n = std::size_t(mask.size[0]) * mask.size[1] * mask.size[2];
  if (mask.voxels.size() != n)
    return "mask.voxels has " + std::to_string(mask.voxels.size()) + " values, its size " +
           std::to_string(n);
  return {};
}

// The mask with one background voxel around it, as 0/1 in a vtkImageData whose coordinates are
// the volume's (continuous) voxel indices.
vtkSmartPointer<vtkImageData> PaddedMaskImage(const LesionMask& mask) {
  auto image = vtkSmartPointer<vtkImageData>::New();
  const int nx = mask.size[0] + 2, ny = mask.size[1] + 2, nz = mask.size[2] + 2;
  image->SetDimensions(nx, ny, nz);
  image->SetOrigin(mask.begin[0] - 1, mask.begin[1] - 1, mask.begin[2] - 1);
  image->SetSpacing(1, 1, 1);
  image->AllocateScalars(VTK_UNSIGNED_CHAR, 1);
  auto* out = static_cast<unsigned char*>(image->GetScalarPointer());
  std::fill(out, out + std::size_t(nx) * ny * nz, 0);
  std::size_t s = 0;
  for (int k = 0; k < mask.size[2]; ++k)
    for (int j = 0; j < mask.size[1]; ++j)
      for (int i = 0; i < mask.size[0]; ++i, ++s)
        out[(std::size_t(k + 1) * ny + (j + 1)) * nx + (i + 1)] = mask.voxels[s] ? 1 : 0;
  return image;
}

}  // namespace

double VoxelCountVolumeMl(const LesionMask& mask, const VolumeGeometry& geometry) {
  std::size_t count = 0;
  for (auto v : mask.voxels) count += v ? 1 : 0;
  return double(count) * geometry.spacing[0] * geometry.spacing[1] * geometry.spacing[2] / 1000.0;
}

LesionSurface BuildLesionSurface(const LesionMask& mask, const VolumeGeometry& geometry,
                                 const SurfaceOptions& options) {
  LesionSurface out;
  if (std::string why = CheckMask(mask, geometry); !why.empty()) {
    out.reason = why;
    return out;
  }
  if (options.smoothing_iterations < 0 || !(options.pass_band > 0 && options.pass_band <= 2)) {
    out.reason = "smoothing_iterations " + std::to_string(options.smoothing_iterations) +
                 " / pass_band " + std::to_string(options.pass_band) + " out of range";
    return out;
  }

  vtkNew<vtkDiscreteFlyingEdges3D> contour;
  contour->SetInputData(PaddedMaskImage(mask));
  contour->SetValue(0, 1);
  contour->ComputeNormalsOff();
  contour->ComputeGradientsOff();
  contour->ComputeScalarsOff();
  contour->Update();
  vtkPolyData* in_index = contour->GetOutput();
  if (in_index->GetNumberOfPolys() == 0) {
    out.reason = "the mask has no lesion voxel";
    return out;
  }

  // Index -> patient mm. A left-handed geometry (negative determinant) would turn the
  // triangles inside out; the volume is taken unsigned below, and rendering lights both sides.
  vtkNew<vtkPoints> patient;
  patient->SetDataTypeToFloat();
  patient->SetNumberOfPoints(in_index->GetNumberOfPoints());
  for (vtkIdType p = 0; p < in_index->GetNumberOfPoints(); ++p) {
    double ijk[3];
    in_index->GetPoint(p, ijk);
    const Vec3 x = geometry.ToPatient(ijk[0], ijk[1], ijk[2]);
    patient->SetPoint(p, x[0], x[1], x[2]);
  }
  vtkNew<vtkPolyData> surface;
  surface->SetPoints(patient);
  surface->SetPolys(in_index->GetPolys());

  vtkSmartPointer<vtkPolyData> result = surface.Get();
  vtkNew<vtkWindowedSincPolyDataFilter> smooth;
  if (options.smoothing_iterations > 0) {
    smooth->SetInputData(surface);
    smooth->SetNumberOfIterations(options.smoothing_iterations);
    smooth->SetPassBand(options.pass_band);
    smooth->NormalizeCoordinatesOn();  // the pass band then means the same at any size
    smooth->BoundarySmoothingOff();
    smooth->FeatureEdgeSmoothingOff();
    smooth->NonManifoldSmoothingOn();  // voxels touching by an edge only
    smooth->Update();
    result = smooth->GetOutput();
  }

  vtkNew<vtkTriangleFilter> triangles;  // flying edges gives triangles; this makes it certain
  triangles->SetInputData(result);
  triangles->Update();
  vtkPolyData* mesh = triangles->GetOutput();
  vtkNew<vtkMassProperties> mass;
  mass->SetInputData(mesh);
  mass->Update();
  out.volume_ml = std::abs(mass->GetVolume()) / 1000.0;
  out.area_cm2 = mass->GetSurfaceArea() / 100.0;

  out.mesh.points.resize(mesh->GetNumberOfPoints());
  for (vtkIdType p = 0; p < mesh->GetNumberOfPoints(); ++p) {
    double x[3];
    mesh->GetPoint(p, x);
    out.mesh.points[p] = {float(x[0]), float(x[1]), float(x[2])};
  }
  out.mesh.triangles.reserve(mesh->GetNumberOfPolys());
  vtkCellArray* polys = mesh->GetPolys();
  polys->InitTraversal();
  vtkNew<vtkIdList> ids;
  while (polys->GetNextCell(ids)) {
    if (ids->GetNumberOfIds() != 3) continue;  // none after the triangle filter
    out.mesh.triangles.push_back(
        {std::uint32_t(ids->GetId(0)), std::uint32_t(ids->GetId(1)), std::uint32_t(ids->GetId(2))});
  }
  out.ok = true;
  return out;
}

}  // namespace nadir::analysis
