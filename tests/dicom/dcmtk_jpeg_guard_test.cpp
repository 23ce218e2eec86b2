// DCMTK 3.6.7's JPEG decoder walks a stream's markers to find the frame header's precision and
// never advances past a TEM marker (FF01): dicom_scan_fuzz hung there (DCMTK bug #1190). The
// walk is repeated before DCMTK is called (codec_guard.h); ITU-T T.81 B.1.1.3 lists the markers.
#include <gtest/gtest.h>

#include <vector>

#include "dicom/detail/codec_guard.h"

namespace nadir::dicom::detail {
namespace {

std::size_t TemIn(std::vector<Uint8> stream) {
  return TemMarkerBeforeFrameHeader(stream.data(), stream.size());
}

// SOF3 (lossless) frame header: length 11, precision 16, 1 x 1, one component.
const std::vector<Uint8> kSof3 = {0xFF, 0xC3, 0x00, 0x0B, 0x10, 0x00, 0x01,
                                  0x00, 0x01, 0x01, 0x01, 0x11, 0x00};

std::vector<Uint8> Join(std::vector<std::vector<Uint8>> parts) {
  std::vector<Uint8> out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

const std::vector<Uint8> kSoi = {0xFF, 0xD8}, kTem = {0xFF, 0x01};

TEST(DcmtkJpegGuard, TemBeforeTheFrameHeaderIsFoundAtItsOffset) {
  EXPECT_EQ(TemIn(Join({kSoi, kTem, kSof3})), 2u);
  // After an APP0 segment of 16 bytes (its length counts itself): 2 + 2 + 16.
  std::vector<Uint8> app0 = {0xFF, 0xE0, 0x00, 0x10};
  app0.resize(4 + 14, 0);
  EXPECT_EQ(TemIn(Join({kSoi, app0, kTem, kSof3})), 20u);
}

TEST(DcmtkJpegGuard, TemAfterTheFrameHeaderIsNeverReached) {
  EXPECT_EQ(TemIn(Join({kSoi, kSof3, kTem, kTem, kTem})), kNoTem);
  EXPECT_EQ(TemIn(Join({kSoi, kSof3})), kNoTem);
}

// DCMTK walks while offset + 4 < length: a TEM in the last four bytes ends the walk.
TEST(DcmtkJpegGuard, TemIsOnlyAProblemWhereTheWalkStillRuns) {
  const std::vector<Uint8> tail = {0x00, 0x00, 0x00};
  EXPECT_EQ(TemIn(Join({kSoi, kTem, tail})), 2u);              // offset 2 + 4 < 7
  EXPECT_EQ(TemIn(Join({kSoi, kTem, {0x00, 0x00}})), kNoTem);  // offset 2 + 4 == 6
}

TEST(DcmtkJpegGuard, FillBytesRestartsAndReservedMarkersAreStepsOfTheWalk) {
  // Fill bytes (FF FF) are skipped one byte at a time: offsets 2 and 3, then TEM at 4.
  EXPECT_EQ(TemIn(Join({kSoi, {0xFF, 0xFF}, kTem, kSof3})), 4u);
  EXPECT_EQ(TemIn(Join({kSoi, {0xFF, 0xD0}, kTem, kSof3})), 4u);  // RST0
  EXPECT_EQ(TemIn(Join({kSoi, {0xFF, 0x03}, kTem, kSof3})), 4u);  // RES, first reserved
  EXPECT_EQ(TemIn(Join({kSoi, {0xFF, 0xBF}, kTem, kSof3})), 4u);  // RES, last reserved
}

// Where DCMTK stops and refuses the stream itself, it does not loop.
TEST(DcmtkJpegGuard, InvalidMarkersEndTheWalkBeforeTem) {
  EXPECT_EQ(TemIn(Join({kSoi, {0xFF, 0x02}, kTem, kSof3})), kNoTem);
  EXPECT_EQ(TemIn(Join({kSoi, {0xFF, 0x00}, kTem, kSof3})), kNoTem);
  EXPECT_EQ(TemIn(Join({kSoi, {0x12, 0x34}, kTem, kSof3})), kNoTem);
  EXPECT_EQ(TemIn({}), kNoTem);
}

TEST(DcmtkJpegGuard, OnlyDcmtksJpegSyntaxesAreWalked) {
  for (E_TransferSyntax x :
       {EXS_JPEGProcess1, EXS_JPEGProcess2_4, EXS_JPEGProcess14, EXS_JPEGProcess14SV1})
    EXPECT_TRUE(IsDcmtkJpeg(x)) << DcmXfer(x).getXferName();
  for (E_TransferSyntax x : {EXS_LittleEndianExplicit, EXS_RLELossless, EXS_JPEGLSLossless,
                             EXS_JPEG2000LosslessOnly, EXS_DeflatedLittleEndianExplicit})
    EXPECT_FALSE(IsDcmtkJpeg(x)) << DcmXfer(x).getXferName();
}

}  // namespace
}  // namespace nadir::dicom::detail
