// Internal to dicom/: checks made before a third-party decoder is given a file's pixel data,
// so that malformed input becomes a DicomError instead of an assert, an abort or a corrupted
// heap inside the decoder (dicom/QUIRKS.md, "Decoders and malformed input").
#pragma once

#include <string>

#include "dicom/detail/dcmtk_util.h"

namespace nadir::dicom::detail {

/// Empty when DCMTK's JPEG-LS decoder will call DCMTK's own CharLS; otherwise why it would
/// not. DCMTK (libdcmtkcharls) and GDCM (libcharls.so.2) each bring a CharLS that exports the
/// same unversioned C functions (JpegLsDecode, JpegLsReadHeader) with different structures;
/// the dynamic linker binds every caller in the process to the first one loaded.
std::string JpegLsBindingProblem();

/// Whether `xfer` is JPEG-LS (lossless or near-lossless).
bool IsJpegLs(E_TransferSyntax xfer);

/// Throws DicomError naming the file, the tag and the value when `ds` must not be given to
/// GDCM: a JPEG-LS syntax (see above), a group 0028 attribute whose VR is not the one the
/// dictionary gives (GDCM asserts on it) or whose length does not fit its VR, or
/// encapsulated pixel data without a non-empty fragment.
void CheckBeforeGdcm(DcmDataset& ds, const std::string& file);

}  // namespace nadir::dicom::detail
