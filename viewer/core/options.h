// The viewer's command line. Parsed into a plain struct so tests can check it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "viewer/core/layout.h"
#include "viewer/core/reslice.h"
#include "viewer/core/window_level.h"

namespace nadir::viewer {

struct Options {
  std::string path;        // folder of studies; empty: the sample trial
  bool synthetic = false;  // show the built-in synthetic chest instead of a folder
  std::array<int, 3> synthetic_size{256, 256, 96};  // --synthetic-size IxJxK
  std::string screenshot;                           // render one frame into this PNG and exit
  std::optional<Layout> layout;                     // --layout
  std::optional<int> slice;                         // --slice N: slice index along the view normal
  std::optional<WindowLevel> window;                // --preset NAME or --window W/L
  std::optional<Orientation> orientation;           // --orientation
  double slab_mm = 0;                               // --mip MM: maximum intensity projection slab
  int width = 0, height = 0;      // --size WxH (screenshot size, or initial window)
  int bench_frames = 0;           // --bench N: scroll N frames, print frame times, exit
  bool bench_all_series = false;  // --bench-all-series: with --bench, open each series in turn
  // --memory-budget-mb N: series held in memory (CPU slices and textures) beyond N MB are
  // unloaded, least recently viewed first; 0: no limit. Default: a share of physical memory.
  std::uint64_t memory_budget_mb = 0;
  bool no_overlay = false;    // --no-overlay: image only (labels, scale bar hidden)
  std::string settings_file;  // where window size and layout are remembered
  std::string assessment;     // --assessment FILE: the assessment to annotate
  std::string sr;             // --sr DIR: rebuild the assessment from DICOM SR reports there
  std::string user;           // --user NAME: who saves, when the assessment names no reader
  std::string dump_layout;    // --dump-layout FILE: the frame's viewport and panel rectangles
  std::optional<int> view3d;  // --view3d N: viewport N (0-based) shows its series in 3D
  std::optional<std::array<double, 3>> auto_at;  // --auto-at X,Y,Z: the Auto tool there (mm)
};

/// The default folder: the phantom sample trial, relative to the working directory.
inline constexpr const char* kDefaultStudies = "sample_data/phantom";

/// Parses argv. Returns the options, or exits through CLI11 on --help (exit 0) and on errors
/// (exit code 2, with a message naming the flag and the value).
struct ParseResult {
  std::optional<Options> options;
  int exit_code = 0;
};
ParseResult ParseOptions(int argc, char** argv);

}  // namespace nadir::viewer
