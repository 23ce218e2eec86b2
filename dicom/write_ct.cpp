// Writing CT Image Storage files with DCMTK (PS3.3 A.3: CT Image IOD).
#include "dicom/write_ct.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "dicom/detail/dcmtk_util.h"
#include "dicom/error.h"

namespace nadir::dicom {
namespace {

// A DS value (PS3.5 6.2: at most 16 characters) that reads back as the same double where
// 16 characters allow it.
std::string FormatDS(double x) {
  char b[40];
  std::string best;
  for (int p = 1; p <= 17; ++p) {
    std::snprintf(b, sizeof b, "%.*g", p, x);
    if (std::char_traits<char>::length(b) > 16) break;
    best = b;
    if (std::strtod(b, nullptr) == x) break;
  }
  return best;
}

std::string DS(std::initializer_list<double> v) {
  std::string s;
  for (double x : v) {
    if (!s.empty()) s += '\\';
    s += FormatDS(x);
  }
  return s;
}

void Put(DcmDataset& ds, const DcmTagKey& tag, const std::string& value, const std::string& file) {
  OFCondition c = ds.putAndInsertString(tag, value.c_str());
  if (c.bad())
    throw DicomError(file, detail::TagName(tag), value, std::string("cannot write: ") + c.text());
}

}  // namespace

std::string NewUid(const std::string& root) {
  char buf[100];
  return dcmGenerateUniqueIdentifier(buf, root.empty() ? SITE_INSTANCE_UID_ROOT : root.c_str());
}

std::vector<std::string> WriteCtSeries(const Volume& v, const CtSeriesHeader& h,
                                       const std::filesystem::path& dir,
                                       const CtSlicePlacement& placement,
                                       const std::string& file_prefix) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw DicomError(dir.string(), "", ec.message(), "cannot create folder");
  const int nx = v.size[0], ny = v.size[1], nz = v.size[2];
  if (v.hu.size() != v.VoxelCount())
    throw DicomError(dir.string(), "Volume::hu", std::to_string(v.hu.size()), "size mismatch");
  const std::string study_uid = h.study_uid.empty() ? NewUid(h.uid_root) : h.study_uid;
  const std::string series_uid = h.series_uid.empty() ? NewUid(h.uid_root) : h.series_uid;
  const std::string for_uid =
      h.frame_of_reference_uid.empty() ? NewUid(h.uid_root) : h.frame_of_reference_uid;
  const auto& d = v.direction;
  const std::array<double, 3> normal{d[1] * d[5] - d[2] * d[4], d[2] * d[3] - d[0] * d[5],
                                     d[0] * d[4] - d[1] * d[3]};
  std::vector<std::string> uids;
  std::vector<std::uint16_t> stored(std::size_t(nx) * ny);
  const int bits = std::clamp(h.bits_stored, 1, 16);
  const double lo = h.pixel_signed ? -std::ldexp(1, bits - 1) : 0;
  const double hi = h.pixel_signed ? std::ldexp(1, bits - 1) - 1 : std::ldexp(1, bits) - 1;

  for (int k = 0; k < nz; ++k) {
    char name[32];
    std::snprintf(name, sizeof name, "%04d.dcm", k + 1);
    const std::string file = (dir / (file_prefix + name)).string();
    const std::string sop =
        k < int(v.sop_uids.size()) && !v.sop_uids[k].empty() ? v.sop_uids[k] : NewUid(h.uid_root);
    uids.push_back(sop);
    const auto pos =
        k < int(placement.positions.size()) ? placement.positions[k] : v.ToPatient(0, 0, k);
    const int instance =
        k < int(placement.instance_numbers.size()) ? placement.instance_numbers[k] : k + 1;
    const std::int16_t* src = v.hu.data() + std::size_t(k) * nx * ny;
    for (std::size_t i = 0; i < stored.size(); ++i) {
      if (h.has_padding && src[i] == h.padding_hu) {
        stored[i] = std::uint16_t(h.padding_value);
        continue;
      }
      const double s = std::nearbyint((src[i] - h.rescale_intercept) / h.rescale_slope);
      if (s < lo || s > hi)
        throw DicomError(file, "(7FE0,0010) PixelData", std::to_string(src[i]) + " HU",
                         "cannot be stored with this rescale and pixel representation");
      stored[i] = std::uint16_t(std::int32_t(s));
    }

    DcmFileFormat ff;
    DcmDataset& ds = *ff.getDataset();
    Put(ds, DCM_SpecificCharacterSet, "ISO_IR 100", file);
    Put(ds, DCM_ImageType, "ORIGINAL\\PRIMARY\\AXIAL", file);
    Put(ds, DCM_SOPClassUID, UID_CTImageStorage, file);
    Put(ds, DCM_SOPInstanceUID, sop, file);
    Put(ds, DCM_StudyDate, h.study_date, file);
    Put(ds, DCM_SeriesDate, h.study_date, file);
    Put(ds, DCM_StudyTime, h.study_time, file);
    Put(ds, DCM_AccessionNumber, h.accession_number, file);
    Put(ds, DCM_Modality, "CT", file);
    Put(ds, DCM_Manufacturer, h.manufacturer, file);
    Put(ds, DCM_StudyDescription, h.study_description, file);
    Put(ds, DCM_SeriesDescription, h.series_description, file);
    Put(ds, DCM_PatientName, h.patient_name, file);
    Put(ds, DCM_PatientID, h.patient_id, file);
    Put(ds, DCM_PatientBirthDate, h.patient_birth_date, file);
    Put(ds, DCM_PatientSex, h.patient_sex, file);
    Put(ds, DCM_BodyPartExamined, "CHEST", file);
    Put(ds, DCM_SliceThickness, FormatDS(v.spacing[2]), file);
    Put(ds, DCM_KVP, FormatDS(h.kvp), file);
    Put(ds, DCM_SpacingBetweenSlices, FormatDS(v.spacing[2]), file);
    Put(ds, DCM_GantryDetectorTilt, FormatDS(h.gantry_tilt_deg), file);
    Put(ds, DCM_PatientPosition, "FFS", file);
    if (!h.clinical_trial_subject_id.empty()) {
      Put(ds, DCM_ClinicalTrialSponsorName, h.clinical_trial_sponsor, file);
      Put(ds, DCM_ClinicalTrialProtocolID, h.clinical_trial_protocol_id, file);
      Put(ds, DCM_ClinicalTrialProtocolName, "", file);
      Put(ds, DCM_ClinicalTrialSiteID, h.clinical_trial_site_id, file);
      Put(ds, DCM_ClinicalTrialSiteName, "", file);
      Put(ds, DCM_ClinicalTrialSubjectID, h.clinical_trial_subject_id, file);
      Put(ds, DCM_ClinicalTrialTimePointID, h.clinical_trial_time_point_id, file);
    }
    Put(ds, DCM_StudyInstanceUID, study_uid, file);
    Put(ds, DCM_SeriesInstanceUID, series_uid, file);
    Put(ds, DCM_StudyID, h.study_id, file);
    Put(ds, DCM_SeriesNumber, std::to_string(h.series_number), file);
    Put(ds, DCM_AcquisitionNumber, "1", file);
    Put(ds, DCM_InstanceNumber, std::to_string(instance), file);
    Put(ds, DCM_ImagePositionPatient, DS({pos[0], pos[1], pos[2]}), file);
    Put(ds, DCM_ImageOrientationPatient, DS({d[0], d[1], d[2], d[3], d[4], d[5]}), file);
    Put(ds, DCM_FrameOfReferenceUID, for_uid, file);
    Put(ds, DCM_PositionReferenceIndicator, "", file);
    Put(ds, DCM_SliceLocation,
        FormatDS(pos[0] * normal[0] + pos[1] * normal[1] + pos[2] * normal[2]), file);
    ds.putAndInsertUint16(DCM_SamplesPerPixel, 1);
    Put(ds, DCM_PhotometricInterpretation, "MONOCHROME2", file);
    ds.putAndInsertUint16(DCM_Rows, std::uint16_t(ny));
    ds.putAndInsertUint16(DCM_Columns, std::uint16_t(nx));
    // PixelSpacing is row spacing (between rows, along j) \ column spacing (along i).
    Put(ds, DCM_PixelSpacing, DS({v.spacing[1], v.spacing[0]}), file);
    ds.putAndInsertUint16(DCM_BitsAllocated, 16);
    ds.putAndInsertUint16(DCM_BitsStored, std::uint16_t(bits));
    ds.putAndInsertUint16(DCM_HighBit, std::uint16_t(bits - 1));
    ds.putAndInsertUint16(DCM_PixelRepresentation, h.pixel_signed ? 1 : 0);
    if (h.has_padding) {
      if (h.pixel_signed) {
        auto* e = new DcmSignedShort(DcmTag(DCM_PixelPaddingValue, EVR_SS));
        e->putSint16(Sint16(h.padding_value));
        ds.insert(e, true);
      } else {
        auto* e = new DcmUnsignedShort(DcmTag(DCM_PixelPaddingValue, EVR_US));
        e->putUint16(Uint16(h.padding_value));
        ds.insert(e, true);
      }
    }
    Put(ds, DCM_WindowCenter, FormatDS(h.window_center), file);
    Put(ds, DCM_WindowWidth, FormatDS(h.window_width), file);
    Put(ds, DCM_RescaleIntercept, FormatDS(h.rescale_intercept), file);
    Put(ds, DCM_RescaleSlope, FormatDS(h.rescale_slope), file);
    Put(ds, DCM_RescaleType, "HU", file);
    OFCondition c = ds.putAndInsertUint16Array(DCM_PixelData, stored.data(), stored.size());
    if (c.bad()) throw DicomError(file, "(7FE0,0010) PixelData", "", c.text());
    c = ff.saveFile(file.c_str(), EXS_LittleEndianExplicit);
    if (c.bad()) throw DicomError(file, "", c.text(), "cannot write file");
  }
  return uids;
}

}  // namespace nadir::dicom
