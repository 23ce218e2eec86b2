// C-ECHO and C-FIND (Study Root, study then series level) with DCMTK's DcmSCU.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/diutil.h>

#include <memory>

#include "pacs/detail/dimse.h"
#include "pacs/detail/ops.h"

namespace nadir::pacs::detail {

namespace {

constexpr const char* kFindModel = UID_FINDStudyRootQueryRetrieveInformationModel;

std::string Get(DcmDataset* ds, const DcmTagKey& tag) {
  OFString v;
  if (ds) ds->findAndGetOFStringArray(tag, v);
  return v.c_str();
}

int GetInt(DcmDataset* ds, const DcmTagKey& tag) {
  const std::string v = Get(ds, tag);
  try {
    return v.empty() ? 0 : std::stoi(v);
  } catch (const std::exception&) {
    return 0;  // a count the peer left malformed is shown as unknown
  }
}

// Owns DcmSCU's response list.
struct Responses {
  OFList<QRResponse*> list;
  ~Responses() {
    for (QRResponse* r : list) delete r;
  }
};

// One C-FIND on an open association; throws PacsError on a failure status.
std::vector<std::unique_ptr<DcmDataset>> Query(DcmSCU& scu, const std::string& node,
                                               DcmDataset& keys) {
  const T_ASC_PresentationContextID pc = ContextFor(scu, kFindModel);
  Responses r;
  const OFCondition cond = scu.sendFINDRequest(pc, &keys, &r.list);
  if (cond.bad()) throw PacsError(node, "C-FIND", Text(cond));
  std::vector<std::unique_ptr<DcmDataset>> found;
  for (QRResponse* rsp : r.list) {
    if (DICOM_PENDING_STATUS(rsp->m_status)) {
      if (rsp->m_dataset) found.emplace_back(new DcmDataset(*rsp->m_dataset));
    } else if (rsp->m_status != STATUS_Success) {
      throw PacsError(node, "C-FIND", "status " + StatusText(rsp->m_status, DU_cfindStatusString));
    }
  }
  return found;
}

void Open(DcmSCU& scu, const DimseNode& node, const Options& options, const char* sop_class,
          const std::string& operation) {
  Configure(scu, node, options);
  OFList<OFString> ts;
  ts.push_back(UID_LittleEndianExplicitTransferSyntax);
  ts.push_back(UID_LittleEndianImplicitTransferSyntax);
  scu.addPresentationContext(sop_class, ts);
  Associate(scu, Label(node), operation);
}

}  // namespace

void DimseEcho(const DimseNode& node, const Options& options) {
  DcmSCU scu;
  Open(scu, node, options, UID_VerificationSOPClass, "C-ECHO");
  const OFCondition cond = scu.sendECHORequest(0);
  scu.releaseAssociation();
  if (cond.bad()) throw PacsError(Label(node), "C-ECHO", Text(cond));
}

std::vector<StudyRecord> DimseFind(const DimseNode& node, const StudyQuery& q,
                                   const Options& options) {
  DcmSCU scu;
  const std::string label = Label(node);
  Open(scu, node, options, kFindModel, "C-FIND");

  DcmDataset keys;
  keys.putAndInsertString(DCM_QueryRetrieveLevel, "STUDY");
  keys.putAndInsertString(DCM_StudyInstanceUID, q.study_uid.c_str());
  keys.putAndInsertString(DCM_PatientID, q.patient_id.c_str());
  keys.putAndInsertString(DCM_PatientName, q.patient_name.c_str());
  const std::string range =
      q.date_from.empty() && q.date_to.empty() ? "" : q.date_from + "-" + q.date_to;
  keys.putAndInsertString(DCM_StudyDate, range.c_str());
  keys.putAndInsertString(DCM_AccessionNumber, q.accession_number.c_str());
  keys.putAndInsertString(DCM_ModalitiesInStudy, q.modality.c_str());
  keys.putAndInsertString(DCM_StudyDescription, "");
  keys.putAndInsertString(DCM_NumberOfStudyRelatedInstances, "");
  keys.putAndInsertString(DCM_ClinicalTrialSubjectID, q.subject_id.c_str());
  keys.putAndInsertString(DCM_ClinicalTrialTimePointID, q.time_point_id.c_str());

  std::vector<StudyRecord> studies;
  for (const auto& ds : Query(scu, label, keys)) {
    StudyRecord s;
    s.study_uid = Get(ds.get(), DCM_StudyInstanceUID);
    s.patient_id = Get(ds.get(), DCM_PatientID);
    s.patient_name = Get(ds.get(), DCM_PatientName);
    s.study_date = Get(ds.get(), DCM_StudyDate);
    s.accession_number = Get(ds.get(), DCM_AccessionNumber);
    s.description = Get(ds.get(), DCM_StudyDescription);
    s.modalities = Get(ds.get(), DCM_ModalitiesInStudy);
    s.subject_id = Get(ds.get(), DCM_ClinicalTrialSubjectID);
    s.time_point_id = Get(ds.get(), DCM_ClinicalTrialTimePointID);
    s.instances = GetInt(ds.get(), DCM_NumberOfStudyRelatedInstances);
    studies.push_back(std::move(s));
  }
  for (StudyRecord& s : studies) {
    DcmDataset series_keys;
    series_keys.putAndInsertString(DCM_QueryRetrieveLevel, "SERIES");
    series_keys.putAndInsertString(DCM_StudyInstanceUID, s.study_uid.c_str());
    series_keys.putAndInsertString(DCM_SeriesInstanceUID, "");
    series_keys.putAndInsertString(DCM_Modality, "");
    series_keys.putAndInsertString(DCM_SeriesNumber, "");
    series_keys.putAndInsertString(DCM_SeriesDescription, "");
    series_keys.putAndInsertString(DCM_NumberOfSeriesRelatedInstances, "");
    for (const auto& ds : Query(scu, label, series_keys)) {
      SeriesRecord r;
      r.series_uid = Get(ds.get(), DCM_SeriesInstanceUID);
      r.modality = Get(ds.get(), DCM_Modality);
      r.number = Get(ds.get(), DCM_SeriesNumber);
      r.description = Get(ds.get(), DCM_SeriesDescription);
      r.instances = GetInt(ds.get(), DCM_NumberOfSeriesRelatedInstances);
      s.series.push_back(std::move(r));
    }
  }
  scu.releaseAssociation();
  return studies;
}

}  // namespace nadir::pacs::detail
