// The Auto tool's work off the UI thread: the box around the click copied from the loaded series
// (memory bounded by the box, not the volume), analysis::MeasureLesion on a worker thread, and the
// axes shown as a proposal when they arrive, recorded in the session once the reader accepts. The
// viewer keeps drawing meanwhile.
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

/// What the Auto tool found for one click: shown (axes and outline) until the reader keeps it
/// (Enter: AcceptAutoProposal) or discards it (Esc: DiscardAutoProposal). Nothing is recorded
/// before.
struct AutoProposal {
  annotate::AutoRequest request;
  annotate::AutoAxes axes;
  AutoContour contour;
  analysis::LesionMask mask;  // in contour.box: kept for the 3D view once recorded
  double long_mm = 0, short_mm = 0, volume_ml = 0;
  double ms = 0;  // how long the measurement took
};

/// Once a frame: when the worker finished, sets `proposal` to what it found and returns the
/// status line to show ("Auto proposes 31.4 x 22.9 mm ..." or why nothing was found); "" while
/// running. The session is not changed.
std::string FinishAutoMeasure(std::optional<AutoJob>& job, std::optional<AutoProposal>& proposal);

/// The status line once a proposal was recorded as lesion `id`.
std::string AutoRecordedText(const std::string& id, const AutoProposal& p);

/// The outline of `mask` in `box`: voxel-edge segments (patient mm) on each slice across index
/// axis `across` (2: the series' own slices, 1 and 0: the reformats through its other axes).
std::vector<std::array<PatientPoint, 2>> MaskOutline(const analysis::LesionMask& mask,
                                                     const VolumeGeometry& box, int across = 2);

}  // namespace nadir::viewer
