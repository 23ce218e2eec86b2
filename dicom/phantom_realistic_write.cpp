// Writing the realistic phantom: one CT series per lesion kind and the truth of every case
// as JSON beside them (see phantom_realistic.h). Deterministic UIDs: same seed, same bytes.
#include <fstream>
#include <nlohmann/json.hpp>

#include "dicom/error.h"
#include "dicom/phantom_realistic.h"
#include "dicom/write_ct.h"

namespace nadir::dicom {
namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

std::uint64_t Mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// A deterministic UID under the UUID arc 2.25 (PS3.5 B.2), as the trial phantom makes them.
std::string Uid(std::uint64_t seed, const std::string& what) {
  std::uint64_t h = Mix(seed ^ 0x5EA1157Cull);
  for (char c : what) h = Mix(h ^ std::uint8_t(c));
  unsigned __int128 v = (unsigned __int128)Mix(h) << 64 | Mix(h + 1);
  v >>= 1;
  std::string digits;
  do {
    digits.insert(digits.begin(), char('0' + int(v % 10)));
    v /= 10;
  } while (v);
  return "2.25." + digits;
}

ordered_json Point(const std::array<double, 3>& p) {
  auto r = [](double x) { return std::round(x * 1e4) / 1e4; };
  return ordered_json::array({r(p[0]), r(p[1]), r(p[2])});
}

double Round4(double x) { return std::round(x * 1e4) / 1e4; }

}  // namespace

std::vector<fs::path> WriteRealisticPhantom(const fs::path& out, std::uint64_t seed) {
  std::vector<fs::path> dirs;
  ordered_json doc;
  doc["format"] = "nadir-realistic-phantom-truth/1";
  doc["seed"] = seed;
  doc["cases"] = ordered_json::array();
  for (RealisticKind kind : AllRealisticKinds()) {
    RealisticOptions o;
    o.kind = kind;
    o.seed = seed;
    RealisticCase c = RenderRealisticCase(o);
    const std::string name = RealisticKindName(kind);
    const fs::path dir = out / "realistic" / name;
    for (int k = 0; k < c.volume.size[2]; ++k)
      c.volume.sop_uids.push_back(Uid(seed, name + "/sop/" + std::to_string(k)));
    CtSeriesHeader h;
    h.patient_id = "REAL-" + name;
    h.patient_name = "PHANTOM^REALISTIC";
    h.study_uid = Uid(seed, name + "/study");
    h.series_uid = Uid(seed, name + "/series");
    h.frame_of_reference_uid = Uid(seed, name + "/for");
    h.study_description = "CT REALISTIC LESION " + name;
    h.series_description = "AXIAL 1.5 MM";
    h.pixel_signed = true;
    WriteCtSeries(c.volume, h, dir);
    dirs.push_back(dir);

    const RealisticTruth& t = c.truth;
    ordered_json j;
    j["kind"] = t.kind;
    j["series"] = "realistic/" + name;
    j["study_uid"] = h.study_uid;
    j["nodal"] = t.nodal;
    j["centre_mm"] = Point(t.centre);
    j["slice_index"] = t.slice_k;
    j["sop_uid"] = c.volume.sop_uids[t.slice_k];
    j["long_axis_mm"] = Round4(t.long_axis_mm);
    j["short_axis_mm"] = Round4(t.short_axis_mm);
    j["long_axis_points_mm"] = {Point(t.long_axis_points[0]), Point(t.long_axis_points[1])};
    j["short_axis_points_mm"] = {Point(t.short_axis_points[0]), Point(t.short_axis_points[1])};
    j["volume_ml"] = Round4(t.volume_ml);
    j["lesion_hu"] = t.lesion_hu;
    j["background_hu"] = t.background_hu;
    j["inner_radius_mm"] = Round4(t.inner_radius_mm);
    doc["cases"].push_back(j);
  }
  const fs::path file = out / "realistic" / "truth.json";
  const fs::path tmp = file.string() + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << doc.dump(2) << "\n";
    f.flush();
    if (!f) throw DicomError(tmp.string(), "", "", "cannot write");
  }
  std::error_code ec;
  fs::rename(tmp, file, ec);
  if (ec) throw DicomError(file.string(), "", ec.message(), "cannot rename into place");
  return dirs;
}

}  // namespace nadir::dicom
