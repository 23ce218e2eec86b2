// C-GET (the default) and C-MOVE to nadir's own storage SCP (the fallback) with DCMTK. Each
// instance is received straight into SOP_UID.dcm.part, bit for bit as sent, and renamed when
// complete; a cancel or failure leaves no .dcm that is not whole.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/diutil.h>
#include <dcmtk/dcmnet/scp.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <thread>

#include "pacs/detail/dimse.h"
#include "pacs/detail/ops.h"

namespace nadir::pacs::detail {

namespace {

namespace fs = std::filesystem;

// One SCP-role presentation context per storage SOP class fits in an association's 128 with
// room for the retrieve context itself (PS3.8 9.3.2.2: odd context IDs 1..255).
constexpr int kMaxStorageContexts = 120;

// Transfer syntaxes accepted for incoming instances, uncompressed first: the sender keeps an
// instance's own syntax when it is in the list, so pixel data arrive as stored.
OFList<OFString> AcceptedSyntaxes() {
  OFList<OFString> ts;
  for (const char* uid :
       {UID_LittleEndianExplicitTransferSyntax, UID_LittleEndianImplicitTransferSyntax,
        UID_BigEndianExplicitTransferSyntax, UID_DeflatedExplicitVRLittleEndianTransferSyntax,
        UID_JPEGProcess1TransferSyntax, UID_JPEGProcess2_4TransferSyntax,
        UID_JPEGProcess14TransferSyntax, UID_JPEGProcess14SV1TransferSyntax,
        UID_JPEGLSLosslessTransferSyntax, UID_JPEGLSLossyTransferSyntax,
        UID_JPEG2000LosslessOnlyTransferSyntax, UID_JPEG2000TransferSyntax,
        UID_RLELosslessTransferSyntax})
    ts.push_back(uid);
  return ts;
}

fs::path FinalName(const fs::path& out, const std::string& sop_uid) {
  return out / (sop_uid + ".dcm");
}

// Shared by both paths: counts, files and failures, reported through the callbacks.
struct Tally {
  const Callbacks& callbacks;
  TransferResult& result;
  std::mutex mutex;
  Progress progress;

  bool Cancelled() const { return callbacks.cancelled && callbacks.cancelled(); }
  void Stored(const fs::path& file) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    std::lock_guard lock(mutex);
    result.files.push_back(file);
    progress.done++;
    progress.bytes += ec ? 0 : size;
    result.bytes = progress.bytes;
  }
  void Failed(const std::string& sop, const std::string& status) {
    std::lock_guard lock(mutex);
    result.failed.push_back({sop, "", status});
    progress.failed++;
  }
  void Report() {
    Progress p;
    {
      std::lock_guard lock(mutex);
      p = progress;
    }
    if (callbacks.on_progress) callbacks.on_progress(p);
  }
};

// Receives one C-STORE's dataset into PATH.part and renames it; false on failure.
template <typename Receive>
bool ReceiveInto(const fs::path& out, const std::string& sop, Tally& tally, Receive receive) {
  const fs::path final_name = FinalName(out, sop);
  const fs::path part = final_name.string() + ".part";
  if (!receive(part.string()).good()) {
    fs::remove(part);
    tally.Failed(sop, "the instance could not be received or written");
    return false;
  }
  std::error_code ec;
  fs::rename(part, final_name, ec);
  if (ec) {
    fs::remove(part);
    tally.Failed(sop, "cannot rename into place: " + ec.message());
    return false;
  }
  tally.Stored(final_name);
  return true;
}

class GetScu : public DcmSCU {
 public:
  GetScu(const fs::path& out, Tally& tally) : out_(out), tally_(tally) {}

 protected:
  OFCondition handleSTORERequestFile(T_ASC_PresentationContextID* pc, const OFString&,
                                     T_DIMSE_C_StoreRQ* rq) override {
    if (tally_.Cancelled()) return DIMSE_READPDVFAILED;  // ends the C-GET session
    const bool ok = ReceiveInto(
        out_, rq->AffectedSOPInstanceUID, tally_,
        [&](const std::string& f) { return DcmSCU::handleSTORERequestFile(pc, f.c_str(), rq); });
    tally_.Report();
    return ok ? EC_Normal : EC_IllegalCall;
  }
  OFCondition handleCGETResponse(T_ASC_PresentationContextID pc, RetrieveResponse* rsp,
                                 OFBool& go_on) override {
    if (rsp && DICOM_PENDING_STATUS(rsp->m_status)) {
      std::lock_guard lock(tally_.mutex);
      tally_.progress.total = rsp->m_numberOfRemainingSubops + rsp->m_numberOfCompletedSubops +
                              rsp->m_numberOfFailedSubops + rsp->m_numberOfWarningSubops;
    }
    const OFCondition c = DcmSCU::handleCGETResponse(pc, rsp, go_on);
    if (tally_.Cancelled()) go_on = OFFalse;
    return c;
  }

 private:
  fs::path out_;
  Tally& tally_;
};

// nadir's own storage SCP for C-MOVE: accepts C-STORE (and C-ECHO) until stopped.
class MoveDestination : public DcmSCP {
 public:
  MoveDestination(const fs::path& out, Tally& tally) : out_(out), tally_(tally) {}
  std::atomic<bool> stop{false};

 protected:
  OFCondition handleIncomingCommand(T_DIMSE_Message* msg,
                                    const DcmPresentationContextInfo& info) override {
    if (msg->CommandField != DIMSE_C_STORE_RQ) return DcmSCP::handleIncomingCommand(msg, info);
    T_DIMSE_C_StoreRQ& rq = msg->msg.CStoreRQ;
    if (tally_.Cancelled()) {
      // Answer, then hang up: the PACS stops its sub-operations.
      sendSTOREResponse(info.presentationContextID, rq, STATUS_STORE_Refused_OutOfResources);
      abortAssociation();
      return DIMSE_READPDVFAILED;
    }
    const bool ok = ReceiveInto(out_, rq.AffectedSOPInstanceUID, tally_, [&](const std::string& f) {
      return receiveSTORERequest(rq, info.presentationContextID, f.c_str());
    });
    return sendSTOREResponse(info.presentationContextID, rq,
                             ok ? STATUS_Success : STATUS_STORE_Refused_OutOfResources);
  }
  OFBool stopAfterConnectionTimeout() override { return stop.load(); }
  OFBool stopAfterCurrentAssociation() override { return stop.load(); }

 private:
  fs::path out_;
  Tally& tally_;
};

void AddStorageContexts(DcmSCU& scu) {
  const OFList<OFString> ts = AcceptedSyntaxes();
  for (int i = 0; i < numberOfDcmLongSCUStorageSOPClassUIDs && i < kMaxStorageContexts; ++i)
    scu.addPresentationContext(dcmLongSCUStorageSOPClassUIDs[i], ts, ASC_SC_ROLE_SCP);
}

DcmDataset Keys(const std::string& study_uid, const std::string& series_uid) {
  DcmDataset keys;
  keys.putAndInsertString(DCM_QueryRetrieveLevel, series_uid.empty() ? "STUDY" : "SERIES");
  keys.putAndInsertString(DCM_StudyInstanceUID, study_uid.c_str());
  if (!series_uid.empty()) keys.putAndInsertString(DCM_SeriesInstanceUID, series_uid.c_str());
  return keys;
}

// The final status of a C-GET / C-MOVE: nothing to say on success, else a PacsError's text.
std::string FinalStatus(const OFList<RetrieveResponse*>& list, const char* (*name)(Uint16),
                        int* completed) {
  std::string problem = "no final response";
  for (RetrieveResponse* r : list) {
    if (DICOM_PENDING_STATUS(r->m_status)) continue;
    *completed = r->m_numberOfCompletedSubops;
    if (r->m_status == STATUS_Success) {
      problem.clear();
    } else {
      problem = "status " + StatusText(r->m_status, name) + ", " +
                std::to_string(r->m_numberOfCompletedSubops) + " completed, " +
                std::to_string(r->m_numberOfFailedSubops) + " failed, " +
                std::to_string(r->m_numberOfWarningSubops) + " warnings";
    }
  }
  return problem;
}

struct RetrieveResponses {
  OFList<RetrieveResponse*> list;
  ~RetrieveResponses() {
    for (RetrieveResponse* r : list) delete r;
  }
};

// true: done (result filled); false: the peer has no C-GET (try C-MOVE).
bool TryGet(const DimseNode& node, DcmDataset& keys, const fs::path& out, const Options& options,
            Tally& tally) {
  const std::string label = Label(node);
  GetScu scu(out, tally);
  Configure(scu, node, options);
  scu.setStorageMode(DCMSCU_STORAGE_BIT_PRESERVING);
  scu.setStorageDir(out.c_str());
  OFList<OFString> ts;
  ts.push_back(UID_LittleEndianExplicitTransferSyntax);
  ts.push_back(UID_LittleEndianImplicitTransferSyntax);
  scu.addPresentationContext(UID_GETStudyRootQueryRetrieveInformationModel, ts);
  AddStorageContexts(scu);
  try {
    Associate(scu, label, "C-GET");
  } catch (const PacsError& e) {
    if (e.status().find("no presentation context") != std::string::npos) return false;
    throw;
  }
  const T_ASC_PresentationContextID pc =
      ContextFor(scu, UID_GETStudyRootQueryRetrieveInformationModel);
  if (pc == 0) {
    scu.releaseAssociation();
    return false;
  }
  RetrieveResponses r;
  const OFCondition cond = scu.sendCGETRequest(pc, &keys, &r.list);
  tally.result.method = "C-GET";
  if (tally.Cancelled()) {
    scu.abortAssociation();
    tally.result.cancelled = true;
    return true;
  }
  if (cond.bad()) {
    scu.abortAssociation();
    throw PacsError(label, "C-GET", Text(cond));
  }
  scu.releaseAssociation();
  int completed = 0;
  const std::string problem = FinalStatus(r.list, DU_cgetStatusString, &completed);
  if (!problem.empty()) throw PacsError(label, "C-GET", problem);
  if (completed == 0 && tally.result.files.empty())
    throw PacsError(label, "C-GET", "no instance matched (unknown study or series UID?)");
  return true;
}

void Move(const DimseNode& node, DcmDataset& keys, const fs::path& out, const Options& options,
          Tally& tally) {
  const std::string label = Label(node);
  MoveDestination scp(out, tally);
  scp.setAETitle(options.own_aet.c_str());
  scp.setPort(static_cast<Uint16>(options.move_port));
  scp.setConnectionBlockingMode(DUL_NOBLOCK);
  scp.setConnectionTimeout(1);  // how often the listener looks at `stop`
  scp.setDIMSEBlockingMode(DIMSE_NONBLOCKING);
  scp.setDIMSETimeout(options.timeout_s);
  scp.setACSETimeout(options.timeout_s);
  const OFList<OFString> ts = AcceptedSyntaxes();
  for (int i = 0; i < numberOfDcmLongSCUStorageSOPClassUIDs; ++i)
    scp.addPresentationContext(dcmLongSCUStorageSOPClassUIDs[i], ts);
  scp.addPresentationContext(UID_VerificationSOPClass, ts);
  OFCondition listen_cond = EC_Normal;
  if (scp.openListenPort().bad())
    throw PacsError(label, "C-MOVE",
                    "cannot listen on port " + std::to_string(options.move_port) +
                        " for the move destination " + options.own_aet);
  std::thread listener([&] { listen_cond = scp.acceptAssociations(); });
  struct Stop {
    MoveDestination& scp;
    std::thread& t;
    ~Stop() {
      scp.stop = true;
      t.join();
    }
  } stop{scp, listener};

  DcmSCU scu;
  Configure(scu, node, options);
  OFList<OFString> syntaxes;
  syntaxes.push_back(UID_LittleEndianExplicitTransferSyntax);
  syntaxes.push_back(UID_LittleEndianImplicitTransferSyntax);
  scu.addPresentationContext(UID_MOVEStudyRootQueryRetrieveInformationModel, syntaxes);
  Associate(scu, label, "C-MOVE");
  RetrieveResponses r;
  const OFCondition cond =
      scu.sendMOVERequest(ContextFor(scu, UID_MOVEStudyRootQueryRetrieveInformationModel),
                          options.own_aet.c_str(), &keys, &r.list);
  tally.result.method = "C-MOVE";
  if (tally.Cancelled()) {
    scu.abortAssociation();
    tally.result.cancelled = true;
    return;
  }
  if (cond.bad()) {
    scu.abortAssociation();
    throw PacsError(label, "C-MOVE", Text(cond));
  }
  scu.releaseAssociation();
  int completed = 0;
  const std::string problem = FinalStatus(r.list, DU_cmoveStatusString, &completed);
  if (!problem.empty())
    throw PacsError(label, "C-MOVE",
                    problem + " (the PACS must know " + options.own_aet + " at this host, port " +
                        std::to_string(options.move_port) + ")");
  if (completed == 0 && tally.result.files.empty())
    throw PacsError(label, "C-MOVE", "no instance matched (unknown study or series UID?)");
}

}  // namespace

TransferResult DimseRetrieve(const DimseNode& node, const std::string& study_uid,
                             const std::string& series_uid, const fs::path& out,
                             const Options& options, const Callbacks& callbacks) {
  TransferResult result;
  Tally tally{callbacks, result, {}, {}};
  fs::create_directories(out);
  DcmDataset keys = Keys(study_uid, series_uid);
  try {
    if (options.use_move) {
      if (options.move_port <= 0)
        throw PacsError(Label(node), "C-MOVE", "no --move-port set for nadir's storage SCP");
      Move(node, keys, out, options, tally);
    } else if (!TryGet(node, keys, out, options, tally)) {
      if (options.move_port <= 0)
        throw PacsError(Label(node), "C-GET",
                        "the peer offers no C-GET, and no --move-port is set for C-MOVE");
      result.warnings.push_back(Label(node) + " offers no C-GET; retrieved by C-MOVE to " +
                                options.own_aet + " on port " + std::to_string(options.move_port));
      Move(node, keys, out, options, tally);
    }
  } catch (...) {
    RemovePartFiles(out);
    throw;
  }
  RemovePartFiles(out);
  return result;
}

}  // namespace nadir::pacs::detail
