// What a C-FIND or QIDO-RS answer must satisfy, checked again on nadir's side: a peer that does
// not index a key (DCMTK's dcmqrscp ignores Clinical Trial Subject ID) returns studies of every
// subject, and a reader must never be shown another subject's scans as the one asked for.
#pragma once

#include <string>
#include <vector>

#include "pacs/pacs.h"

namespace nadir::pacs {

/// DICOM wildcard matching (PS3.4 C.2.2.2.4): `*` any run, `?` one character; otherwise exact.
bool WildcardMatch(const std::string& pattern, const std::string& value);

/// Keeps the studies that match every key set in `query`. A study whose answer leaves a queried
/// key empty is dropped too (the peer could not match on it); each drop adds one warning that
/// names the key's tag and how many studies it removed.
std::vector<StudyRecord> KeepMatching(const StudyQuery& query, std::vector<StudyRecord> studies,
                                      std::vector<std::string>& warnings);

}  // namespace nadir::pacs
