#include "viewer/core/screen_layout.h"

#include <algorithm>
#include <cmath>

namespace nadir::viewer {

namespace {

// Default column shares, and their bounds: wide enough to read a lesion table at 1280 x 720,
// never more than the images need to stay the largest thing on the screen.
constexpr float kLeftShare = 0.18f, kRightShare = 0.27f;
constexpr int kLeftMin = 200, kLeftMax = 420;
constexpr int kRightMin = 280, kRightMax = 640;
constexpr float kImagesMinShare = 0.5f;
constexpr int kReaderCasesHeight = 190;

int Clamp(float wanted, float share, int width, int lo, int hi) {
  const float w = wanted > 0 ? wanted : share * float(width);
  return std::clamp(int(std::lround(w)), lo, std::max(lo, hi));
}

}  // namespace

std::vector<PanelRect> ScreenRegions::Panels() const {
  std::vector<PanelRect> out;
  if (has_left) out.push_back({"studies", studies});
  if (has_left && has_cases) out.push_back({"reader_cases", reader_cases});
  if (has_right) {
    out.push_back({"lesions", lesions});
    out.push_back({"response", response});
  }
  return out;
}

ScreenRegions ComputeScreen(int width, int height, int menu_height, const ScreenSplit& split,
                            bool right_panels, bool reader_cases) {
  ScreenRegions r;
  const int top = std::max(menu_height, 0);
  const int body = std::max(height - top, 1);
  const int images_min = int(float(width) * kImagesMinShare);
  int left = split.left_open ? Clamp(split.left_width, kLeftShare, width, kLeftMin, kLeftMax)
                             : kCollapsedStrip;
  int right = !right_panels ? 0
              : split.right_open
                  ? Clamp(split.right_width, kRightShare, width, kRightMin, kRightMax)
                  : kCollapsedStrip;
  // Small windows: shrink the columns (right first, it holds less text per line) so that the
  // images keep their share; below the minimum widths a column collapses to its strip.
  const int gutters = kSplitterWidth * (right_panels ? 2 : 1);
  int excess = left + right + gutters + images_min - width;
  if (excess > 0 && right > kCollapsedStrip) {
    const int take = std::min(excess, right - kRightMin);
    right -= std::max(take, 0), excess -= std::max(take, 0);
  }
  if (excess > 0 && left > kCollapsedStrip) {
    const int take = std::min(excess, left - kLeftMin);
    left -= std::max(take, 0), excess -= std::max(take, 0);
  }
  if (excess > 0 && right > kCollapsedStrip)
    excess -= right - kCollapsedStrip, right = kCollapsedStrip;
  if (excess > 0 && left > kCollapsedStrip) left = kCollapsedStrip;

  r.has_left = left > kCollapsedStrip;
  r.studies = {0, top, left, body};
  if (reader_cases && r.has_left) {
    const int cases_h = std::min(kReaderCasesHeight, body / 2);
    r.has_cases = true;
    r.studies.height = body - cases_h;
    r.reader_cases = {0, top + body - cases_h, left, cases_h};
  }
  r.left_splitter = {left, top, kSplitterWidth, body};
  const int images_x = left + kSplitterWidth;
  int images_w = width - images_x;
  if (right_panels) {
    images_w -= right + kSplitterWidth;
    const int right_x = width - right;
    r.right_splitter = {right_x - kSplitterWidth, top, kSplitterWidth, body};
    r.has_right = right > kCollapsedStrip;
    const float share = std::clamp(split.right_split, 0.2f, 0.8f);
    const int lesions_h = int(std::lround(float(body) * share));
    r.lesions = {right_x, top, right, lesions_h};
    r.response = {right_x, top + lesions_h, right, body - lesions_h};
  }
  r.images = {images_x, top, std::max(images_w, 1), body};
  return r;
}

std::string LayoutJson(const std::vector<ViewportRect>& viewports,
                       const std::vector<PanelRect>& panels) {
  const auto rect = [](const ViewportRect& r) {
    return "\"x\": " + std::to_string(r.x) + ", \"y\": " + std::to_string(r.y) +
           ", \"w\": " + std::to_string(r.width) + ", \"h\": " + std::to_string(r.height);
  };
  std::string out = "{\"viewports\": [";
  for (std::size_t i = 0; i < viewports.size(); ++i)
    out += (i ? ", {" : "{") + rect(viewports[i]) + "}";
  out += "], \"panels\": [";
  for (std::size_t i = 0; i < panels.size(); ++i)  // names are identifiers: nothing to escape
    out += (i ? ", {\"name\": \"" : "{\"name\": \"") + panels[i].name + "\", " +
           rect(panels[i].rect) + "}";
  return out + "]}\n";
}

bool Overlaps(const ViewportRect& a, const ViewportRect& b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

}  // namespace nadir::viewer
