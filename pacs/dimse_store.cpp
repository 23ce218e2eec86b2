// C-STORE of DICOM files with DCMTK's DcmSCU: one association with a presentation context per
// SOP class and transfer syntax found in the files, so every file is sent as it is stored.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmnet/diutil.h>

#include <map>
#include <set>

#include "pacs/detail/dimse.h"
#include "pacs/detail/ops.h"

namespace nadir::pacs::detail {

namespace {

namespace fs = std::filesystem;

struct Header {
  fs::path file;
  std::string sop_class, sop_uid, syntax;
};

// SOP Class, SOP Instance and transfer syntax from the file meta header; empty sop_uid when
// the file is not a readable DICOM file.
Header ReadHeader(const fs::path& file) {
  Header h{file, {}, {}, {}};
  DcmFileFormat ff;
  if (ff.loadFile(file.c_str(), EXS_Unknown, EGL_noChange, 256, ERM_metaOnly).bad()) return h;
  OFString v;
  DcmMetaInfo* meta = ff.getMetaInfo();
  if (meta->findAndGetOFString(DCM_MediaStorageSOPClassUID, v).good()) h.sop_class = v.c_str();
  if (meta->findAndGetOFString(DCM_MediaStorageSOPInstanceUID, v).good()) h.sop_uid = v.c_str();
  if (meta->findAndGetOFString(DCM_TransferSyntaxUID, v).good()) h.syntax = v.c_str();
  return h;
}

}  // namespace

TransferResult DimseStore(const DimseNode& node, const std::vector<fs::path>& files,
                          const Options& options, const Callbacks& callbacks) {
  const std::string label = Label(node);
  TransferResult result;
  result.method = "C-STORE";
  std::vector<Header> headers;
  std::set<std::pair<std::string, std::string>> contexts;
  for (const fs::path& f : files) {
    Header h = ReadHeader(f);
    if (h.sop_uid.empty() || h.sop_class.empty() || h.syntax.empty()) {
      result.failed.push_back({"", f.string(), "not a DICOM file with a meta header"});
      continue;
    }
    contexts.insert({h.sop_class, h.syntax});
    headers.push_back(std::move(h));
  }
  if (headers.empty()) return result;
  if (contexts.size() > 127)
    throw PacsError(label, "C-STORE",
                    std::to_string(contexts.size()) +
                        " SOP class / transfer syntax pairs do not fit one association (127)");

  DcmSCU scu;
  Configure(scu, node, options);
  for (const auto& [sop_class, syntax] : contexts) {
    OFList<OFString> ts;
    ts.push_back(syntax.c_str());
    scu.addPresentationContext(sop_class.c_str(), ts);
  }
  Associate(scu, label, "C-STORE");

  Progress progress;
  progress.total = static_cast<int>(headers.size());
  for (const Header& h : headers) {
    if (callbacks.cancelled && callbacks.cancelled()) {
      result.cancelled = true;
      break;
    }
    const T_ASC_PresentationContextID pc =
        scu.findPresentationContextID(h.sop_class.c_str(), h.syntax.c_str());
    if (pc == 0) {
      result.failed.push_back({h.sop_uid, h.file.string(),
                               "the peer accepted no presentation context for SOP class " +
                                   h.sop_class + " in transfer syntax " + h.syntax});
      progress.failed++;
      continue;
    }
    Uint16 status = 0;
    const OFCondition cond = scu.sendSTORERequest(pc, h.file.c_str(), nullptr, status);
    if (cond.bad()) {
      result.failed.push_back({h.sop_uid, h.file.string(), Text(cond)});
      scu.abortAssociation();
      throw PacsError(label, "C-STORE",
                      "instance " + h.sop_uid + " (" + h.file.string() + "): " + Text(cond));
    }
    if (status == STATUS_Success) {
      result.files.push_back(h.file);
      std::error_code ec;
      progress.bytes += fs::file_size(h.file, ec);
      progress.done++;
    } else if ((status & 0xF000) == 0xB000) {  // PS3.4 Annex B.2.3: warning, stored
      result.files.push_back(h.file);
      result.warnings.push_back("instance " + h.sop_uid + ": status " +
                                StatusText(status, DU_cstoreStatusString));
      progress.done++;
    } else {
      result.failed.push_back(
          {h.sop_uid, h.file.string(), "status " + StatusText(status, DU_cstoreStatusString)});
      progress.failed++;
    }
    if (callbacks.on_progress) callbacks.on_progress(progress);
  }
  result.bytes = progress.bytes;
  if (result.cancelled)
    scu.abortAssociation();
  else
    scu.releaseAssociation();
  return result;
}

}  // namespace nadir::pacs::detail
