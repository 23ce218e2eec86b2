// multipart/related parsed as it arrives (see detail/multipart_stream.h).
#include "pacs/detail/multipart_stream.h"

#include <stdexcept>

#include "pacs/detail/http.h"

namespace nadir::pacs::detail {

MultipartStream::MultipartStream(const std::string& content_type, Handler handler)
    : delimiter_("\r\n--" + MultipartBoundary(content_type)), handler_(std::move(handler)) {}

void MultipartStream::Feed(const char* bytes, std::size_t n) {
  if (state_ == State::kDone) return;  // the epilogue is ignored (RFC 2046 5.1.1)
  pending_.append(bytes, n);
  Step();
}

void MultipartStream::Step() {
  // The first delimiter may start the body without its CRLF (RFC 2046 5.1.1).
  const std::string first = delimiter_.substr(2);
  while (true) {
    switch (state_) {
      case State::kPreamble: {
        const std::size_t at = pending_.find(first);
        if (at == std::string::npos) {
          if (pending_.size() > first.size()) pending_.erase(0, pending_.size() - first.size());
          return;
        }
        pending_.erase(0, at + first.size());
        state_ = State::kAfterDelimiter;
        break;
      }
      case State::kAfterDelimiter:
        if (pending_.size() < 2) return;
        if (pending_.compare(0, 2, "--") == 0) {
          state_ = State::kDone;
          pending_.clear();
          return;
        }
        state_ = State::kHeaders;
        break;
      case State::kHeaders: {
        // Transport padding and CRLF after the delimiter, then headers, then an empty line.
        const std::size_t end = pending_.find("\r\n\r\n");
        if (end == std::string::npos) {
          if (pending_.size() > 64 * 1024)
            throw std::runtime_error("multipart part headers over 64 KiB");
          return;
        }
        pending_.erase(0, end + 4);
        state_ = State::kBody;
        handler_.begin();
        break;
      }
      case State::kBody: {
        const std::size_t at = pending_.find(delimiter_);
        if (at == std::string::npos) {
          // Keep what could be the start of a delimiter split across two chunks.
          const std::size_t keep = delimiter_.size() - 1;
          if (pending_.size() > keep) {
            handler_.data(pending_.data(), pending_.size() - keep);
            pending_.erase(0, pending_.size() - keep);
          }
          return;
        }
        if (at) handler_.data(pending_.data(), at);
        pending_.erase(0, at + delimiter_.size());
        handler_.end();
        state_ = State::kAfterDelimiter;
        break;
      }
      case State::kDone:
        return;
    }
  }
}

}  // namespace nadir::pacs::detail
