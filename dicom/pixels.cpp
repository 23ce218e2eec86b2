// Pixels: reading stored values (directly, or through DCMTK's and GDCM's decoders) and the
// modality rescale to Hounsfield units.
#include "dicom/detail/pixels.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dccodec.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <memory>

#include "dicom/detail/codec_guard.h"
#include "dicom/detail/dcmtk_util.h"
#include "dicom/detail/gdcm_decode.h"
#include "dicom/detail/inflated_copy.h"
#include "dicom/error.h"
#include "dicom/load.h"

namespace nadir::dicom::detail {
namespace {

template <class T>
void Convert(const T* in, std::int16_t* out, std::size_t n, const PixelFormat& f, double slope,
             double intercept, HuStats& st) {
  const int bits = f.bits_stored, shift = f.high_bit + 1 - f.bits_stored;
  const bool mask = bits < int(sizeof(T) * 8) || shift != 0;
  const std::int32_t m = bits >= 32 ? -1 : std::int32_t((1u << bits) - 1u);
  const std::int32_t sign = std::int32_t(1u << (bits - 1));
  const bool pad = f.has_padding;
  const std::int32_t padv = std::int32_t(f.padding_value);
  long long padded = 0, clamped = 0;
  // The range of the values that did not fit; empty until one is found (all may lie above it).
  double lo = 1e300, hi = -1e300;
  auto stored = [&](std::size_t i) -> std::int32_t {
    std::int32_t s =
        std::is_signed_v<T> ? std::int32_t(in[i]) : std::int32_t(std::make_unsigned_t<T>(in[i]));
    if (mask) {
      // PS3.5 8.1.1: take BitsStored bits ending at HighBit; sign-extend signed pixels.
      s = (std::int32_t(std::make_unsigned_t<T>(in[i])) >> shift) & m;
      if (f.is_signed && (s & sign)) s -= 2 * sign;
    }
    return s;
  };
  const double ic = std::round(intercept);
  if (!mask && slope == 1.0 && ic == intercept && std::abs(ic) < 1e6) {
    // The common case (plain 8/16-bit values, integer intercept): branch-free so the
    // compiler vectorises it; padding and clamping are counted, not branched on.
    const std::int32_t add = std::int32_t(ic);
    // 32-bit counters and separate loops for padding keep each loop simple enough for the
    // vectoriser. In-place use reads and writes only element i per step.
    std::int32_t padded32 = 0, clamped32 = 0;
    if (pad) {
      for (std::size_t i = 0; i < n; ++i) padded32 += std::int32_t(in[i]) == padv;
#if !defined(__clang__)  // GCC only; clang vectorises these loops without it
#pragma GCC ivdep
#endif
      for (std::size_t i = 0; i < n; ++i) {
        const std::int32_t s = std::int32_t(in[i]), h = s + add;
        const std::int32_t c = std::min(std::max(h, std::int32_t(-32768)), std::int32_t(32767));
        const bool is_pad = s == padv;
        clamped32 += (c != h) & !is_pad;
        out[i] = is_pad ? std::int16_t(kPaddingHu) : std::int16_t(c);
      }
    } else {
#if !defined(__clang__)  // GCC only; clang vectorises these loops without it
#pragma GCC ivdep
#endif
      for (std::size_t i = 0; i < n; ++i) {
        const std::int32_t h = std::int32_t(in[i]) + add;
        const std::int32_t c = std::min(std::max(h, std::int32_t(-32768)), std::int32_t(32767));
        clamped32 += c != h;
        out[i] = std::int16_t(c);
      }
    }
    padded = padded32;
    clamped = clamped32;
    if (clamped) {
      // Rare: find the unclamped range for the warning (recomputed from the input).
      lo = 1e300, hi = -1e300;
      for (std::size_t i = 0; i < n; ++i) {
        const double h = double(std::int32_t(in[i])) + add;
        if (h < -32768 || h > 32767) lo = std::min(lo, h), hi = std::max(hi, h);
      }
    }
  } else if (slope == 1.0 && ic == intercept && std::abs(ic) < 1e6) {
    const std::int32_t add = std::int32_t(ic);
    for (std::size_t i = 0; i < n; ++i) {
      const std::int32_t s = stored(i);
      std::int32_t h = s + add;
      if (pad && s == padv) h = kPaddingHu, ++padded;
      if (h < -32768 || h > 32767) {
        ++clamped;
        lo = std::min(lo, double(h)), hi = std::max(hi, double(h));
        h = std::clamp(h, -32768, 32767);
      }
      out[i] = std::int16_t(h);
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      const std::int32_t s = stored(i);
      double h = std::nearbyint(s * slope + intercept);
      if (pad && s == padv) h = kPaddingHu, ++padded;
      if (h < -32768 || h > 32767) {
        ++clamped;
        lo = std::min(lo, h), hi = std::max(hi, h);
        h = std::clamp(h, -32768.0, 32767.0);
      }
      out[i] = std::int16_t(h);
    }
  }
  if (clamped) {
    if (st.clamped == 0) st.min_unclamped = lo, st.max_unclamped = hi;
    st.min_unclamped = std::min(st.min_unclamped, lo);
    st.max_unclamped = std::max(st.max_unclamped, hi);
  }
  st.padded += padded;
  st.clamped += clamped;
}

void ConvertAny(const void* in, std::int16_t* out, std::size_t n, const PixelFormat& f,
                double slope, double intercept, HuStats& st) {
  if (f.bits_allocated == 16) {
    if (f.is_signed)
      Convert(static_cast<const std::int16_t*>(in), out, n, f, slope, intercept, st);
    else
      Convert(static_cast<const std::uint16_t*>(in), out, n, f, slope, intercept, st);
  } else {
    if (f.is_signed)
      Convert(static_cast<const std::int8_t*>(in), out, n, f, slope, intercept, st);
    else
      Convert(static_cast<const std::uint8_t*>(in), out, n, f, slope, intercept, st);
  }
}

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

void ReadNative(const SeriesInfo& s, const std::vector<FrameTarget>& targets, HuStats& st) {
  const std::string& file = targets.front().slice->file;
  Fd fd{::open(file.c_str(), O_RDONLY | O_CLOEXEC)};
  if (fd.fd < 0) throw DicomError(file, "", std::strerror(errno), "cannot open");
  const std::size_t n = std::size_t(s.rows) * s.columns;
  const std::size_t bytes = n * std::size_t(s.pixels.bits_allocated / 8);
  std::vector<std::uint8_t> tmp;
  for (const FrameTarget& t : targets) {
    // 16-bit values are read straight into the volume and converted in place.
    void* dst = t.hu;
    if (s.pixels.bits_allocated != 16) {
      tmp.resize(bytes);
      dst = tmp.data();
    }
    std::size_t got = 0;
    while (got < bytes) {
      const ssize_t r = ::pread(fd.fd, static_cast<char*>(dst) + got, bytes - got,
                                off_t(t.slice->pixel_offset + std::int64_t(got)));
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0)
        throw DicomError(file, "(7FE0,0010) PixelData",
                         std::to_string(got) + " of " + std::to_string(bytes) + " bytes",
                         "file truncated while reading pixels");
      got += std::size_t(r);
    }
    if (s.pixels.big_endian && s.pixels.bits_allocated == 16) {
      auto* p = static_cast<std::uint16_t*>(dst);
      for (std::size_t i = 0; i < n; ++i) p[i] = std::uint16_t(p[i] << 8 | p[i] >> 8);
    }
    ConvertAny(dst, t.hu, n, s.pixels, t.slice->rescale_slope, t.slice->rescale_intercept, st);
  }
}

void ReadDecoded(const SeriesInfo& s, const std::vector<FrameTarget>& targets, HuStats& st) {
  const std::string& file = targets.front().slice->file;
  RegisterDecoders();
  const std::optional<InflatedCopy> inflated = InflatedCopy::IfDeflated(file);  // as the scan
  DcmFileFormat ff;
  OFCondition c = ff.loadFile((inflated ? inflated->path() : file).c_str());
  if (c.bad()) throw DicomError(file, "", c.text(), "not readable as DICOM (truncated or corrupt)");
  DcmDataset& ds = *ff.getDataset();
  const std::size_t n = std::size_t(s.rows) * s.columns;
  const std::size_t frame_bytes = n * std::size_t(s.pixels.bits_allocated / 8);
  const int frames = int(GetNumber(ds, DCM_NumberOfFrames).value_or(1));
  if (frames < 1)
    throw DicomError(file, "(0028,0008) NumberOfFrames", std::to_string(frames), "absurd value");
  const E_TransferSyntax original = ds.getOriginalXfer();
  const std::string syntax_tag = TagName(DCM_TransferSyntaxUID);
  std::vector<std::uint8_t> gdcm_buffer;
  const void* base = nullptr;
  std::size_t have = 0;
  // A syntax DCMTK has a decoder for is decoded by DCMTK only: when that decoder refuses the
  // stream, GDCM is not asked to try (its JPEG-LS codec corrupted the heap on a stream DCMTK
  // had refused, see codec_guard.h).
  if (DcmXfer(original).isNotEncapsulated() ||
      DcmCodecList::canChangeCoding(original, EXS_LittleEndianExplicit)) {
    if (IsJpegLs(original))
      if (const std::string problem = JpegLsBindingProblem(); !problem.empty())
        throw DicomError(file, syntax_tag, s.transfer_syntax_uid, problem);
    CheckJpegForDcmtk(ds, file);
    c = ds.chooseRepresentation(EXS_LittleEndianExplicit, nullptr);
    if (c.bad() || !ds.canWriteXfer(EXS_LittleEndianExplicit))
      throw DicomError(file, syntax_tag, s.transfer_syntax_uid,
                       "DCMTK's " + s.transfer_syntax_name +
                           " decoder cannot decode the pixel data: " +
                           (c.bad() ? c.text() : "no uncompressed representation"));
    DcmElement* pd = nullptr;
    if (ds.findAndGetElement(DCM_PixelData, pd).bad() || !pd)
      throw DicomError(file, "(7FE0,0010) PixelData", "", "missing");
    if (s.pixels.bits_allocated == 16) {
      Uint16* p = nullptr;
      if (pd->getUint16Array(p).bad() || !p)
        throw DicomError(file, "(7FE0,0010) PixelData", "", "cannot access decoded pixels");
      base = p;
    } else {
      Uint8* p = nullptr;
      if (pd->getUint8Array(p).bad() || !p)
        throw DicomError(file, "(7FE0,0010) PixelData", "", "cannot access decoded pixels");
      base = p;
    }
    have = pd->getLength();
  } else {
    // DCMTK has no decoder for this syntax (JPEG 2000 ...): GDCM, as shipped with ITK, once
    // the attributes it reads have been checked.
    CheckBeforeGdcm(ds, file);
    std::string why;
    if (!DecodeWithGdcm(MinimalCopyForGdcm(ds, file), std::size_t(frames) * frame_bytes,
                        gdcm_buffer, why))
      throw DicomError(
          file, syntax_tag, s.transfer_syntax_uid,
          "GDCM's " + s.transfer_syntax_name + " decoder cannot decode the pixel data: " + why);
    base = gdcm_buffer.data();
    have = gdcm_buffer.size();
  }
  for (const FrameTarget& t : targets) {
    if (t.slice->frame >= frames)
      throw DicomError(file, "(0028,0008) NumberOfFrames", std::to_string(frames),
                       "frame " + std::to_string(t.slice->frame + 1) + " does not exist");
    const std::size_t off = std::size_t(t.slice->frame) * frame_bytes;
    if (off + frame_bytes > have)
      throw DicomError(
          file, "(7FE0,0010) PixelData", std::to_string(have) + " bytes",
          "decoded pixel data too short for frame " + std::to_string(t.slice->frame + 1));
    ConvertAny(static_cast<const std::uint8_t*>(base) + off, t.hu, n, s.pixels,
               t.slice->rescale_slope, t.slice->rescale_intercept, st);
  }
}

}  // namespace

void HuStats::Merge(const HuStats& o) {
  if (o.clamped) {
    min_unclamped = clamped ? std::min(min_unclamped, o.min_unclamped) : o.min_unclamped;
    max_unclamped = clamped ? std::max(max_unclamped, o.max_unclamped) : o.max_unclamped;
  }
  padded += o.padded;
  clamped += o.clamped;
}

void StoredToHu(const void* stored, std::int16_t* hu, std::size_t n, const PixelFormat& format,
                double slope, double intercept, HuStats& stats) {
  ConvertAny(stored, hu, n, format, slope, intercept, stats);
}

void DecodeFile(const SeriesInfo& s, const std::vector<FrameTarget>& targets, HuStats& st) {
  if (targets.empty()) return;
  const bool native = std::all_of(targets.begin(), targets.end(),
                                  [](const FrameTarget& t) { return t.slice->pixel_offset >= 0; });
  if (native)
    ReadNative(s, targets, st);
  else
    ReadDecoded(s, targets, st);
}

}  // namespace nadir::dicom::detail
