// Inside pacs/ only: a multipart/related body (RFC 2046 5.1, as WADO-RS sends it) parsed as it
// arrives, so each instance goes to its file while the next one is still on the wire: memory
// stays at one network chunk instead of the whole study, and the first instance is on disk
// before the last has left the server.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace nadir::pacs::detail {

class MultipartStream {
 public:
  struct Handler {
    std::function<void()> begin;                         // a part's headers have ended
    std::function<void(const char*, std::size_t)> data;  // some of its bytes, in order
    std::function<void()> end;                           // its closing delimiter has arrived
  };

  /// `content_type` gives the boundary; throws std::runtime_error when it has none.
  MultipartStream(const std::string& content_type, Handler handler);

  /// The next bytes of the body, in any chunking. Throws std::runtime_error on a malformed body.
  void Feed(const char* bytes, std::size_t n);

  /// True once the close delimiter has been read; call after the last Feed to know whether the
  /// body was complete (false: it was cut short).
  bool complete() const { return state_ == State::kDone; }

 private:
  enum class State { kPreamble, kAfterDelimiter, kHeaders, kBody, kDone };
  /// Parses what `v` allows and returns how many of its bytes are used; the rest waits for
  /// more (a delimiter's possible start, unfinished headers).
  std::size_t Process(std::string_view v);
  static constexpr std::size_t kJoinStep = 64 * 1024;  // bytes joined to a carry at a time

  std::string delimiter_;  // "\r\n--BOUNDARY": what ends a part's body
  Handler handler_;
  State state_ = State::kPreamble;
  // Bytes received but not yet used, carried to the next chunk: at most a delimiter's worth in
  // a body, the headers of a part, plus one join step.
  std::string pending_;
};

}  // namespace nadir::pacs::detail
