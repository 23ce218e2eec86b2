// Our loader and ITK's GDCM series reader (an independent implementation) agree on voxels,
// origin, spacing and direction.
#include <gtest/gtest.h>
#include <itkGDCMImageIO.h>
#include <itkGDCMSeriesFileNames.h>
#include <itkImage.h>
#include <itkImageSeriesReader.h>
#include <itkMultiThreaderBase.h>

#include <cmath>

#include "dicom/load.h"
#include "dicom/write_ct.h"
#include "tests/dicom/test_util.h"
#include "tests/support/scratch_dir.h"

namespace nadir::dicom {
namespace {

// The reference reader runs in the same process as nadir's loader, which forks to decode JPEG
// 2000: ITK's platform threader, as analysis/ uses, leaves no pool with fork handlers behind.
const bool kForkSafeThreads = [] {
  itk::MultiThreaderBase::SetGlobalDefaultThreader(itk::MultiThreaderBase::Platform);
  return true;
}();

using Image = itk::Image<short, 3>;

Volume ReadWithItk(const std::filesystem::path& dir) {
  auto names = itk::GDCMSeriesFileNames::New();
  names->SetUseSeriesDetails(false);
  names->SetDirectory(dir.string());
  const auto uids = names->GetSeriesUIDs();
  EXPECT_EQ(uids.size(), 1u);
  auto reader = itk::ImageSeriesReader<Image>::New();
  reader->SetImageIO(itk::GDCMImageIO::New());
  reader->SetFileNames(names->GetFileNames(uids.at(0)));
  reader->Update();
  Image::Pointer img = reader->GetOutput();
  Volume v;
  const auto size = img->GetLargestPossibleRegion().GetSize();
  for (int a = 0; a < 3; ++a) {
    v.size[a] = int(size[a]);
    v.spacing[a] = img->GetSpacing()[a];
    v.origin[a] = img->GetOrigin()[a];
    for (int r = 0; r < 3; ++r) v.direction[a * 3 + r] = img->GetDirection()[r][a];
  }
  v.hu.assign(img->GetBufferPointer(), img->GetBufferPointer() + v.VoxelCount());
  return v;
}

void ExpectAgreement(const Volume& written, const std::filesystem::path& dir) {
  const Volume itk_volume = ReadWithItk(dir);
  const LoadedSeries ours = LoadPath(dir);
  EXPECT_TRUE(test::SameVolume(itk_volume, ours.volume, 1e-4));
  EXPECT_TRUE(test::SameVolume(written, ours.volume, 1e-4));
}

TEST(ItkAgreement, AxialSeries) {
  test::ScratchDir dir("itk_axial");
  const Volume v = test::MakeTestVolume(64, 48, 20);
  WriteCtSeries(v, {}, dir.path());
  ExpectAgreement(v, dir.path());
}

TEST(ItkAgreement, ObliqueSeriesWithSignedPixels) {
  test::ScratchDir dir("itk_oblique");
  Volume v = test::MakeTestVolume(40, 56, 15);
  const double a = 30 * M_PI / 180, b = 20 * M_PI / 180;
  const std::array<double, 3> row{std::cos(a), std::sin(a), 0};
  const std::array<double, 3> col{-std::sin(a) * std::cos(b), std::cos(a) * std::cos(b),
                                  std::sin(b)};
  const std::array<double, 3> n{row[1] * col[2] - row[2] * col[1],
                                row[2] * col[0] - row[0] * col[2],
                                row[0] * col[1] - row[1] * col[0]};
  v.direction = {row[0], row[1], row[2], col[0], col[1], col[2], n[0], n[1], n[2]};
  v.spacing = {0.6, 0.6, 1.25};
  CtSeriesHeader h;
  h.pixel_signed = true;
  h.rescale_intercept = 0;
  WriteCtSeries(v, h, dir.path());
  ExpectAgreement(v, dir.path());
}

}  // namespace
}  // namespace nadir::dicom
