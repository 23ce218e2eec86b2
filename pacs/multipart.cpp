// multipart/related bodies (RFC 2387) as DICOMweb uses them, and the SOP Instance UID of a
// Part 10 file read from its meta header without a DICOM toolkit.
#include <cstdint>
#include <stdexcept>

#include "pacs/detail/http.h"

namespace nadir::pacs::detail {

std::string MultipartBoundary(const std::string& content_type) {
  const auto at = content_type.find("boundary=");
  if (at == std::string::npos)
    throw std::runtime_error("multipart reply without a boundary (Content-Type '" + content_type +
                             "')");
  std::string b = content_type.substr(at + 9);
  b = b.substr(0, b.find(';'));
  if (!b.empty() && b.front() == '"') b = b.substr(1, b.find('"', 1) - 1);
  while (!b.empty() && (b.back() == ' ' || b.back() == '\r' || b.back() == '\n')) b.pop_back();
  if (b.empty()) throw std::runtime_error("multipart reply with an empty boundary");
  return b;
}

std::vector<std::string> SplitMultipart(const std::string& body, const std::string& content_type) {
  const std::string delimiter = "--" + MultipartBoundary(content_type);
  std::vector<std::string> parts;
  std::size_t at = body.find(delimiter);
  if (at == std::string::npos) throw std::runtime_error("multipart reply without its boundary");
  while (true) {
    at += delimiter.size();
    if (body.compare(at, 2, "--") == 0) break;  // close delimiter
    const std::size_t headers_end = body.find("\r\n\r\n", at);
    if (headers_end == std::string::npos)
      throw std::runtime_error("multipart part without headers");
    const std::size_t start = headers_end + 4;
    const std::size_t next = body.find("\r\n" + delimiter, start);
    if (next == std::string::npos) throw std::runtime_error("multipart reply cut short");
    parts.push_back(body.substr(start, next - start));
    at = next + 2;
  }
  return parts;
}

std::string JoinMultipart(const std::vector<std::string>& parts, const std::string& boundary) {
  std::string body;
  for (const std::string& p : parts) {
    body += "--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n";
    body += p;
    body += "\r\n";
  }
  body += "--" + boundary + "--\r\n";
  return body;
}

std::string SopUidOfPart10(const std::string& bytes) {
  // PS3.10 7.1: 128-byte preamble, "DICM", then group 0002 in explicit VR little endian.
  if (bytes.size() < 132 || bytes.compare(128, 4, "DICM") != 0) return {};
  auto u16 = [&](std::size_t i) {
    return std::uint32_t(std::uint8_t(bytes[i])) | std::uint32_t(std::uint8_t(bytes[i + 1])) << 8;
  };
  std::size_t i = 132;
  while (i + 8 <= bytes.size() && u16(i) == 0x0002) {
    const std::uint32_t element = u16(i + 2);
    const std::string vr = bytes.substr(i + 4, 2);
    std::size_t length, value;
    if (vr == "OB" || vr == "OW" || vr == "UN" || vr == "SQ" || vr == "UT" || vr == "UC" ||
        vr == "UR") {
      if (i + 12 > bytes.size()) return {};
      length = u16(i + 8) | std::size_t(u16(i + 10)) << 16;
      value = i + 12;
    } else {
      length = u16(i + 6);
      value = i + 8;
    }
    if (value + length > bytes.size()) return {};
    if (element == 0x0003) {
      std::string uid = bytes.substr(value, length);
      while (!uid.empty() && (uid.back() == '\0' || uid.back() == ' ')) uid.pop_back();
      return uid;
    }
    i = value + length;
  }
  return {};
}

}  // namespace nadir::pacs::detail
