// Reading one file's header: the fields a slice needs, checked, with errors that name the
// file, tag and value. Pixel data is not read (DCMTK leaves large values on disk), but its
// byte offset is found for native transfer syntaxes so LoadSeries can read it with one pread.
#include "dicom/detail/image_header.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>

#include "dicom/detail/dcmtk_util.h"
#include "dicom/detail/inflated_copy.h"
#include "dicom/error.h"

namespace nadir::dicom::detail {
namespace {

// Values above this many bytes stay on disk while parsing (pixel data, big private blobs).
constexpr Uint32 kMaxHeaderValueBytes = 4096;
// Sanity limits for outside input: beyond these a header is treated as corrupt.
constexpr long kMaxRowsOrColumns = 16384;
constexpr long kMaxFrames = 20000;
// One image's decoded voxels (16-bit HU) beyond this are refused before anything is
// allocated: within the limits above a header could still claim terabytes.
constexpr long long kMaxImageHuBytes = 2LL << 30;  // 2 GiB, LoadOptions' default budget too

std::string Num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", v);
  return b;
}

std::string Or(const std::optional<std::string>& s) { return s ? *s : std::string(); }

[[noreturn]] void Fail(const std::string& file, const DcmTagKey& tag, const std::string& value,
                       const std::string& problem) {
  throw DicomError(file, TagName(tag), value, problem);
}

double Required(DcmItem& item, const std::string& file, const DcmTagKey& tag, long pos = 0) {
  auto v = GetNumber(item, tag, pos);
  if (!v) Fail(file, tag, Or(GetStringAll(item, tag)), "missing or not a number");
  return *v;
}

// The image pixel module's numbers (PS3.3 C.7.6.3) are US with one value; PixelPaddingValue
// is US or SS. A file that encodes one otherwise (BitsStored as FL with a 2-byte value) is
// refused, naming the tag, its VR and length, rather than read as absent and defaulted: the
// HU conversion depends on these numbers, and GDCM asserts on a VR it does not expect.
std::optional<long> PixelModuleNumber(DcmItem& item, const std::string& file, const DcmTagKey& tag,
                                      bool signed_allowed = false) {
  DcmElement* e = nullptr;
  // Empty is absent, as GetNumber reads it (required ones are then reported as missing).
  if (item.findAndGetElement(tag, e).bad() || !e || e->getLength() == 0) return std::nullopt;
  const DcmEVR vr = e->ident();
  const bool vr_ok = vr == EVR_US || (signed_allowed && vr == EVR_SS);
  if (!vr_ok || e->getLength() != 2)
    Fail(file, tag,
         "VR " + std::string(DcmVR(vr).getVRName()) + ", " + std::to_string(e->getLength()) +
             " bytes",
         std::string("malformed: expected VR US") + (signed_allowed ? " or SS" : "") +
             " with one 2-byte value (PS3.3 C.7.6.3)");
  if (vr == EVR_SS) {
    Sint16 v = 0;
    e->getSint16(v);
    return v;
  }
  Uint16 v = 0;
  e->getUint16(v);
  return v;
}

// Geometry for one frame: from the per-frame functional group, else the shared one, else
// (classic images) the dataset itself.
DcmItem* FindGroup(DcmItem* per, DcmItem* shared, const DcmTagKey& seq) {
  if (per)
    if (DcmItem* i = GetItem(*per, seq)) return i;
  if (shared)
    if (DcmItem* i = GetItem(*shared, seq)) return i;
  return nullptr;
}

// Confirms that the native pixel bytes start at `offset` by checking the element header
// right before it (PS3.5 7.1.1-7.1.2): tag (7FE0,0010), VR OW/OB for explicit VR, length.
bool PixelHeaderAt(const std::string& file, long long offset, E_TransferSyntax xfer, Uint32 len) {
  const int header = xfer == EXS_LittleEndianImplicit ? 8 : 12;
  if (offset < header) return false;
  FILE* f = std::fopen(file.c_str(), "rb");
  if (!f) return false;
  unsigned char b[12];
  const bool ok = std::fseek(f, long(offset - header), SEEK_SET) == 0 &&
                  std::fread(b, 1, size_t(header), f) == size_t(header);
  std::fclose(f);
  if (!ok) return false;
  const bool big = xfer == EXS_BigEndianExplicit;
  const unsigned char tag_le[4] = {0xE0, 0x7F, 0x10, 0x00}, tag_be[4] = {0x7F, 0xE0, 0x00, 0x10};
  if (std::memcmp(b, big ? tag_be : tag_le, 4) != 0) return false;
  const unsigned char* l = b + (header - 4);
  const Uint32 got = big ? (Uint32(l[0]) << 24 | Uint32(l[1]) << 16 | Uint32(l[2]) << 8 | l[3])
                         : (Uint32(l[3]) << 24 | Uint32(l[2]) << 16 | Uint32(l[1]) << 8 | l[0]);
  if (got != len) return false;
  if (header == 12 && !(b[4] == 'O' && (b[5] == 'W' || b[5] == 'B'))) return false;
  return true;
}

}  // namespace

ImageHeader ReadImageHeader(const std::string& file) {
  ImageHeader h;
  h.file = file;
  std::error_code ec;
  const auto file_size = std::filesystem::file_size(file, ec);
  if (ec) throw DicomError(file, "", ec.message(), "cannot read file");
  if (file_size < 132)
    throw DicomError(file, "", std::to_string(file_size) + " bytes", "not DICOM: too short");

  // A deflated file is read from an inflated copy (inflated_copy.h); it is still named as itself.
  const std::optional<InflatedCopy> inflated = InflatedCopy::IfDeflated(file);
  const std::string& source = inflated ? inflated->path() : file;
  DcmFileFormat ff;
  OFCondition cond =
      ff.loadFile(source.c_str(), EXS_Unknown, EGL_noChange, kMaxHeaderValueBytes, ERM_autoDetect);
  DcmDataset& ds = *ff.getDataset();
  if (cond.bad()) {
    // Name the last element DCMTK could parse: the file breaks in or right after it.
    const unsigned long n = ds.card();
    if (ff.getMetaInfo()->card() == 0)
      throw DicomError(file, "", cond.text(),
                       "not DICOM (no DICM file header, no parsable dataset)");
    if (n == 0)
      throw DicomError(file, "", cond.text(), "not readable as DICOM (truncated or corrupt)");
    throw DicomError(file, TagName(ds.getElement(n - 1)->getTag()), cond.text(),
                     "truncated or corrupt: reading stopped in or after this element");
  }
  DcmMetaInfo& meta = *ff.getMetaInfo();

  h.sop_class_uid = Or(GetString(ds, DCM_SOPClassUID));
  if (h.sop_class_uid.empty()) h.sop_class_uid = Or(GetString(meta, DCM_MediaStorageSOPClassUID));
  h.sop_uid = Or(GetString(ds, DCM_SOPInstanceUID));
  const bool has_meta = meta.card() > 0;
  if (!has_meta && h.sop_class_uid.empty())
    throw DicomError(file, "", "", "not DICOM: no meta header and no SOPClassUID");
  if (h.sop_class_uid == UID_MediaStorageDirectoryStorage)
    throw DicomError(file, "", "", "not an image: DICOMDIR");

  DcmElement* pixel = nullptr;
  if (ds.findAndGetElement(DCM_PixelData, pixel).bad() || !pixel)
    throw DicomError(file, TagName(DCM_PixelData), "", "not an image: no pixel data");
  if (h.sop_uid.empty()) Fail(file, DCM_SOPInstanceUID, "", "missing");

  h.patient_id = Or(GetString(ds, DCM_PatientID));
  h.patient_name = Or(GetString(ds, DCM_PatientName));
  h.study_uid = Or(GetString(ds, DCM_StudyInstanceUID));
  h.study_date = Or(GetString(ds, DCM_StudyDate));
  h.study_description = Or(GetString(ds, DCM_StudyDescription));
  h.accession_number = Or(GetString(ds, DCM_AccessionNumber));
  h.series_uid = Or(GetString(ds, DCM_SeriesInstanceUID));
  h.series_description = Or(GetString(ds, DCM_SeriesDescription));
  h.modality = Or(GetString(ds, DCM_Modality));
  h.frame_of_reference_uid = Or(GetString(ds, DCM_FrameOfReferenceUID));
  h.series_number = int(GetNumber(ds, DCM_SeriesNumber).value_or(0));
  h.acquisition_number = int(GetNumber(ds, DCM_AcquisitionNumber).value_or(0));
  if (h.series_uid.empty()) Fail(file, DCM_SeriesInstanceUID, "", "missing");

  if (inflated)  // the copy says Explicit VR Little Endian; the file is deflated
    meta.putAndInsertString(DCM_TransferSyntaxUID,
                            UID_DeflatedExplicitVRLittleEndianTransferSyntax);
  const E_TransferSyntax xfer = inflated ? EXS_DeflatedLittleEndianExplicit : ds.getOriginalXfer();
  h.transfer_syntax_uid = Or(GetString(meta, DCM_TransferSyntaxUID));
  const DcmXfer x(xfer);
  if (h.transfer_syntax_uid.empty()) h.transfer_syntax_uid = x.getXferID();
  h.transfer_syntax_name = x.getXferName();

  // Image pixel module, PS3.3 C.7.6.3.
  for (const DcmTagKey& tag :
       {DCM_SamplesPerPixel, DCM_PlanarConfiguration, DCM_Rows, DCM_Columns, DCM_BitsAllocated,
        DCM_BitsStored, DCM_HighBit, DCM_PixelRepresentation})
    PixelModuleNumber(ds, file, tag);
  PixelModuleNumber(ds, file, DCM_PixelPaddingValue, true);
  const double rows = Required(ds, file, DCM_Rows), cols = Required(ds, file, DCM_Columns);
  if (rows < 1 || rows > kMaxRowsOrColumns) Fail(file, DCM_Rows, Num(rows), "absurd value");
  if (cols < 1 || cols > kMaxRowsOrColumns) Fail(file, DCM_Columns, Num(cols), "absurd value");
  h.rows = int(rows);
  h.columns = int(cols);
  const double frames = GetNumber(ds, DCM_NumberOfFrames).value_or(1);
  if (frames < 1 || frames > kMaxFrames)
    Fail(file, DCM_NumberOfFrames, Num(frames), "absurd value");
  h.frames = int(frames);
  PixelFormat& pf = h.pixels;
  pf.samples_per_pixel = int(GetNumber(ds, DCM_SamplesPerPixel).value_or(1));
  if (pf.samples_per_pixel != 1)
    Fail(file, DCM_SamplesPerPixel, Num(pf.samples_per_pixel), "not a greyscale CT image");
  const long long hu_bytes =
      (long long)h.rows * h.columns * h.frames * (long long)sizeof(std::int16_t);
  if (hu_bytes > kMaxImageHuBytes)
    Fail(file, DCM_NumberOfFrames, Num(frames),
         std::to_string(h.rows) + " rows x " + std::to_string(h.columns) + " columns x " +
             std::to_string(h.frames) + " frames = " + std::to_string(hu_bytes) +
             " bytes of HU, more than the " + std::to_string(kMaxImageHuBytes) +
             " bytes one image may claim");
  pf.bits_allocated = int(Required(ds, file, DCM_BitsAllocated));
  if (pf.bits_allocated != 8 && pf.bits_allocated != 16)
    Fail(file, DCM_BitsAllocated, Num(pf.bits_allocated), "unsupported (8 or 16 expected)");
  pf.bits_stored = int(GetNumber(ds, DCM_BitsStored).value_or(pf.bits_allocated));
  if (pf.bits_stored < 1 || pf.bits_stored > pf.bits_allocated)
    Fail(file, DCM_BitsStored, Num(pf.bits_stored), "inconsistent with BitsAllocated");
  pf.high_bit = int(GetNumber(ds, DCM_HighBit).value_or(pf.bits_stored - 1));
  if (pf.high_bit < pf.bits_stored - 1 || pf.high_bit >= pf.bits_allocated)
    Fail(file, DCM_HighBit, Num(pf.high_bit), "inconsistent with BitsStored/BitsAllocated");
  const double rep = GetNumber(ds, DCM_PixelRepresentation).value_or(0);
  if (rep != 0 && rep != 1) Fail(file, DCM_PixelRepresentation, Num(rep), "must be 0 or 1");
  pf.is_signed = rep == 1;
  pf.big_endian = xfer == EXS_BigEndianExplicit;
  if (auto pad = GetNumber(ds, DCM_PixelPaddingValue)) {
    pf.has_padding = true;
    // US/SS ambiguity (PS3.3 C.7.5.1.1.2): take the value as the pixels' representation.
    long v = long(*pad);
    if (pf.is_signed && pf.bits_allocated == 16 && v > 32767) v -= 65536;
    pf.padding_value = v;
  }
  if (auto tilt = GetNumber(ds, DCM_GantryDetectorTilt)) h.gantry_tilt_deg = *tilt;
  h.slice_thickness = GetNumber(ds, DCM_SliceThickness).value_or(0);

  // Plane geometry, PS3.3 C.7.6.2 (classic) and C.7.6.16 (functional groups, multi-frame).
  DcmItem* shared = GetItem(ds, DCM_SharedFunctionalGroupsSequence);
  DcmItem* per0 = GetItem(ds, DCM_PerFrameFunctionalGroupsSequence, 0);
  const bool enhanced = shared || per0;
  auto plane_orientation = [&](DcmItem* per) -> DcmItem& {
    DcmItem* g = enhanced ? FindGroup(per, shared, DCM_PlaneOrientationSequence) : nullptr;
    return g ? *g : ds;
  };
  auto read_orientation = [&](DcmItem& item) {
    auto o = GetNumbers(item, DCM_ImageOrientationPatient, 6);
    if (!o)
      Fail(file, DCM_ImageOrientationPatient, Or(GetStringAll(item, DCM_ImageOrientationPatient)),
           "missing or not six numbers");
    std::array<double, 6> a;
    for (int i = 0; i < 6; ++i) a[i] = (*o)[i];
    const double nr = std::hypot(a[0], a[1], a[2]), nc = std::hypot(a[3], a[4], a[5]);
    const double dot = a[0] * a[3] + a[1] * a[4] + a[2] * a[5];
    if (std::abs(nr - 1) > 1e-2 || std::abs(nc - 1) > 1e-2 || std::abs(dot) > 1e-2)
      Fail(file, DCM_ImageOrientationPatient, Or(GetStringAll(item, DCM_ImageOrientationPatient)),
           "not two orthogonal unit vectors");
    for (int i = 0; i < 3; ++i) a[i] /= nr, a[i + 3] /= nc;
    return a;
  };
  h.orientation = read_orientation(plane_orientation(per0));

  DcmItem* measures = enhanced ? FindGroup(per0, shared, DCM_PixelMeasuresSequence) : nullptr;
  DcmItem& spacing_item = measures ? *measures : ds;
  if (auto ps = GetNumbers(spacing_item, DCM_PixelSpacing, 2)) {
    if ((*ps)[0] <= 0 || (*ps)[1] <= 0 || (*ps)[0] > 100 || (*ps)[1] > 100)
      Fail(file, DCM_PixelSpacing, Or(GetStringAll(spacing_item, DCM_PixelSpacing)),
           "absurd value");
    h.pixel_spacing = {(*ps)[0], (*ps)[1]};
    h.has_pixel_spacing = true;
  } else {
    Fail(file, DCM_PixelSpacing, Or(GetStringAll(spacing_item, DCM_PixelSpacing)),
         "missing: millimetres cannot be measured without it");
  }
  if (measures)
    h.slice_thickness = GetNumber(*measures, DCM_SliceThickness).value_or(h.slice_thickness);

  for (int f = 0; f < h.frames; ++f) {
    DcmItem* per = enhanced ? GetItem(ds, DCM_PerFrameFunctionalGroupsSequence, f) : nullptr;
    if (enhanced && f > 0 && per) {
      const auto o = read_orientation(plane_orientation(per));
      for (int i = 0; i < 6; ++i)
        if (std::abs(o[i] - h.orientation[i]) > 1e-3)
          Fail(file, DCM_ImageOrientationPatient, "frame " + std::to_string(f + 1),
               "orientation differs between frames of one multi-frame image");
    }
    DcmItem* pos_item = enhanced ? FindGroup(per, shared, DCM_PlanePositionSequence) : &ds;
    if (!pos_item && h.frames == 1) pos_item = &ds;
    if (!pos_item)
      Fail(file, DCM_PlanePositionSequence, "frame " + std::to_string(f + 1), "missing");
    auto p = GetNumbers(*pos_item, DCM_ImagePositionPatient, 3);
    if (!p)
      Fail(file, DCM_ImagePositionPatient, Or(GetStringAll(*pos_item, DCM_ImagePositionPatient)),
           "missing or not three numbers");
    if (!enhanced && h.frames > 1 && f > 0)
      Fail(file, DCM_PerFrameFunctionalGroupsSequence, "",
           "multi-frame image without per-frame positions");
    DcmItem* pvt =
        enhanced ? FindGroup(per, shared, DCM_PixelValueTransformationSequence) : nullptr;
    DcmItem& rescale_item = pvt ? *pvt : ds;
    SliceRef s;
    s.file = file;
    s.frame = f;
    s.sop_uid = h.sop_uid;
    s.instance_number = int(GetNumber(ds, DCM_InstanceNumber).value_or(0));
    s.position = {(*p)[0], (*p)[1], (*p)[2]};
    s.rescale_slope = GetNumber(rescale_item, DCM_RescaleSlope).value_or(1.0);
    s.rescale_intercept = GetNumber(rescale_item, DCM_RescaleIntercept).value_or(0.0);
    if (s.rescale_slope == 0 || std::abs(s.rescale_slope) > 1e6)
      Fail(file, DCM_RescaleSlope, Num(s.rescale_slope), "absurd value");
    if (std::abs(s.rescale_intercept) > 1e7)
      Fail(file, DCM_RescaleIntercept, Num(s.rescale_intercept), "absurd value");
    h.frames_info.push_back(s);
  }

  // Native pixel data: its length must hold every frame; find its offset for the fast path.
  const long long needed = FrameBytes(h) * h.frames;
  const bool native = xfer == EXS_LittleEndianImplicit || xfer == EXS_LittleEndianExplicit ||
                      xfer == EXS_BigEndianExplicit;
  if (native) {
    const Uint32 len = pixel->getLength();
    if (len == DCM_UndefinedLength || (long long)len < needed)
      throw DicomError(file, TagName(DCM_PixelData), std::to_string(len) + " bytes",
                       "pixel data too short for " + std::to_string(h.rows) + "x" +
                           std::to_string(h.columns) + "x" + std::to_string(h.frames) + " at " +
                           std::to_string(pf.bits_allocated) + " bits (" + std::to_string(needed) +
                           " bytes)");
    const unsigned long n = ds.card();
    const bool last = n > 0 && ds.getElement(n - 1)->getTag() == DCM_PixelData;
    const long long offset = (long long)file_size - len;
    if ((long long)file_size < len)
      throw DicomError(file, TagName(DCM_PixelData), std::to_string(len) + " bytes",
                       "file truncated: it has only " + std::to_string(file_size) + " bytes");
    if (last && PixelHeaderAt(file, offset, xfer, len))
      for (int f = 0; f < h.frames; ++f) h.frames_info[f].pixel_offset = offset + FrameBytes(h) * f;
  }
  return h;
}

}  // namespace nadir::dicom::detail
