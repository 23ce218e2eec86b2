// Internal to dicom/: checks made before a third-party decoder is given a file's pixel data,
// so that malformed input becomes a DicomError instead of an assert, an abort or a corrupted
// heap inside the decoder (dicom/QUIRKS.md, "Decoders and malformed input").
#pragma once

#include <cstddef>
#include <string>

#include "dicom/detail/dcmtk_util.h"

namespace nadir::dicom::detail {

/// Empty when DCMTK's JPEG-LS decoder will call DCMTK's own CharLS; otherwise why it would
/// not. DCMTK (libdcmtkcharls) and GDCM (libcharls.so.2) each bring a CharLS that exports the
/// same unversioned C functions (JpegLsDecode, JpegLsReadHeader) with different structures;
/// the dynamic linker binds every caller in the process to the first one loaded.
std::string JpegLsBindingProblem();

/// The fragments of `ds`'s encapsulated pixel data (item 0: the basic offset table), or nullptr
/// when it has none in its original transfer syntax.
DcmPixelSequence* EncapsulatedFragments(DcmDataset& ds);

/// Whether `xfer` is JPEG-LS (lossless or near-lossless).
bool IsJpegLs(E_TransferSyntax xfer);

/// Throws DicomError naming the file, the tag and the value when `ds` must not be given to
/// GDCM: a JPEG-LS syntax (see above), a group 0028 attribute whose VR is not the one the
/// dictionary gives (GDCM asserts on it) or whose length does not fit its VR, encapsulated
/// pixel data without a non-empty fragment, or JPEG 2000 streams CheckJpeg2000Streams refuses.
void CheckBeforeGdcm(DcmDataset& ds, const std::string& file);

/// Throws DicomError when a JPEG 2000 codestream in `ds`'s fragments declares an image other
/// than the header's (columns x rows x samples per pixel) or more tiles than the standard
/// allows: OpenJPEG would allocate what the stream declares before decoding a byte of it.
void CheckJpeg2000Streams(DcmDataset& ds, const std::string& file);

/// Whether DCMTK's JPEG (ISO/IEC 10918: baseline, extended, lossless) decoder handles `xfer`.
bool IsDcmtkJpeg(E_TransferSyntax xfer);

/// Returned by TemMarkerBeforeFrameHeader when the stream is safe for DCMTK's scan.
inline constexpr std::size_t kNoTem = std::size_t(-1);

/// Walks a JPEG stream's markers as DCMTK 3.6.7 does to find the frame header's precision, and
/// returns the byte offset of a TEM marker (FF01) met before it, or kNoTem. DCMTK's walk does
/// not advance past TEM and loops forever (DCMTK bug #1190, fixed upstream in 2026, after the
/// version Debian 12 ships); dicom_scan_fuzz found it.
std::size_t TemMarkerBeforeFrameHeader(const Uint8* data, std::size_t length);

/// Throws DicomError naming the file, (7FE0,0010) and the TEM marker's offset when `ds` is
/// JPEG whose first fragment makes DCMTK's decoder loop (TemMarkerBeforeFrameHeader).
void CheckJpegForDcmtk(DcmDataset& ds, const std::string& file);

/// The bytes of a new, minimal DICOM file holding only what decoding needs, written by DCMTK
/// from `ds`: the transfer syntax, the Image Pixel attributes (group 0028) and the pixel data.
/// GDCM reads this instead of the original file, so that it never parses the original's
/// other attributes or its meta header, where a malformed length made it allocate gigabytes
/// before failing (dicom_scan_fuzz, issue 18). Throws DicomError when DCMTK cannot write it.
std::string MinimalCopyForGdcm(DcmDataset& ds, const std::string& file);

}  // namespace nadir::dicom::detail
