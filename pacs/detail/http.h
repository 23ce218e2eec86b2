// Inside pacs/ only: one HTTP exchange with libcurl (certificate checks on, credentials from
// the node), and the multipart/related bodies of WADO-RS and STOW-RS (PS3.18 8.6.1.2).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "pacs/pacs.h"

namespace nadir::pacs::detail {

struct HttpReply {
  long status = 0;
  std::string body, content_type;
};

/// Takes a 200 reply's body as it arrives, given the reply's Content-Type; false stops the
/// transfer (Http then throws PacsError "stopped by the receiver").
using BodySink = std::function<bool(const std::string& content_type, const char*, std::size_t)>;

/// GET when `body` is empty and `content_type` is empty, else POST. Throws PacsError naming
/// `operation` on a transport failure (no answer within options.timeout_s, TLS, DNS ...);
/// HTTP statuses are the caller's to judge. `on_bytes(received)` may return false to cancel.
/// With `sink`, a 200 reply's body goes to it instead of HttpReply::body (other statuses keep
/// theirs, for the message).
HttpReply Http(const WebNode& node, const Options& options, const std::string& operation,
               const std::string& url, const std::string& accept, const std::string& body = {},
               const std::string& content_type = {},
               const std::function<bool(std::uint64_t)>& on_bytes = {}, const BodySink& sink = {});

/// "HTTP 404 Not Found" plus the start of the body, for messages.
std::string HttpStatusText(const HttpReply& reply);

/// The boundary parameter of a multipart Content-Type; throws std::runtime_error without one.
std::string MultipartBoundary(const std::string& content_type);

/// The parts of a multipart/related body; `content_type` gives the boundary. Throws
/// std::runtime_error when the body is not well formed.
std::vector<std::string> SplitMultipart(const std::string& body, const std::string& content_type);

/// A multipart/related body of application/dicom parts with `boundary`.
std::string JoinMultipart(const std::vector<std::string>& parts, const std::string& boundary);

/// (0002,0003) MediaStorageSOPInstanceUID from a Part 10 file's bytes; empty when absent.
std::string SopUidOfPart10(const std::string& bytes);

}  // namespace nadir::pacs::detail
