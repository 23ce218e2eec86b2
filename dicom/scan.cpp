// Scanning a folder tree or DICOMDIR into patients, studies, series and stacks.
// Headers are read in parallel; grouping and sorting are plain value work.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <map>
#include <mutex>
#include <thread>
#include <tuple>

#include "dicom/catalog.h"
#include "dicom/detail/dcmtk_util.h"
#include "dicom/detail/image_header.h"
#include "dicom/error.h"

namespace nadir::dicom {
namespace {

namespace fs = std::filesystem;
using detail::ImageHeader;

// Two orientations closer than this (per direction-cosine component) are one stack;
// ~0.06 degrees. Smaller differences are reported as OrientationJitter.
constexpr double kOrientationSplit = 1e-3;
constexpr double kJitterReportDeg = 0.01;
// PixelSpacing differing by more than this (mm) splits a series.
constexpr double kSpacingSplitMm = 1e-4;

// Files listed by a DICOMDIR (PS3.10 8.6, PS3.3 F.3): ReferencedFileID components are
// relative to the DICOMDIR's folder. Media written on other systems may hold them in
// lower case, so both spellings are tried.
std::vector<std::string> DicomdirFiles(const fs::path& dicomdir) {
  DcmFileFormat ff;
  if (ff.loadFile(dicomdir.c_str()).bad())
    throw DicomError(dicomdir.string(), "", "", "DICOMDIR not readable");
  std::vector<std::string> out;
  DcmItem& ds = *ff.getDataset();
  for (int i = 0;; ++i) {
    DcmItem* rec = detail::GetItem(ds, DCM_DirectoryRecordSequence, i);
    if (!rec) break;
    auto id = detail::GetStringAll(*rec, DCM_ReferencedFileID);
    if (!id) continue;
    fs::path p = dicomdir.parent_path();
    fs::path lower = p;
    std::string part;
    auto flush = [&] {
      if (part.empty()) return;
      p /= part;
      std::string l = part;
      for (auto& c : l) c = char(std::tolower((unsigned char)c));
      lower /= l;
      part.clear();
    };
    for (char c : *id) (c == '\\') ? flush() : part.push_back(c);
    flush();
    std::error_code ec;
    if (fs::is_regular_file(p, ec))
      out.push_back(p.string());
    else if (fs::is_regular_file(lower, ec))
      out.push_back(lower.string());
  }
  return out;
}

std::vector<std::string> ListFiles(const fs::path& path, bool recursive) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw DicomError(path.string(), "", "", "no such file or folder");
  auto is_dicomdir = [](const fs::path& p) { return p.filename() == "DICOMDIR"; };
  if (fs::is_regular_file(path, ec)) {
    if (is_dicomdir(path)) return DicomdirFiles(path);
    return {path.string()};
  }
  if (fs::is_regular_file(path / "DICOMDIR", ec)) {
    auto files = DicomdirFiles(path / "DICOMDIR");
    if (!files.empty()) return files;
  }
  std::vector<std::string> files;
  auto add = [&](const fs::directory_entry& e) {
    if (e.is_regular_file(ec) && !is_dicomdir(e.path())) files.push_back(e.path().string());
  };
  if (recursive) {
    for (auto it = fs::recursive_directory_iterator(
             path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      add(*it);
  } else {
    for (auto it = fs::directory_iterator(path, ec); !ec && it != fs::directory_iterator();
         it.increment(ec))
      add(*it);
  }
  if (ec) throw DicomError(path.string(), "", ec.message(), "cannot list folder");
  std::sort(files.begin(), files.end());
  return files;
}

double MaxOrientationDiff(const std::array<double, 6>& a, const std::array<double, 6>& b) {
  double m = 0;
  for (int i = 0; i < 6; ++i) m = std::max(m, std::abs(a[i] - b[i]));
  return m;
}

// Why header `h` cannot join stack `s`, or empty when it can.
std::string StackMismatch(const SeriesInfo& s, const ImageHeader& h) {
  if (s.rows != h.rows || s.columns != h.columns) return "rows/columns differ";
  if (MaxOrientationDiff(s.orientation, h.orientation) > kOrientationSplit)
    return "orientation differs";
  if (std::abs(s.pixel_spacing[0] - h.pixel_spacing[0]) > kSpacingSplitMm ||
      std::abs(s.pixel_spacing[1] - h.pixel_spacing[1]) > kSpacingSplitMm)
    return "pixel spacing differs";
  const PixelFormat &a = s.pixels, &b = h.pixels;
  if (a.bits_allocated != b.bits_allocated || a.bits_stored != b.bits_stored ||
      a.high_bit != b.high_bit || a.is_signed != b.is_signed || a.big_endian != b.big_endian ||
      a.has_padding != b.has_padding || a.padding_value != b.padding_value)
    return "pixel format differs";
  if (s.transfer_syntax_uid != h.transfer_syntax_uid) return "transfer syntax differs";
  return {};
}

SeriesInfo NewStack(const ImageHeader& h) {
  SeriesInfo s;
  s.patient_id = h.patient_id;
  s.patient_name = h.patient_name;
  s.study_uid = h.study_uid;
  s.study_date = h.study_date;
  s.study_description = h.study_description;
  s.accession_number = h.accession_number;
  s.series_uid = h.series_uid;
  s.series_description = h.series_description;
  s.modality = h.modality;
  s.frame_of_reference_uid = h.frame_of_reference_uid;
  s.series_number = h.series_number;
  s.transfer_syntax_uid = h.transfer_syntax_uid;
  s.transfer_syntax_name = h.transfer_syntax_name;
  s.rows = h.rows;
  s.columns = h.columns;
  s.pixel_spacing = h.pixel_spacing;
  s.orientation = h.orientation;
  s.gantry_tilt_deg = h.gantry_tilt_deg;
  s.pixels = h.pixels;
  return s;
}

std::array<double, 3> Normal(const std::array<double, 6>& o) {
  return {o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]};
}

double Along(const std::array<double, 3>& n, const std::array<double, 3>& p) {
  return n[0] * p[0] + n[1] * p[1] + n[2] * p[2];
}

// Sorts slices along the normal (PS3.3 C.7.6.2.1.1), never by file name or InstanceNumber;
// ties keep InstanceNumber order so duplicates are resolved predictably later.
void SortStack(SeriesInfo& s) {
  const auto n = Normal(s.orientation);
  std::stable_sort(s.slices.begin(), s.slices.end(), [&](const SliceRef& a, const SliceRef& b) {
    const double pa = Along(n, a.position), pb = Along(n, b.position);
    if (pa != pb) return pa < pb;
    return std::tie(a.instance_number, a.file, a.frame) <
           std::tie(b.instance_number, b.file, b.frame);
  });
}

// One series UID may hold several acquisitions at the same positions (a repeated scan):
// when positions repeat and acquisition numbers differ, each acquisition is its own stack.
std::vector<SeriesInfo> SplitAcquisitions(SeriesInfo s, const std::map<std::string, int>& acq) {
  const auto n = Normal(s.orientation);
  bool dup = false;
  for (size_t i = 1; i < s.slices.size(); ++i)
    dup |= std::abs(Along(n, s.slices[i].position) - Along(n, s.slices[i - 1].position)) < 1e-3;
  std::map<int, std::vector<SliceRef>> by;
  for (auto& r : s.slices) by[acq.at(r.file)].push_back(r);
  if (!dup || by.size() < 2) return {std::move(s)};
  std::vector<SeriesInfo> out;
  for (auto& [a, slices] : by) {
    SeriesInfo t = s;
    t.slices = std::move(slices);
    t.stack_reason = "acquisition number " + std::to_string(a) + " repeats positions";
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

std::vector<const SeriesInfo*> Catalog::AllSeries() const {
  std::vector<const SeriesInfo*> out;
  for (const auto& p : patients)
    for (const auto& st : p.studies)
      for (const auto& s : st.series) out.push_back(&s);
  return out;
}

Catalog Scan(const std::filesystem::path& path, const ScanOptions& options) {
  const std::vector<std::string> files = ListFiles(path, options.recursive);
  detail::RegisterDecoders();

  std::vector<std::optional<ImageHeader>> headers(files.size());
  std::vector<std::string> problems(files.size());
  std::atomic<size_t> next{0}, done{0};
  std::mutex progress_mutex;
  auto work = [&] {
    for (size_t i; (i = next++) < files.size();) {
      try {
        headers[i] = detail::ReadImageHeader(files[i]);
      } catch (const DicomError& e) {
        problems[i] = e.what();
      } catch (const std::exception& e) {
        problems[i] = files[i] + ": " + e.what();
      }
      const size_t d = ++done;
      if (options.progress && (d % 64 == 0 || d == files.size())) {
        std::lock_guard lock(progress_mutex);
        options.progress(int(d), int(files.size()));
      }
    }
  };
  int threads = options.threads > 0 ? options.threads : int(std::thread::hardware_concurrency());
  threads = std::clamp(threads, 1, 16);
  threads = int(std::min<size_t>(size_t(threads), std::max<size_t>(1, files.size() / 8)));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();

  Catalog cat;
  // series UID -> stacks (in order of first appearance in sorted file order)
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<SeriesInfo>> groups;
  std::map<std::string, int> acquisition;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!headers[i]) {
      cat.skipped.push_back({files[i], problems[i]});
      continue;
    }
    const ImageHeader& h = *headers[i];
    acquisition[h.file] = h.acquisition_number;
    auto& stacks = groups[{h.patient_id, h.study_uid, h.series_uid}];
    SeriesInfo* target = nullptr;
    std::string reason;
    for (auto& s : stacks) {
      const std::string why = StackMismatch(s, h);
      if (why.empty()) {
        target = &s;
        break;
      }
      if (reason.empty()) reason = why;
    }
    if (!target) {
      stacks.push_back(NewStack(h));
      target = &stacks.back();
      target->stack_reason = reason;
    }
    const double jitter = MaxOrientationDiff(target->orientation, h.orientation);
    if (jitter * 57.29577951308232 > kJitterReportDeg) {
      const double deg = std::asin(std::min(1.0, jitter)) * 57.29577951308232;
      bool found = false;
      for (auto& w : target->warnings)
        if (auto* j = std::get_if<OrientationJitter>(&w))
          j->max_deg = std::max(j->max_deg, deg), found = true;
      if (!found) target->warnings.push_back(OrientationJitter{deg});
    }
    for (const auto& f : h.frames_info) target->slices.push_back(f);
  }
  if (groups.empty())
    throw DicomError(path.string(), "", "",
                     cat.skipped.empty()
                         ? "no files found"
                         : "no readable DICOM image among " + std::to_string(files.size()) +
                               " file(s); first problem: " + cat.skipped.front().reason);

  std::map<std::string, PatientInfo> patients;
  for (auto& [key, stacks] : groups) {
    std::vector<SeriesInfo> split;
    for (auto& s : stacks) {
      SortStack(s);
      for (auto& t : SplitAcquisitions(std::move(s), acquisition)) split.push_back(std::move(t));
    }
    for (size_t i = 0; i < split.size(); ++i) split[i].stack = split.size() > 1 ? int(i) + 1 : 0;
    PatientInfo& p = patients[std::get<0>(key)];
    p.patient_id = split.front().patient_id;
    p.patient_name = split.front().patient_name;
    // A named reference, not the structured binding: clang 14 cannot capture bindings.
    const std::string& study_uid = std::get<1>(key);
    auto st = std::find_if(p.studies.begin(), p.studies.end(),
                           [&](const StudyInfo& x) { return x.study_uid == study_uid; });
    if (st == p.studies.end()) {
      const SeriesInfo& f = split.front();
      p.studies.push_back({f.study_uid, f.study_date, f.study_description, f.accession_number, {}});
      st = p.studies.end() - 1;
    }
    for (auto& s : split) st->series.push_back(std::move(s));
  }
  for (auto& [id, p] : patients) {
    std::sort(p.studies.begin(), p.studies.end(), [](const StudyInfo& a, const StudyInfo& b) {
      return std::tie(a.date, a.study_uid) < std::tie(b.date, b.study_uid);
    });
    for (auto& st : p.studies)
      std::stable_sort(st.series.begin(), st.series.end(),
                       [](const SeriesInfo& a, const SeriesInfo& b) {
                         return std::tie(a.series_number, a.series_uid, a.stack) <
                                std::tie(b.series_number, b.series_uid, b.stack);
                       });
    cat.patients.push_back(std::move(p));
  }
  return cat;
}

}  // namespace nadir::dicom
