// The sum-of-diameters chart drawn with ImDrawList: sums over days since baseline, the
// partial-response line (baseline - 30 %) and the progression line (nadir + 20 %).
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "viewer/annotate/chart.h"
#include "viewer/annotate/panels.h"
#include "viewer/core/theme.h"

namespace nadir::annotate {

void DrawSumChart(const SubjectResult& r, bool irecist, float width, float height) {
  const SumChart c = ChartOf(r, irecist);
  width = std::max(width, 120.0f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("sum chart", ImVec2(width, height));
  if (c.points.empty()) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float left = origin.x + 44, right = origin.x + width - 10;
  const float top = origin.y + 8, bottom = origin.y + height - 18;
  dl->AddRectFilled(ImVec2(left, top), ImVec2(right, bottom), Packed(viewer::kChartBack));
  const float days = float(std::max(c.last_day, 1));
  auto X = [&](int day) { return left + (right - left) * float(day) / days; };
  auto Y = [&](double mm) { return bottom - (bottom - top) * float(mm / c.max_mm); };
  char text[48];
  for (double mm : {0.0, c.max_mm / 2, c.max_mm / 1.1}) {
    std::snprintf(text, sizeof text, "%.0f", mm);
    dl->AddText(ImVec2(origin.x + 4, Y(mm) - 7), Packed(viewer::kChartAxis), text);
  }
  dl->AddText(ImVec2(left, bottom + 2), Packed(viewer::kChartAxis), "day 0");
  std::snprintf(text, sizeof text, "day %d", c.last_day);
  dl->AddText(ImVec2(right - 50, bottom + 2), Packed(viewer::kChartAxis), text);

  const ImU32 green = Packed(viewer::kChartBetter), red = Packed(viewer::kChartWorse);
  if (c.partial_response_mm) {  // RECIST 1.1 §4.3.1: PR at -30 % of baseline
    const float y = Y(*c.partial_response_mm);
    dl->AddLine(ImVec2(left, y), ImVec2(right, y), green, 1.0f);
    dl->AddText(ImVec2(left + 4, y + 1), green, "PR -30 %");
  }
  // PD at +20 % (and +5 mm) over the nadir: a step line, the nadir changes with time.
  for (std::size_t i = 1; i < c.points.size(); ++i) {
    if (!c.points[i].progression_line_mm) continue;
    const float y = Y(*c.points[i].progression_line_mm);
    dl->AddLine(ImVec2(X(c.points[i - 1].day), y), ImVec2(X(c.points[i].day), y), red, 1.0f);
    if (i + 1 == c.points.size())
      dl->AddText(ImVec2(X(c.points[i - 1].day) + 4, y - 15), red, "PD +20 % over nadir");
  }
  const ImU32 line = Packed(viewer::kChartLine);
  const ChartPoint* prev = nullptr;
  for (const ChartPoint& p : c.points) {
    if (!p.sum_mm) {
      dl->AddText(ImVec2(X(p.day) - 8, bottom - 16), Packed(viewer::kChartNotEvaluable), "NE");
      continue;
    }
    const ImVec2 at(X(p.day), Y(*p.sum_mm));
    if (prev) dl->AddLine(ImVec2(X(prev->day), Y(*prev->sum_mm)), at, line, 2.0f);
    dl->AddCircleFilled(at, 4.0f, line);
    const float text_w = ImGui::CalcTextSize(p.label.c_str()).x;
    const float tx = at.x + 5 + text_w > right ? at.x - 5 - text_w : at.x + 5;
    dl->AddText(ImVec2(tx, at.y - 16), Packed(viewer::kChartLabel), p.label.c_str());
    prev = &p;
  }
}

}  // namespace nadir::annotate
