// The phantom trial's plan: subjects, dates, UIDs, and each lesion's course over time.
// Diameters are chosen so that RECIST 1.1 reads a clear response, stability, progression
// and a new lesion (see the comments per course).
#include <cmath>
#include <cstdio>

#include "dicom/detail/phantom_random.h"
#include "dicom/phantom.h"

namespace nadir::dicom {
namespace {

using detail::Mix;

// A deterministic UID under the UUID arc 2.25 (PS3.5 B.2): a 128-bit number in decimal.
std::string Uid(std::uint64_t seed, const std::string& what) {
  std::uint64_t h = Mix(seed);
  for (char c : what) h = Mix(h ^ std::uint8_t(c));
  unsigned __int128 v = (unsigned __int128)Mix(h) << 64 | Mix(h + 1);
  v >>= 1;  // keep it below 2^127
  std::string digits;
  do {
    digits.insert(digits.begin(), char('0' + int(v % 10)));
    v /= 10;
  } while (v);
  return "2.25." + digits;
}

std::string AddDays(int y, int m, int d, int days) {
  // Civil-from-days (proleptic Gregorian), enough for dates of a trial.
  auto to_days = [](int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  };
  int z = to_days(y, m, d) + days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int dd = doy - (153 * mp + 2) / 5 + 1;
  const int mm = mp + (mp < 10 ? 3 : -9);
  const int yy = yoe + era * 400 + (mm <= 2);
  char b[48];
  std::snprintf(b, sizeof b, "%04d-%02d-%02d", yy, mm, dd);
  return b;
}

struct Course {
  const char* name;
  // Per lesion: id, kind, site, nodal, centre (x, y, z mm), angle, hu, then long/short
  // diameters at baseline, week 8, week 16 (0 = absent/not yet there).
  struct L {
    const char* id;
    const char* kind;
    const char* site;
    bool nodal;
    double x, y, z, angle;
    int hu;
    double d[3][2];
  };
  std::vector<L> lesions;
};

// Patient LPS: +x to the patient's left, +y posterior, +z head. Organs: phantom_render.cpp.
const Course kCourses[] = {
    // Sum 30+22+17 = 69 -> 20+14+11 = 45 (-35 %, PR) -> 14+10+9 = 33 (-52 %, PR confirmed).
    {"response",
     {
         {"T1", "target", "liver", false, -80, 5, -60, 20, 45, {{30, 22}, {20, 15}, {14, 10}}},
         {"T2", "target", "lung", false, 80, 10, 60, 110, 25, {{22, 18}, {14, 12}, {10, 8}}},
         {"T3", "target", "lymph node", true, 30, 35, 10, 0, 40, {{24, 17}, {16, 11}, {13, 9}}},
         {"NT1", "nontarget", "liver", false, -50, -20, -40, 0, 50, {{9, 8}, {8, 7}, {7, 6}}},
     }},
    // Sum 28+16 = 44 -> 27+16 = 43 (SD; nadir 43) -> 36+20 = 56 (+30 % and +13 mm: PD).
    {"progression",
     {
         {"T1", "target", "liver", false, -85, 0, -50, 35, 45, {{28, 20}, {27, 19}, {36, 26}}},
         {"T2", "target", "lymph node", true, -30, 35, 0, 0, 40, {{22, 16}, {22, 16}, {27, 20}}},
     }},
    // Sum 25+20 = 45 -> 24+19 = 43 (SD) -> 24+19 (SD sum) with a new liver lesion: PD.
    {"new lesion",
     {
         {"T1", "target", "liver", false, -75, 10, -70, 60, 45, {{25, 19}, {24, 18}, {24, 18}}},
         {"T2", "target", "lung", false, -85, 15, 70, 0, 25, {{20, 17}, {19, 16}, {19, 16}}},
         {"N1", "new", "liver", false, -100, -15, -45, 0, 45, {{0, 0}, {0, 0}, {14, 11}}},
     }},
};

}  // namespace

PhantomTrial PlanPhantomTrial(const PhantomOptions& options) {
  PhantomTrial t;
  t.options = options;
  if (options.full_size) {
    t.size = {512, 512, 400};
    t.spacing = {0.7, 0.7, 1.0};
  } else {
    // Realistic 512x512 images; thick slices over the chest and upper abdomen keep the
    // default trial near 240 MB.
    t.size = {512, 512, 48};
    t.spacing = {0.7, 0.7, 5.0};
  }
  if (options.slices > 0) t.size[2] = options.slices;
  // Centre the field of view on the table axis; round to 0.1 mm so DS text is exact.
  auto r = [](double x) { return std::round(x * 10) / 10; };
  t.origin = {r(-0.5 * (t.size[0] - 1) * t.spacing[0]), r(-0.5 * (t.size[1] - 1) * t.spacing[1]),
              r(-0.5 * (t.size[2] - 1) * t.spacing[2])};
  const int subjects = options.subjects > 0 ? options.subjects : (options.full_size ? 1 : 3);
  const int offsets[3] = {0, 56, 112};
  const char* labels[3] = {"Baseline", "Week 8", "Week 16"};
  for (int s = 0; s < subjects; ++s) {
    const Course& c = kCourses[s % 3];
    PhantomSubject subj;
    char id[16];
    std::snprintf(id, sizeof id, "PH-%03d", s + 1);
    subj.subject = id;
    subj.course = c.name;
    subj.seed = Mix(options.seed * 1000003ull + std::uint64_t(s));
    const int start = int(Mix(subj.seed) % 60);  // baseline within two months of 2026-01-05
    for (int tp = 0; tp < 3; ++tp) {
      PhantomTimepoint p;
      p.date = AddDays(2026, 1, 5, start + offsets[tp]);
      p.label = labels[tp];
      const std::string key = subj.subject + "/" + p.date;
      p.study_uid = Uid(subj.seed, key + "/study");
      p.series_uid = Uid(subj.seed, key + "/series");
      p.frame_of_reference_uid = Uid(subj.seed, key + "/for");
      for (const auto& l : c.lesions) {
        if (l.d[tp][0] <= 0 && std::string(l.kind) == "new") continue;
        PhantomLesion x;
        x.id = l.id;
        x.kind = l.kind;
        x.site = l.site;
        x.nodal = l.nodal;
        // Centre on a slice centre so the axial image through it holds both axes.
        const double z =
            t.origin[2] + std::round((l.z - t.origin[2]) / t.spacing[2]) * t.spacing[2];
        x.centre = {l.x, l.y, z};
        x.long_mm = l.d[tp][0];
        x.short_mm = l.d[tp][1];
        x.height_mm = 0.5 * (x.long_mm + x.short_mm);
        x.angle_deg = l.angle;
        x.hu = l.hu;
        p.lesions.push_back(x);
      }
      subj.timepoints.push_back(std::move(p));
    }
    t.subjects.push_back(std::move(subj));
  }
  return t;
}

std::string PhantomSliceUid(const PhantomTrial& t, int subject, int timepoint, int k) {
  const auto& s = t.subjects.at(subject);
  return Uid(s.seed,
             s.subject + "/" + s.timepoints.at(timepoint).date + "/sop/" + std::to_string(k));
}

}  // namespace nadir::dicom
