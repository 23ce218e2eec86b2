// Inside pacs/ only: DcmSCU set-up shared by echo, find, retrieve and store.
#pragma once

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmnet/scu.h>

#include <string>

#include "pacs/pacs.h"

namespace nadir::pacs::detail {

/// "AET@HOST:PORT", how messages name a DIMSE node.
std::string Label(const DimseNode& node);

/// Sets AE titles, peer address and every timeout (connect, ACSE, DIMSE non-blocking).
void Configure(DcmSCU& scu, const DimseNode& node, const Options& options);

/// initNetwork + negotiateAssociation. Throws PacsError naming `operation` and, when the peer
/// rejects the association, its result, source and reason (PS3.8 9.3.4).
void Associate(DcmSCU& scu, const std::string& node, const std::string& operation);

/// The accepted presentation context for `sop_class`, or 0.
T_ASC_PresentationContextID ContextFor(DcmSCU& scu, const char* sop_class);

/// DCMTK's condition text ("DUL network closed" ...).
std::string Text(const OFCondition& cond);

/// "0xA700 (Refused: Out of Resources)": a DIMSE status as number and name.
std::string StatusText(Uint16 status, const char* (*name)(Uint16));

}  // namespace nadir::pacs::detail
