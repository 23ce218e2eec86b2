// DcmSCU set-up shared by every DIMSE operation, and the association's reject reason.
#include "pacs/detail/dimse.h"

#include <dcmtk/dcmnet/diutil.h>
#include <dcmtk/oflog/oflog.h>
#include <dcmtk/oflog/spi/logevent.h>

#include <cstdio>
#include <mutex>

namespace nadir::pacs::detail {

namespace {

// DcmSCU logs why an association was rejected only at DEBUG level, so the dcmnet logger is
// given this appender: it keeps the lines logged while this thread negotiates. Outside a
// negotiation dcmnet logs nothing (FATAL only): every failure reaches the caller as PacsError.
thread_local std::string* tl_capture = nullptr;

class CaptureAppender : public dcmtk::log4cplus::Appender {
 public:
  ~CaptureAppender() override { destructorImpl(); }
  void close() override {}

 protected:
  void append(const dcmtk::log4cplus::spi::InternalLoggingEvent& event) override {
    if (tl_capture) *tl_capture += std::string(event.getMessage().c_str()) + "\n";
  }
};

OFLogger& DcmnetLogger() {
  static OFLogger logger = [] {
    OFLogger l = OFLog::getLogger("dcmtk.dcmnet");
    l.setAdditivity(false);
    l.addAppender(dcmtk::log4cplus::SharedAppenderPtr(new CaptureAppender));
    l.setLogLevel(OFLogger::FATAL_LOG_LEVEL);
    return l;
  }();
  return logger;
}

std::mutex g_level_mutex;
int g_negotiating = 0;

// The reject parameters as DCMTK prints them, on one line ("Result: Rejected Permanent, ...").
std::string RejectReason(const std::string& log) {
  const auto at = log.find("Result:");
  if (at == std::string::npos) return {};
  std::string reason;
  for (std::size_t i = at; i < log.size(); ++i) {
    const char c = log[i];
    if (c == '\n') {
      if (i + 1 >= log.size() || log.compare(i + 1, 4, "Asso") == 0) break;
      reason += ", ";
    } else {
      reason += c;
    }
  }
  while (!reason.empty() && (reason.back() == ' ' || reason.back() == ',')) reason.pop_back();
  return reason;
}

}  // namespace

std::string Label(const DimseNode& node) {
  return node.aet + "@" + node.host + ":" + std::to_string(node.port);
}

void Configure(DcmSCU& scu, const DimseNode& node, const Options& options) {
  DcmnetLogger();
  scu.setAETitle(options.own_aet.c_str());
  scu.setPeerAETitle(node.aet.c_str());
  scu.setPeerHostName(node.host.c_str());
  scu.setPeerPort(static_cast<Uint16>(node.port));
  scu.setConnectionTimeout(options.timeout_s);
  scu.setACSETimeout(options.timeout_s);
  scu.setDIMSEBlockingMode(DIMSE_NONBLOCKING);
  scu.setDIMSETimeout(options.timeout_s);
}

void Associate(DcmSCU& scu, const std::string& node, const std::string& operation) {
  OFCondition cond = scu.initNetwork();
  if (cond.bad()) throw PacsError(node, operation, "cannot set up the network: " + Text(cond));
  std::string log;
  {
    std::lock_guard lock(g_level_mutex);
    if (g_negotiating++ == 0) DcmnetLogger().setLogLevel(OFLogger::DEBUG_LOG_LEVEL);
  }
  tl_capture = &log;
  cond = scu.negotiateAssociation();
  tl_capture = nullptr;
  {
    std::lock_guard lock(g_level_mutex);
    if (--g_negotiating == 0) DcmnetLogger().setLogLevel(OFLogger::FATAL_LOG_LEVEL);
  }
  if (cond == DUL_ASSOCIATIONREJECTED) {
    const std::string reason = RejectReason(log);
    throw PacsError(node, operation,
                    "association rejected" + (reason.empty() ? "" : " (" + reason + ")"));
  }
  if (cond == NET_EC_NoAcceptablePresentationContexts)
    throw PacsError(node, operation,
                    "association accepted but no presentation context for " + operation +
                        " (the peer does not offer this service)");
  if (cond.bad()) throw PacsError(node, operation, "cannot associate: " + Text(cond));
}

T_ASC_PresentationContextID ContextFor(DcmSCU& scu, const char* sop_class) {
  return scu.findAnyPresentationContextID(sop_class, "");
}

std::string Text(const OFCondition& cond) {
  OFString s;
  return DimseCondition::dump(s, cond).c_str();
}

std::string StatusText(Uint16 status, const char* (*name)(Uint16)) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "0x%04X", status);
  return std::string(hex) + " (" + name(status) + ")";
}

}  // namespace nadir::pacs::detail
