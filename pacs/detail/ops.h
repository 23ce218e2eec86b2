// Inside pacs/ only: the protocol halves that pacs.cpp dispatches to.
#pragma once

#include "pacs/pacs.h"

namespace nadir::pacs::detail {

void DimseEcho(const DimseNode& node, const Options& options);
std::vector<StudyRecord> DimseFind(const DimseNode& node, const StudyQuery& query,
                                   const Options& options);
TransferResult DimseRetrieve(const DimseNode& node, const std::string& study_uid,
                             const std::string& series_uid, const std::filesystem::path& out,
                             const Options& options, const Callbacks& callbacks);
TransferResult DimseStore(const DimseNode& node, const std::vector<std::filesystem::path>& files,
                          const Options& options, const Callbacks& callbacks);

void WebEcho(const WebNode& node, const Options& options);
std::vector<StudyRecord> WebFind(const WebNode& node, const StudyQuery& query,
                                 const Options& options);
TransferResult WebRetrieve(const WebNode& node, const std::string& study_uid,
                           const std::string& series_uid, const std::filesystem::path& out,
                           const Options& options, const Callbacks& callbacks);
TransferResult WebStore(const WebNode& node, const std::vector<std::filesystem::path>& files,
                        const Options& options, const Callbacks& callbacks);

/// Writes `bytes` to `path` through PATH.part and a rename; false (and no file) on failure.
bool WriteAtomically(const std::filesystem::path& path, const std::string& bytes,
                     std::string* error);

/// Removes the *.part files a cancelled or failed transfer left in `dir`.
void RemovePartFiles(const std::filesystem::path& dir);

}  // namespace nadir::pacs::detail
