// nadir_bench_dicom [DIR]: how fast a CT series loads, against (a) merely reading the files'
// bytes, (b) ITK's GDCM series reader, (c) a plain loop of DCMTK loadFile calls, all in one
// run from a warm page cache. Without DIR it writes a 512x512x400 phantom series first.
// Prints seconds (best of N runs), the ratios, and our peak memory over the volume's size.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <fcntl.h>
#include <itkGDCMImageIO.h>
#include <itkGDCMSeriesFileNames.h>
#include <itkImage.h>
#include <itkImageSeriesReader.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "dicom/load.h"
#include "dicom/phantom.h"
#include "dicom/write_ct.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double Best(int runs, const std::function<void()>& f) {
  double best = 1e300;
  for (int r = 0; r < runs; ++r) {
    const auto t0 = Clock::now();
    f();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
  }
  return best;
}

long StatusKb(const char* key) {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind(key, 0) == 0) return std::stol(line.substr(std::string(key).size()));
  return -1;
}

std::vector<std::string> Files(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file()) out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::size_t ReadBytes(const std::vector<std::string>& files, std::vector<char>& buf) {
  std::size_t total = 0;
  for (const auto& f : files) {
    const int fd = ::open(f.c_str(), O_RDONLY);
    if (fd < 0) continue;
    for (ssize_t r; (r = ::read(fd, buf.data(), buf.size())) > 0;) total += std::size_t(r);
    ::close(fd);
  }
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = 3;
  fs::path dir;
  fs::path scratch;
  if (argc > 1) {
    dir = argv[1];
  } else {
    scratch = fs::temp_directory_path() / ("nadir_bench_" + std::to_string(::getpid()));
    dir = scratch / "series";
    std::printf("writing a 512x512x400 phantom series to %s ...\n", dir.c_str());
    nadir::dicom::PhantomOptions o;
    o.full_size = true;
    o.subjects = 1;
    const auto trial = nadir::dicom::PlanPhantomTrial(o);
    nadir::dicom::CtSeriesHeader h;
    h.pixel_signed = true;
    nadir::Volume v = nadir::dicom::RenderPhantom(trial, 0, 0);
    for (auto& x : v.hu) x = std::max<std::int16_t>(x, -1024);
    nadir::dicom::WriteCtSeries(v, h, dir);
  }
  const auto files = Files(dir);
  std::vector<char> buf(1 << 20);
  ReadBytes(files, buf);  // warm the page cache
  std::size_t bytes = 0;
  const double t_read = Best(runs, [&] { bytes = ReadBytes(files, buf); });

  // (a') the same bytes read into one fresh buffer of their total size: what any loader that
  // hands out a new volume pays for memory on top of (a).
  const double t_read_fresh = Best(runs, [&] {
    std::vector<char> all(bytes);
    std::size_t at = 0;
    for (const auto& f : files) {
      const int fd = ::open(f.c_str(), O_RDONLY);
      if (fd < 0) continue;
      for (ssize_t r; at < all.size() && (r = ::read(fd, all.data() + at, all.size() - at)) > 0;)
        at += std::size_t(r);
      ::close(fd);
    }
  });

  // Ours: peak memory measured around the first full load (VmHWM reset, Linux >= 4.0).
  { std::ofstream("/proc/self/clear_refs") << "5"; }
  const long rss0 = StatusKb("VmRSS:");
  nadir::dicom::Catalog cat;
  std::size_t voxels = 0;
  const auto first = Clock::now();
  {
    cat = nadir::dicom::Scan(dir);
    const auto l = nadir::dicom::LoadSeries(*cat.AllSeries().at(0));
    voxels = l.volume.VoxelCount();
  }
  const double t_first = std::chrono::duration<double>(Clock::now() - first).count();
  const long peak_kb = StatusKb("VmHWM:") - rss0;
  const auto& series = *cat.AllSeries().at(0);
  const double t_ours = Best(runs, [&] {
    auto c = nadir::dicom::Scan(dir);
    auto l = nadir::dicom::LoadSeries(*c.AllSeries().at(0));
  });
  const double t_load = Best(runs, [&] { auto l = nadir::dicom::LoadSeries(series); });
  nadir::dicom::LoadOptions one;
  one.threads = 1;
  nadir::dicom::ScanOptions scan_one;
  scan_one.threads = 1;
  const double t_ours1 = Best(runs, [&] {
    auto c = nadir::dicom::Scan(dir, scan_one);
    auto l = nadir::dicom::LoadSeries(*c.AllSeries().at(0), one);
  });

  const double t_itk = Best(runs, [&] {
    auto names = itk::GDCMSeriesFileNames::New();
    names->SetDirectory(dir.string());
    auto reader = itk::ImageSeriesReader<itk::Image<short, 3>>::New();
    reader->SetImageIO(itk::GDCMImageIO::New());
    reader->SetFileNames(names->GetFileNames(names->GetSeriesUIDs().at(0)));
    reader->Update();
  });
  const double t_dcmtk = Best(runs, [&] {
    for (const auto& f : files) {
      DcmFileFormat ff;
      ff.loadFile(f.c_str());
      const Uint16* pixels = nullptr;  // loads the pixel value, which loadFile leaves on disk
      ff.getDataset()->findAndGetUint16Array(DCM_PixelData, pixels);
    }
  });

  std::printf("series: %zu files, %.1f MB, %zu voxels (%.1f MB of int16 HU), %u hardware threads\n",
              files.size(), double(bytes) / 1e6, voxels, voxels * 2 / 1e6,
              std::thread::hardware_concurrency());
  std::printf("best of %d runs, warm page cache:\n", runs);
  std::printf("  (a) read the files' bytes          %8.3f s\n", t_read);
  std::printf("  (a') read them into a fresh buffer %8.3f s   %.2fx of (a)\n", t_read_fresh,
              t_read_fresh / t_read);
  std::printf("  nadir Scan + LoadSeries            %8.3f s   %.2fx of (a), %.2fx of (a')\n",
              t_ours, t_ours / t_read, t_ours / t_read_fresh);
  std::printf("  nadir Scan + LoadSeries, 1 thread  %8.3f s   %.2fx of (a)\n", t_ours1,
              t_ours1 / t_read);
  std::printf("  nadir LoadSeries (scanned)         %8.3f s   %.2fx of (a), %.2fx of (a')\n",
              t_load, t_load / t_read, t_load / t_read_fresh);
  std::printf("  (b) ITK GDCM series reader         %8.3f s   nadir is %.1fx faster\n", t_itk,
              t_itk / t_ours);
  std::printf("  (c) DCMTK loadFile loop            %8.3f s   nadir is %.1fx faster\n", t_dcmtk,
              t_dcmtk / t_ours);
  std::printf("  first nadir load %.3f s; its peak memory %.1f MB = %.2fx the volume\n", t_first,
              peak_kb / 1024.0, peak_kb * 1024.0 / double(voxels * 2));
  if (!scratch.empty()) fs::remove_all(scratch);
  return 0;
}
