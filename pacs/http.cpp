// libcurl for DICOMweb: https with certificate checks (curl's defaults, never turned off),
// basic or bearer credentials, a timeout on connect and on a stalled transfer.
#include "pacs/detail/http.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace nadir::pacs::detail {

namespace {

struct Transfer {
  std::string body, content_type;
  const std::function<bool(std::uint64_t)>* on_bytes = nullptr;
  const BodySink* sink = nullptr;
  CURL* handle = nullptr;
  bool sink_stopped = false;
};

size_t OnData(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  if (t->sink && *t->sink) {
    long status = 0;
    curl_easy_getinfo(t->handle, CURLINFO_RESPONSE_CODE, &status);
    if (status == 200) {
      if (t->content_type.empty()) {
        char* type = nullptr;
        curl_easy_getinfo(t->handle, CURLINFO_CONTENT_TYPE, &type);
        if (type) t->content_type = type;
      }
      if ((*t->sink)(t->content_type, data, size * n)) return size * n;
      t->sink_stopped = true;
      return 0;  // curl ends the transfer with CURLE_WRITE_ERROR
    }
  }
  t->body.append(data, size * n);
  return size * n;
}

int OnProgress(void* user, curl_off_t, curl_off_t now, curl_off_t, curl_off_t) {
  const auto* t = static_cast<Transfer*>(user);
  if (t->on_bytes && *t->on_bytes && !(*t->on_bytes)(static_cast<std::uint64_t>(now))) return 1;
  return 0;
}

// Credentials travel only over https or to this machine (loopback), never in clear elsewhere.
bool SafeForCredentials(const std::string& url) {
  if (url.rfind("https://", 0) == 0) return true;
  const auto start = url.find("://");
  if (start == std::string::npos) return false;
  std::string host = url.substr(start + 3);
  host = host.substr(0, host.find_first_of("/"));
  if (host.rfind('[', 0) == 0) return host.rfind("[::1]", 0) == 0;
  host = host.substr(0, host.find(':'));
  return host == "localhost" || host.rfind("127.", 0) == 0;
}

}  // namespace

HttpReply Http(const WebNode& node, const Options& options, const std::string& operation,
               const std::string& url, const std::string& accept, const std::string& body,
               const std::string& content_type, const std::function<bool(std::uint64_t)>& on_bytes,
               const BodySink& sink) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) throw PacsError(node.url, operation, "libcurl could not start");
  const WebCredentials& c = node.credentials;
  const bool has_credentials = !c.token.empty() || !c.user.empty();
  if (has_credentials && !SafeForCredentials(url))
    throw PacsError(node.url, operation,
                    "refusing to send credentials over plain http to a remote host; use https");

  Transfer t;
  t.on_bytes = &on_bytes;
  t.sink = &sink;
  CURL* h = curl.get();
  t.handle = h;
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, OnData);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &t);
  // Larger reads than curl's 16 KiB default: a study is hundreds of megabytes (issue 17's
  // WADO-RS target is measured against the curl tool, which reads 100 KiB at a time).
  curl_easy_setopt(h, CURLOPT_BUFFERSIZE, 512L * 1024);
  curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, OnProgress);
  curl_easy_setopt(h, CURLOPT_XFERINFODATA, &t);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, static_cast<long>(options.timeout_s));
  // A transfer slower than 1 byte/s for timeout_s is a stalled server, not a big study.
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, static_cast<long>(options.timeout_s));
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!node.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, node.ca_file.c_str());
  if (!c.token.empty()) {
    curl_easy_setopt(h, CURLOPT_HTTPAUTH, CURLAUTH_BEARER);
    curl_easy_setopt(h, CURLOPT_XOAUTH2_BEARER, c.token.c_str());
  } else if (!c.user.empty()) {
    curl_easy_setopt(h, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(h, CURLOPT_USERNAME, c.user.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, c.password.c_str());
  }
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, ("Accept: " + accept).c_str());
  if (!content_type.empty() || !body.empty()) {
    headers = curl_slist_append(headers, ("Content-Type: " + content_type).c_str());
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  }
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> free_headers(headers,
                                                                           curl_slist_free_all);
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);

  const CURLcode rc = curl_easy_perform(h);
  if (rc == CURLE_ABORTED_BY_CALLBACK) throw PacsError(node.url, operation, "cancelled");
  if (t.sink_stopped) throw PacsError(node.url, operation, "stopped by the receiver");
  if (rc != CURLE_OK)
    throw PacsError(node.url, operation, std::string(curl_easy_strerror(rc)) + " (" + url + ")");
  HttpReply reply;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply.status);
  char* type = nullptr;
  curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &type);
  if (type) reply.content_type = type;
  reply.body = std::move(t.body);
  return reply;
}

std::string HttpStatusText(const HttpReply& reply) {
  std::string s = "HTTP " + std::to_string(reply.status);
  std::string excerpt = reply.body.substr(0, 200);
  for (char& ch : excerpt)
    if (ch == '\n' || ch == '\r') ch = ' ';
  bool printable = true;
  for (unsigned char ch : excerpt) printable = printable && (ch >= 32 && ch < 127);
  if (!excerpt.empty() && printable) s += ": " + excerpt;
  return s;
}

}  // namespace nadir::pacs::detail
