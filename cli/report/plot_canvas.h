// Drawing helpers for the report's plots (cairo): output to PNG, SVG and PDF pages, plot
// frames with axes and ticks, text, and the colours of the response categories.
#pragma once

#include <cairo.h>

#include <functional>
#include <string>
#include <vector>

#include "measure/response.h"

namespace nadir::report {

/// Draws a figure into a w x h box on `cr` (user units: points for PDF/SVG, pixels for PNG).
using Figure = std::function<void(cairo_t* cr, double w, double h)>;

/// Writes `figure` as `base`.png (at 2x for sharp text) and `base`.svg. Returns false and sets
/// `error` when cairo cannot write a file.
bool WriteFigure(const std::string& base, double w, double h, const Figure& figure,
                 std::string* error);

struct Rgb {
  double r, g, b;
};

/// Colours by best response: CR dark blue, PR sky blue, SD grey, NON-CR/NON-PD bluish green,
/// PD and iCPD vermillion, iUPD orange (not confirmed yet), NE light grey (Okabe-Ito hues).
Rgb ResponseColour(Response r);
/// A categorical colour for series i (Okabe-Ito order).
Rgb SeriesColour(size_t i);

void SetColour(cairo_t* cr, Rgb c, double alpha = 1.0);

enum class Align { kLeft, kCentre, kRight };
/// Text with its baseline at y, aligned horizontally at x; `size` in user units.
void Text(cairo_t* cr, double x, double y, const std::string& s, double size,
          Align align = Align::kLeft, bool bold = false);
/// Text rotated by -90 degrees (reading upwards), centred at (x, y).
void TextVertical(cairo_t* cr, double x, double y, const std::string& s, double size);

/// A linear map from data to device coordinates along one axis.
struct Scale {
  double d0, d1;  // data range
  double p0, p1;  // pixel range
  double operator()(double v) const { return p0 + (v - d0) / (d1 - d0) * (p1 - p0); }
};

/// About `count` round tick values covering [lo, hi] (steps of 1, 2, 2.5 or 5 times 10^k).
std::vector<double> NiceTicks(double lo, double hi, int count);

/// Plot area inside a w x h figure, leaving margins for a title, axis labels and extra room
/// at the bottom (`bottom` user units) for a table under the plot.
struct Frame {
  double left, top, right, bottom;
};

/// Draws the axes box with ticks, grid lines and labels for x and y; returns nothing.
void DrawAxes(cairo_t* cr, const Frame& f, const Scale& x, const Scale& y,
              const std::vector<double>& xticks, const std::vector<double>& yticks,
              const std::string& xlabel, const std::string& ylabel, bool xgrid = false);

/// Title across the top of the figure.
void Title(cairo_t* cr, double w, const std::string& title, const std::string& subtitle = "");

/// A legend of coloured boxes, laid out in one row from (x, y).
void Legend(cairo_t* cr, double x, double y, const std::vector<std::pair<std::string, Rgb>>& items);

}  // namespace nadir::report
