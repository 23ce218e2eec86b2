#include "cli/report/plot_canvas.h"

#include <cairo-svg.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace nadir::report {

namespace {
constexpr const char* kFont = "DejaVu Sans";

std::string TickLabel(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}
}  // namespace

bool WriteFigure(const std::string& base, double w, double h, const Figure& figure,
                 std::string* error) {
  constexpr double kPngScale = 2.0;
  cairo_surface_t* png =
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, int(w * kPngScale), int(h * kPngScale));
  cairo_t* cr = cairo_create(png);
  cairo_scale(cr, kPngScale, kPngScale);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  figure(cr, w, h);
  cairo_destroy(cr);
  const cairo_status_t png_status = cairo_surface_write_to_png(png, (base + ".png").c_str());
  cairo_surface_destroy(png);
  if (png_status != CAIRO_STATUS_SUCCESS) {
    if (error) *error = base + ".png: " + cairo_status_to_string(png_status);
    return false;
  }
  cairo_surface_t* svg = cairo_svg_surface_create((base + ".svg").c_str(), w, h);
  cr = cairo_create(svg);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  figure(cr, w, h);
  cairo_destroy(cr);
  cairo_surface_finish(svg);
  const cairo_status_t svg_status = cairo_surface_status(svg);
  cairo_surface_destroy(svg);
  if (svg_status != CAIRO_STATUS_SUCCESS) {
    if (error) *error = base + ".svg: " + cairo_status_to_string(svg_status);
    return false;
  }
  return true;
}

Rgb ResponseColour(Response r) {
  switch (r) {
    case Response::kCR:
      return {0.0, 0.27, 0.55};
    case Response::kPR:
      return {0.34, 0.71, 0.91};  // Okabe-Ito sky blue
    case Response::kSD:
      return {0.60, 0.60, 0.60};
    case Response::kNonCRNonPD:
      return {0.0, 0.62, 0.45};  // bluish green
    case Response::kPD:
    case Response::kCPD:
      return {0.84, 0.37, 0.0};  // vermillion
    case Response::kUPD:
      return {0.90, 0.62, 0.0};  // orange: progression not yet confirmed
    case Response::kNE:
    case Response::kNotApplicable:
      return {0.85, 0.85, 0.85};
  }
  return {0, 0, 0};
}

Rgb SeriesColour(size_t i) {
  static const Rgb kOkabeIto[] = {{0.0, 0.45, 0.70},  {0.84, 0.37, 0.0}, {0.0, 0.62, 0.45},
                                  {0.80, 0.47, 0.65}, {0.90, 0.62, 0.0}, {0.34, 0.71, 0.91},
                                  {0.94, 0.89, 0.26}, {0.0, 0.0, 0.0}};
  return kOkabeIto[i % std::size(kOkabeIto)];
}

void SetColour(cairo_t* cr, Rgb c, double alpha) {
  cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

void Text(cairo_t* cr, double x, double y, const std::string& s, double size, Align align,
          bool bold) {
  cairo_select_font_face(cr, kFont, CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
  cairo_text_extents_t e;
  cairo_text_extents(cr, s.c_str(), &e);
  double dx = 0;
  if (align == Align::kCentre) dx = -e.x_advance / 2;
  if (align == Align::kRight) dx = -e.x_advance;
  cairo_move_to(cr, x + dx, y);
  cairo_show_text(cr, s.c_str());
}

void TextVertical(cairo_t* cr, double x, double y, const std::string& s, double size) {
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_rotate(cr, -M_PI / 2);
  Text(cr, 0, 0, s, size, Align::kCentre);
  cairo_restore(cr);
}

std::vector<double> NiceTicks(double lo, double hi, int count) {
  if (!(hi > lo)) return {lo};
  const double raw = (hi - lo) / std::max(1, count);
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * mag >= raw) {
      step = m * mag;
      break;
    }
  std::vector<double> ticks;
  for (double v = std::ceil(lo / step - 1e-9) * step; v <= hi + 1e-9 * step; v += step)
    ticks.push_back(std::fabs(v) < 1e-12 ? 0.0 : v);
  return ticks;
}

void DrawAxes(cairo_t* cr, const Frame& f, const Scale& x, const Scale& y,
              const std::vector<double>& xticks, const std::vector<double>& yticks,
              const std::string& xlabel, const std::string& ylabel, bool xgrid) {
  cairo_set_line_width(cr, 0.5);
  cairo_set_source_rgb(cr, 0.88, 0.88, 0.88);
  for (double t : yticks) {
    cairo_move_to(cr, f.left, y(t));
    cairo_line_to(cr, f.right, y(t));
  }
  if (xgrid)
    for (double t : xticks) {
      cairo_move_to(cr, x(t), f.top);
      cairo_line_to(cr, x(t), f.bottom);
    }
  cairo_stroke(cr);
  cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
  cairo_set_line_width(cr, 1.0);
  cairo_move_to(cr, f.left, f.top);
  cairo_line_to(cr, f.left, f.bottom);
  cairo_line_to(cr, f.right, f.bottom);
  cairo_stroke(cr);
  for (double t : yticks) {
    cairo_move_to(cr, f.left - 4, y(t));
    cairo_line_to(cr, f.left, y(t));
    Text(cr, f.left - 7, y(t) + 3.5, TickLabel(t), 10, Align::kRight);
  }
  for (double t : xticks) {
    cairo_move_to(cr, x(t), f.bottom);
    cairo_line_to(cr, x(t), f.bottom + 4);
    Text(cr, x(t), f.bottom + 16, TickLabel(t), 10, Align::kCentre);
  }
  cairo_stroke(cr);
  if (!xlabel.empty()) Text(cr, (f.left + f.right) / 2, f.bottom + 32, xlabel, 11, Align::kCentre);
  if (!ylabel.empty()) TextVertical(cr, f.left - 42, (f.top + f.bottom) / 2, ylabel, 11);
}

void Title(cairo_t* cr, double w, const std::string& title, const std::string& subtitle) {
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  Text(cr, w / 2, 24, title, 15, Align::kCentre, true);
  if (!subtitle.empty()) {
    // A long subtitle (a large trial's sampling notes) is set smaller to stay inside the figure.
    constexpr double kSize = 10.5, kMinSize = 7.0, kMargin = 24.0;
    cairo_select_font_face(cr, kFont, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, kSize);
    cairo_text_extents_t e;
    cairo_text_extents(cr, subtitle.c_str(), &e);
    const double size =
        e.x_advance > w - kMargin ? std::max(kMinSize, kSize * (w - kMargin) / e.x_advance) : kSize;
    cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
    Text(cr, w / 2, 42, subtitle, size, Align::kCentre);
  }
}

void Legend(cairo_t* cr, double x, double y,
            const std::vector<std::pair<std::string, Rgb>>& items) {
  for (const auto& [label, colour] : items) {
    SetColour(cr, colour);
    cairo_rectangle(cr, x, y - 9, 11, 11);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
    Text(cr, x + 15, y, label, 10);
    cairo_text_extents_t e;
    cairo_text_extents(cr, label.c_str(), &e);
    x += 15 + e.x_advance + 14;
  }
}

}  // namespace nadir::report
