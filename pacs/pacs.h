// PACS access: query, retrieve and store over DIMSE (DCMTK's DcmSCU) and DICOMweb (libcurl).
// DCMTK and curl stay inside pacs/*.cpp (linked PRIVATE). Every call blocks; run retrievals
// off the UI thread and pass `Callbacks` for progress and cancel. Errors are PacsError, which
// names the node, the operation and the status (README.md in this folder).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace nadir::pacs {

/// A DIMSE peer: Application Entity title, host and TCP port.
struct DimseNode {
  std::string aet, host;
  int port = 0;
};

/// Credentials for a DICOMweb server: a bearer token, or a user and password (basic).
/// Never taken from the command line (README.md, "Credentials").
struct WebCredentials {
  std::string token;
  std::string user, password;
};

/// A DICOMweb service: the base URL under which /studies lives.
struct WebNode {
  std::string url;
  WebCredentials credentials;
  std::string ca_file;  // extra CA bundle for https (empty: the system's)
};

/// One PACS: exactly one of `dimse` or `web` is set. `name` is what messages call it.
struct Node {
  std::string name;
  std::optional<DimseNode> dimse;
  std::optional<WebNode> web;
};

/// How nadir itself appears on the network.
struct Options {
  std::string own_aet = "NADIR";  // calling AE title (and C-MOVE destination)
  int timeout_s = 10;             // connect, association and each DIMSE / HTTP step
  // C-MOVE: the port of nadir's own storage SCP (the PACS must know own_aet at this port).
  int move_port = 0;      // 0: no C-MOVE fallback
  bool use_move = false;  // C-MOVE only, without trying C-GET first (needs move_port)
};

/// What went wrong, naming the node, the operation (C-ECHO, C-FIND, C-GET, C-MOVE, C-STORE,
/// QIDO-RS, WADO-RS, STOW-RS, association) and the status the peer gave.
class PacsError : public std::runtime_error {
 public:
  PacsError(std::string node, std::string operation, std::string status)
      : std::runtime_error(node + ": " + operation + " failed: " + status),
        node_(std::move(node)),
        operation_(std::move(operation)),
        status_(std::move(status)) {}
  const std::string& node() const { return node_; }
  const std::string& operation() const { return operation_; }
  const std::string& status() const { return status_; }

 private:
  std::string node_, operation_, status_;
};

/// Study-level query keys; empty fields are returned, not matched. Dates are YYYYMMDD.
struct StudyQuery {
  std::string patient_id, patient_name;  // DICOM wildcards * and ? allowed
  std::string date_from, date_to;        // either may be empty (open range)
  std::string modality;                  // ModalitiesInStudy, e.g. CT
  std::string accession_number;
  std::string subject_id;     // (0012,0040) Clinical Trial Subject ID
  std::string time_point_id;  // (0012,0050) Clinical Trial Time Point ID
  std::string study_uid;
};

struct SeriesRecord {
  std::string series_uid, modality, description;
  std::string number;
  int instances = 0;
};

struct StudyRecord {
  std::string study_uid, patient_id, patient_name, study_date, accession_number, description;
  std::string modalities, subject_id, time_point_id;
  int instances = 0;
  std::vector<SeriesRecord> series;
};

/// Progress of a retrieve or store: instances done of total (0 when the peer does not say).
struct Progress {
  int done = 0, total = 0, failed = 0;
  std::uint64_t bytes = 0;
};

struct Callbacks {
  std::function<void(const Progress&)> on_progress;  // called on the calling thread
  std::function<bool()> cancelled;                   // polled; true stops the transfer
};

/// An instance that did not arrive or was not stored, with the peer's status.
struct FailedInstance {
  std::string sop_uid, file, status;
};

struct TransferResult {
  std::vector<std::filesystem::path> files;  // written (retrieve) or sent (store)
  std::vector<FailedInstance> failed;
  std::vector<std::string> warnings;  // e.g. "already stored" or the C-MOVE fallback used
  bool cancelled = false;
  std::string method;  // C-GET, C-MOVE, WADO-RS, C-STORE, STOW-RS
  std::uint64_t bytes = 0;
};

/// Parses "AET@HOST:PORT". Throws std::invalid_argument naming the part that is wrong.
DimseNode ParseDimseAddress(const std::string& text);

/// C-ECHO, or for DICOMweb a QIDO-RS of one study: throws PacsError when the peer does not answer.
void Echo(const Node& node, const Options& options);

/// Studies matching `query`, each with its series (a series-level query per study). The keys
/// are checked again on nadir's side (match.h): a study the peer returned without matching a key
/// is left out, and `warnings` (when given) says which key and how many.
std::vector<StudyRecord> FindStudies(const Node& node, const StudyQuery& query,
                                     const Options& options,
                                     std::vector<std::string>* warnings = nullptr);

/// Every instance of a study (or of one series when `series_uid` is set) into `out`, one file
/// per instance named SOP_INSTANCE_UID.dcm, as the server sends it (no re-encoding). Each file
/// is written to a temporary name and renamed when complete, so a cancel or a failure leaves
/// no half-written file. DIMSE: C-GET, falling back to C-MOVE when the peer refuses C-GET and
/// options.move_port is set.
TransferResult Retrieve(const Node& node, const std::string& study_uid,
                        const std::string& series_uid, const std::filesystem::path& out,
                        const Options& options, const Callbacks& callbacks = {});

/// Sends the DICOM files (C-STORE or STOW-RS). Failures are listed by SOP Instance UID.
TransferResult Store(const Node& node, const std::vector<std::filesystem::path>& files,
                     const Options& options, const Callbacks& callbacks = {});

/// Every DICOM file under the given files and folders (recursively), sorted; a path that does
/// not exist throws std::invalid_argument naming it.
std::vector<std::filesystem::path> CollectDicomFiles(
    const std::vector<std::filesystem::path>& paths);

}  // namespace nadir::pacs
