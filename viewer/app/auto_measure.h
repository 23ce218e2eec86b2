// The Auto tool's work off the UI thread: the box around the click copied from the loaded series
// (memory bounded by the box, not the volume), analysis::MeasureLesion on a worker thread, and the
// axes handed to the session when they arrive. The viewer keeps drawing meanwhile.
#pragma once

#include <array>
#include <chrono>
#include <future>
#include <optional>
#include <string>

#include "analysis/lesion_measure.h"
#include "viewer/annotate/session.h"
#include "viewer/app/series_slot.h"

namespace nadir::viewer {

/// The outline of the last one-click lesion: the edges between its voxels and the rest, on
/// every slice of its mask across each index axis (segments[2]: axial slices; [1] and [0]: the
/// coronal and sagittal reformats of an axial series), in patient mm. Shown while the lesion
/// keeps that click.
struct AutoContour {
  std::string series_uid;
  PatientPoint click{};
  std::array<std::vector<std::array<PatientPoint, 2>>, 3> segments;
  VolumeGeometry box;  // whose index axes the segments follow
};

struct AutoJob {
  annotate::AutoRequest request;
  std::string series_uid;
  VolumeGeometry box;  // the copied box the mask's indices refer to
  std::future<analysis::LesionMeasurement> result;
  std::chrono::steady_clock::time_point started;
};

/// Starts measuring at `request.at` in `slot`; false, with `why`, when the box around the click
/// is not loaded yet or another measurement is still running.
bool StartAutoMeasure(std::optional<AutoJob>& job, const SeriesSlot& slot,
                      annotate::AutoRequest request, std::string* why);

/// Once a frame: when the worker finished, records the axes in `session` and returns the status
/// line to show ("T1 31.4 x 22.9 mm, 8.92 mL ..." or why nothing was found); "" while running.
/// `contour` receives the lesion's outline when one was found.
std::string FinishAutoMeasure(std::optional<AutoJob>& job, annotate::AnnotationSession& session,
                              std::optional<AutoContour>& contour);

/// The outline of `mask` in `box`: voxel-edge segments (patient mm) on each slice across index
/// axis `across` (2: the series' own slices, 1 and 0: the reformats through its other axes).
std::vector<std::array<PatientPoint, 2>> MaskOutline(const analysis::LesionMask& mask,
                                                     const VolumeGeometry& box, int across = 2);

}  // namespace nadir::viewer
