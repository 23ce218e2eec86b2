// The numbers semi-automatic measurement decides with, in one place. None comes from RECIST
// itself (which defines what is measured, §3.2, not how a boundary is found); each says why.
#pragma once

namespace nadir::analysis {

// --- What counts as a lesion under the click ---------------------------------------------
// The click's HU is the median of (2 h + 1)^2 voxels around it on its image (h = this).
inline constexpr int kClickHalfWidth = 2;
// Solid lesions are soft tissue or denser; below this the click is on fat, lung or air.
// (Fat-containing and ground-glass lesions are not supported: they are measured by hand.)
inline constexpr double kMinLesionHu = -30;
// The weakest lesion-to-background contrast to be found: hypodense liver metastases reach
// 25 HU; an edge is where the local mean departs by half of that.
inline constexpr double kMinContrastHu = 25;
inline constexpr double kEdgeStepHu = 0.5 * kMinContrastHu;
// Consecutive ray samples past the step before it counts as an edge (noise spikes do not).
inline constexpr int kEdgeRun = 2;
// Rays search this far (mm) for an edge: a lesion larger than twice this is not measured.
inline constexpr double kMaxSearchRadiusMm = 60;
// When this share of the rays meets no edge, the click is on uniform tissue, not a lesion.
inline constexpr double kMaxOpenRayFraction = 0.4;
// Rays beyond this multiple of the median edge distance ran out along a vessel or a gap.
inline constexpr double kOutlierRayFactor = 2.0;

// --- The region of interest --------------------------------------------------------------
// The box is the edge points' box grown by this factor and margin (mm), so that the tissue
// around the lesion, which sets the thresholds, is inside it even for an off-centre click.
inline constexpr double kRoiGrowth = 1.6;
inline constexpr double kRoiMarginMm = 8;
inline constexpr double kMaxRoiHalfMm = 80;
// A region reaching the box's border is segmented again in a box this much larger.
inline constexpr double kRoiRetryGrowth = 1.6;
// At most this many larger boxes: rays cut short by noise need one; normal tissue that keeps
// growing is refused sooner (a click on normal liver answers in a fraction of a second).
inline constexpr int kMaxRoiRetries = 2;

// --- Segmentation ------------------------------------------------------------------------
// Gaussian smoothing before growing (mm): 10 HU of noise drops to about 2 HU at 0.75 mm voxels,
// while the half-contrast level of a 4 mm radius nodule moves by under 0.2 mm.
inline constexpr double kSmoothingSigmaMm = 0.8;
// The lesion's HU: median of the smoothed image within this radius (mm) of the click.
inline constexpr double kSeedRadiusMm = 1.5;
// The tissue around the lesion is sampled in a shell this far outside the first mask (mm):
// beyond the partial-volume band, near enough to be the neighbouring tissue.
inline constexpr double kShellInnerMm = 1.5, kShellOuterMm = 4.0;
// Brighter (darker) voxels make a neighbouring tissue when they are this share of the shell.
inline constexpr double kMinNeighbourShare = 0.05;
// With no brighter (or darker) tissue around, the window is open this far on that side (HU).
inline constexpr double kOpenSideHu = 150;
// Threshold refinements (the window moves half-way to the tissue found around the mask).
inline constexpr int kRefinements = 2;
// Confidence-connected (ITK) settings of the comparison method.
inline constexpr double kConfidenceMultiplier = 2.5;
inline constexpr int kConfidenceIterations = 4;

// --- Refusals ----------------------------------------------------------------------------
// A mask reaching the region's border has leaked; opening (radius, mm) cuts thin attachments
// such as a vessel running into a nodule before the mask is refused.
inline constexpr double kMinPruneRadiusMm = 1.5;
// Darker tissue around the lesion below this (HU) is lung: vessels there are pruned.
inline constexpr double kLungMaxHu = -500;
// In lung the opening starts at this share of the nodule's largest inscribed radius.
inline constexpr double kLungPruneShareOfCore = 0.5;
// Outside lung, the widest attachment (vessel, partial-volume sheet) cut off (radius, mm).
inline constexpr double kMaxAttachmentRadiusMm = 3.0;
// The opening radius never exceeds this share of the mask's largest inscribed radius.
inline constexpr double kMaxPruneShareOfCore = 0.6;
// A lesion must span at least this many voxels (a smaller region is noise).
inline constexpr int kMinLesionVoxels = 8;
// Largest measurable lesion (mm): above this the mask is refused as a leak.
inline constexpr double kMaxLesionDiameterMm = 2 * kMaxSearchRadiusMm;
// A grown region larger than the ball of that diameter (about 900 mL) has leaked into an
// organ: refused before any pruning (which could not make a lesion of it).
inline constexpr double kMaxRegionMl = 3.141592653589793 / 6 * kMaxLesionDiameterMm *
                                       kMaxLesionDiameterMm * kMaxLesionDiameterMm / 1000;

}  // namespace nadir::analysis
