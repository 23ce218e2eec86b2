// Rigid -> affine -> B-spline with ITK's v4 registration framework, Mattes mutual information
// sampled in the body (Mattes et al., IEEE TMI 22(1) 2003), multi-resolution per stage.
// The parameters are ITK's usual ones for CT-to-CT at a few millimetres per voxel.
#include <itkAffineTransform.h>
#include <itkBSplineTransform.h>
#include <itkBSplineTransformInitializer.h>
#include <itkCommand.h>
#include <itkEuler3DTransform.h>
#include <itkImage.h>
#include <itkImageMaskSpatialObject.h>
#include <itkImageRegistrationMethodv4.h>
#include <itkLBFGSBOptimizerv4.h>
#include <itkMattesMutualInformationImageToImageMetricv4.h>
#include <itkRegistrationParameterScalesFromPhysicalShift.h>
#include <itkRegularStepGradientDescentOptimizerv4.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <type_traits>

#include "analysis/itk_threads.h"
#include "analysis/registration/stages.h"

namespace nadir::registration {
namespace {

using Image = itk::Image<float, 3>;
using MaskImage = itk::Image<unsigned char, 3>;
using Mask = itk::ImageMaskSpatialObject<3>;
using Metric = itk::MattesMutualInformationImageToImageMetricv4<Image, Image>;
using Rigid = itk::Euler3DTransform<double>;
using Affine = itk::AffineTransform<double, 3>;
using BSpline = itk::BSplineTransform<double, 3, 3>;
using StepOptimizer = itk::RegularStepGradientDescentOptimizerv4<double>;
using LbfgsbOptimizer = itk::LBFGSBOptimizerv4;

// Histogram bins of the joint intensity histogram (Mattes): 32 suits a few 100k samples.
constexpr unsigned kHistogramBins = 32;
// Metric samples drawn in the body per resolution level: Mattes' histogram (32 x 32 bins)
// is well filled by tens of thousands; more only costs time (the B-spline stage most).
constexpr double kLinearSamples = 30000;
constexpr int kSamplingSeed = 20260116;  // fixed: the same input gives the same result
// The deformable stage is kept only when it lowers the metric by this share of its value.
constexpr double kMinDeformableGain = 0.005;
// A B-spline coefficient beyond this is not breathing; the stage is dropped.
constexpr double kMaxDeformationMm = 40.0;

template <class TImage>
typename TImage::Pointer MakeImage(const VolumeGeometry& g) {
  analysis::UseForkSafeItkThreads();  // before the first filter: no pool, no fork handlers
  auto image = TImage::New();
  typename TImage::RegionType region;
  typename TImage::SpacingType spacing;
  typename TImage::PointType origin;
  typename TImage::DirectionType direction;
  for (int a = 0; a < 3; ++a) {
    region.SetSize(a, g.size[a]);
    spacing[a] = g.spacing[a];
    origin[a] = g.origin[a];
    for (int c = 0; c < 3; ++c) direction(a, c) = g.direction[c * 3 + a];  // columns are axes
  }
  image->SetRegions(region);
  image->SetSpacing(spacing);
  image->SetOrigin(origin);
  image->SetDirection(direction);
  image->Allocate();
  return image;
}

Image::Pointer ToItk(const WorkingImage& w) {
  auto image = MakeImage<Image>(w.geometry);
  std::memcpy(image->GetBufferPointer(), w.hu.data(), w.hu.size() * sizeof(float));
  return image;
}

Mask::Pointer ToMask(const WorkingImage& w, const std::vector<std::uint8_t>& inside) {
  auto image = MakeImage<MaskImage>(w.geometry);
  std::memcpy(image->GetBufferPointer(), inside.data(), inside.size());
  auto mask = Mask::New();
  mask->SetImage(image);
  mask->Update();
  return mask;
}

// Calls back on every optimizer iteration: counts, records the metric, reports progress and
// stops the optimizer when the caller cancels.
class Watch : public itk::Command {
 public:
  using Self = Watch;
  using Pointer = itk::SmartPointer<Self>;
  itkNewMacro(Self);
  std::function<void()> on_iteration;
  void Execute(itk::Object*, const itk::EventObject& e) override {
    if (itk::IterationEvent().CheckEvent(&e) && on_iteration) on_iteration();
  }
  void Execute(const itk::Object*, const itk::EventObject& e) override {
    if (itk::IterationEvent().CheckEvent(&e) && on_iteration) on_iteration();
  }
};

struct Context {
  Image::Pointer fixed, moving;
  Mask::Pointer fixed_mask;
  const Progress* progress;
  const std::atomic<bool>* cancel;
  double progress_from = 0, progress_to = 1;
  double body_voxels = 0;  // voxels of the sampled region (the dilated body)
  bool Cancelled() const { return cancel && cancel->load(); }
};

struct Levels {
  std::vector<unsigned> shrink;
  std::vector<double> sigma_mm;
  int iterations;  // per level
  double samples;  // metric samples per level (in the body)
};

// One stage: optimises `transform` in place, with `moving_initial` applied after it.
template <class TTransform, class TOptimizer>
StageReport Run(Context& ctx, const char* name, TTransform* transform, TOptimizer* optimizer,
                const itk::Transform<double, 3, 3>* moving_initial, const Levels& levels) {
  using Method = itk::ImageRegistrationMethodv4<Image, Image, TTransform>;
  const auto t0 = std::chrono::steady_clock::now();
  auto metric = Metric::New();
  metric->SetNumberOfHistogramBins(kHistogramBins);
  metric->SetFixedImageMask(ctx.fixed_mask);
  if constexpr (std::is_same_v<TOptimizer, StepOptimizer>) {
    // Parameters compared by how far they move voxels (mm), so rotations and shifts mix.
    auto scales = itk::RegistrationParameterScalesFromPhysicalShift<Metric>::New();
    scales->SetMetric(metric);
    optimizer->SetScalesEstimator(scales);
  }
  auto method = Method::New();
  method->SetFixedImage(ctx.fixed);
  method->SetMovingImage(ctx.moving);
  method->SetMetric(metric);
  method->SetOptimizer(optimizer);
  method->SetInitialTransform(transform);
  method->InPlaceOn();
  if (moving_initial) method->SetMovingInitialTransform(moving_initial);
  const unsigned n = unsigned(levels.shrink.size());
  typename Method::ShrinkFactorsArrayType shrink(n);
  typename Method::SmoothingSigmasArrayType sigma(n);
  for (unsigned l = 0; l < n; ++l) shrink[l] = levels.shrink[l], sigma[l] = levels.sigma_mm[l];
  method->SetNumberOfLevels(n);
  method->SetShrinkFactorsPerLevel(shrink);
  method->SetSmoothingSigmasPerLevel(sigma);
  method->SmoothingSigmasAreSpecifiedInPhysicalUnitsOn();
  method->SetMetricSamplingStrategy(Method::MetricSamplingStrategyEnum::RANDOM);
  typename Method::MetricSamplingPercentageArrayType share(n);
  for (unsigned l = 0; l < n; ++l) {
    const double voxels = ctx.body_voxels / std::pow(double(levels.shrink[l]), 3.0);
    share[l] = std::clamp(levels.samples / std::max(voxels, 1.0), 0.01, 1.0);
  }
  method->SetMetricSamplingPercentagePerLevel(share);
  method->MetricSamplingReinitializeSeed(kSamplingSeed);

  StageReport report;
  report.name = name;
  unsigned last_level = n;  // none yet
  bool first_of_finest = true;
  auto watch = Watch::New();
  watch->on_iteration = [&] {
    ++report.iterations;
    const double value = optimizer->GetValue();
    if (method->GetCurrentLevel() == n - 1) {
      if (first_of_finest) report.metric_start = value, first_of_finest = false;
      report.metric_end = value;
    }
    if (method->GetCurrentLevel() != last_level) last_level = method->GetCurrentLevel();
    if (*ctx.progress) {
      const double done = (double(last_level) + 0.5) / n;
      (*ctx.progress)(name, ctx.progress_from + (ctx.progress_to - ctx.progress_from) * done);
    }
    if (!ctx.Cancelled()) return;
    if constexpr (requires { optimizer->StopOptimization(); })
      optimizer->StopOptimization();
    else
      throw itk::ProcessAborted(__FILE__, __LINE__);  // L-BFGS-B has no stop: unwind
  };
  optimizer->AddObserver(itk::IterationEvent(), watch);
  try {
    method->Update();
  } catch (const itk::ExceptionObject& e) {
    if (ctx.Cancelled()) throw std::runtime_error("registration cancelled");
    throw std::runtime_error(std::string(name) + " stage: " + e.GetDescription());
  }
  if (ctx.Cancelled()) throw std::runtime_error("registration cancelled");
  report.stop = optimizer->GetStopConditionDescription();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return report;
}

template <class TTransform>
TransformStage Export(const char* kind, const TTransform* t) {
  TransformStage s;
  s.kind = kind;
  const auto& f = t->GetFixedParameters();
  const auto& p = t->GetParameters();
  s.fixed_parameters.assign(f.begin(), f.end());
  s.parameters.assign(p.begin(), p.end());
  return s;
}

itk::Point<double, 3> ItkPoint(const Vec3& v) {
  itk::Point<double, 3> p;
  for (int a = 0; a < 3; ++a) p[a] = v[a];
  return p;
}

// The gradient-descent optimizer of the rigid and affine stages: a fixed learning rate (mm per
// step), halved on each reversal down to 0.01, at most 100 iterations.
StepOptimizer::Pointer MakeStepOptimizer(double learning_rate) {
  auto opt = StepOptimizer::New();
  opt->SetLearningRate(learning_rate);
  opt->SetMinimumStepLength(0.01);
  opt->SetRelaxationFactor(0.5);
  opt->SetNumberOfIterations(100);
  opt->SetGradientMagnitudeTolerance(1e-8);
  opt->SetDoEstimateLearningRateOnce(false);
  opt->SetDoEstimateLearningRateAtEachIteration(false);
  return opt;
}

}  // namespace

StagesResult RunStages(const WorkingImage& fixed, const WorkingImage& moving,
                       const RegistrationOptions& options, const Progress& progress,
                       const std::atomic<bool>* cancel) {
  Context ctx;
  ctx.fixed = ToItk(fixed);
  ctx.moving = ToItk(moving);
  // Two voxels of margin: the body's outline is the strongest edge there is.
  const std::vector<std::uint8_t> region = Dilate(fixed, 2);
  ctx.fixed_mask = ToMask(fixed, region);
  for (auto b : region) ctx.body_voxels += b;
  ctx.progress = &progress;
  ctx.cancel = cancel;
  const double w = options.working_spacing_mm;
  StagesResult result;

  // Rigid, started from the body's centres of mass (Frames of Reference differ: the patient
  // coordinates of the two scans are unrelated).
  auto rigid = Rigid::New();
  const Vec3 cf = BodyCentre(fixed), cm = BodyCentre(moving);
  rigid->SetCenter(ItkPoint(cf));
  Rigid::OutputVectorType shift;
  for (int a = 0; a < 3; ++a) shift[a] = cm[a] - cf[a];
  rigid->SetTranslation(shift);
  {
    auto opt = MakeStepOptimizer(2.0 * w);
    ctx.progress_from = 0.0, ctx.progress_to = 0.3;
    result.stages.push_back(Run(ctx, "rigid", rigid.GetPointer(), opt.GetPointer(), nullptr,
                                {{4, 2, 1}, {2 * w, w, 0}, 100, kLinearSamples}));
  }

  auto affine = Affine::New();
  affine->SetCenter(rigid->GetCenter());
  affine->SetMatrix(rigid->GetMatrix());
  affine->SetTranslation(rigid->GetTranslation());
  {
    auto opt = MakeStepOptimizer(w);
    ctx.progress_from = 0.3, ctx.progress_to = 0.55;
    result.stages.push_back(Run(ctx, "affine", affine.GetPointer(), opt.GetPointer(), nullptr,
                                {{2, 1}, {w, 0}, 100, kLinearSamples}));
  }
  result.chain.push_back(Export("Affine", affine.GetPointer()));
  if (!options.deformable) return result;

  // Smooth deformation on a coarse control grid over the fixed scan.
  auto bspline = BSpline::New();
  {
    using Initializer = itk::BSplineTransformInitializer<BSpline, Image>;
    auto init = Initializer::New();
    BSpline::MeshSizeType mesh;
    for (int a = 0; a < 3; ++a)
      mesh[a] = std::max(1, int(std::lround(fixed.geometry.size[a] * fixed.geometry.spacing[a] /
                                            options.bspline_grid_mm)));
    init->SetTransform(bspline);
    init->SetImage(ctx.fixed);
    init->SetTransformDomainMeshSize(mesh);
    init->InitializeTransform();
    bspline->SetIdentity();
  }
  auto opt = LbfgsbOptimizer::New();
  const unsigned np = bspline->GetNumberOfParameters();
  LbfgsbOptimizer::BoundSelectionType select(np);
  LbfgsbOptimizer::BoundValueType bound(np);
  select.Fill(0);  // unbounded
  bound.Fill(0);
  opt->SetBoundSelection(select);
  opt->SetLowerBound(bound);
  opt->SetUpperBound(bound);
  opt->SetNumberOfIterations(40);
  opt->SetMaximumNumberOfFunctionEvaluations(30);
  opt->SetMaximumNumberOfCorrections(5);
  opt->SetCostFunctionConvergenceFactor(1e7);
  opt->SetGradientConvergenceTolerance(1e-5);
  opt->SetTrace(false);
  ctx.progress_from = 0.55, ctx.progress_to = 1.0;
  // L-B-FGS-B warns on every start that it ignores parameter scales (it is told scales of
  // one); ITK only has a global switch for warnings, so it is off for this stage alone.
  const bool warnings = itk::Object::GetGlobalWarningDisplay();
  itk::Object::SetGlobalWarningDisplay(false);
  StageReport deformable;
  try {
    deformable = Run(ctx, "deformable", bspline.GetPointer(), opt.GetPointer(), affine.GetPointer(),
                     options.deformable_levels >= 2
                         ? Levels{{2, 1}, {w, 0}, 40, double(options.deformable_samples)}
                         : Levels{{2}, {w}, 40, double(options.deformable_samples)});
  } catch (...) {
    itk::Object::SetGlobalWarningDisplay(warnings);
    throw;
  }
  itk::Object::SetGlobalWarningDisplay(warnings);
  // Compared with the affine result at the same resolution and samples.
  const double before = result.stages.back().metric_end;
  double largest = 0;
  for (double c : bspline->GetParameters()) largest = std::max(largest, std::abs(c));
  if (deformable.metric_end > before - kMinDeformableGain * std::abs(before)) {
    deformable.kept = false;
    deformable.stop = "dropped: no gain over affine (" + deformable.stop + ")";
  } else if (largest > kMaxDeformationMm) {
    deformable.kept = false;
    std::ostringstream s;
    s << "dropped: a control point moved " << largest << " mm";
    deformable.stop = s.str();
  }
  if (deformable.kept) result.chain.push_back(Export("BSpline", bspline.GetPointer()));
  result.stages.push_back(deformable);
  return result;
}

}  // namespace nadir::registration
