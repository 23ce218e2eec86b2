#include "dicom/detail/inflated_copy.h"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "dicom/detail/dcmtk_util.h"
#include "dicom/error.h"

namespace nadir::dicom::detail {
namespace {

constexpr char kDeflatedUid[] = "1.2.840.10008.1.2.1.99";
constexpr char kExplicitLittleUid[] = "1.2.840.10008.1.2.1";
constexpr std::size_t kPreamble = 132;  // 128 bytes, then "DICM" (PS3.10 7.1)
constexpr char kSyntaxTag[] = "(0002,0010) TransferSyntaxUID";

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

std::uint32_t Le(const unsigned char* p, int n) {
  std::uint32_t v = 0;
  for (int i = n - 1; i >= 0; --i) v = v << 8 | p[i];
  return v;
}

void PutLe(std::string& out, std::uint32_t v, int n) {
  for (int i = 0; i < n; ++i) out.push_back(char(v >> (8 * i)));
}

// One explicit-VR little-endian element of the meta header, as it is in the file.
struct MetaElement {
  std::uint16_t group = 0, element = 0;
  std::string bytes;  // header and value
  std::string value;
};

// Where the meta header ends by its group length (0002,0000), when it starts with one.
std::optional<std::uint64_t> GroupLengthEnd(const std::string& head) {
  const auto* b = reinterpret_cast<const unsigned char*>(head.data());
  if (head.size() < kPreamble + 12 || Le(b + kPreamble, 4) != 0x00000002 ||
      head.compare(kPreamble + 4, 2, "UL") != 0)
    return std::nullopt;
  return kPreamble + 12 + std::uint64_t(Le(b + kPreamble + 8, 4));
}

// The meta header's elements after the preamble (PS3.10 7.1: always explicit VR little endian)
// and where the dataset starts; false when the head is not a Part 10 meta header. As DCMTK
// does, a group length (0002,0000) bounds the meta header, foreign elements inside it
// included (a fuzzed (0022,0002) there once hid the syntax from a walk that stopped at it);
// without one, the meta header is the run of group 0002 elements.
bool ReadMeta(const std::string& head, std::vector<MetaElement>& meta, std::size_t& end) {
  if (head.size() < kPreamble || head.compare(128, 4, "DICM") != 0) return false;
  const auto* b = reinterpret_cast<const unsigned char*>(head.data());
  const std::optional<std::uint64_t> length_end = GroupLengthEnd(head);
  const bool has_length = length_end.has_value();
  if (has_length && *length_end > head.size()) return false;
  const std::size_t bound = has_length ? std::size_t(*length_end) : head.size();
  std::size_t at = kPreamble;
  while (at + 8 <= bound && (has_length || Le(b + at, 2) == 0x0002)) {
    const std::string vr = head.substr(at + 4, 2);
    const bool long_form = vr == "OB" || vr == "OW" || vr == "OF" || vr == "SQ" || vr == "UT" ||
                           vr == "UN" || vr == "UC" || vr == "UR";
    const std::size_t header = long_form ? 12 : 8;
    if (at + header > bound) return false;
    const std::uint32_t length = long_form ? Le(b + at + 8, 4) : Le(b + at + 6, 2);
    if (at + header + length > bound) return false;
    MetaElement e;
    e.group = std::uint16_t(Le(b + at, 2));
    e.element = std::uint16_t(Le(b + at + 2, 2));
    e.bytes = head.substr(at, header + length);
    e.value = head.substr(at + header, length);
    meta.push_back(std::move(e));
    at += header + length;
  }
  if (has_length && at != bound) return false;
  end = at;
  return true;
}

// Whether DCMTK reads `file`'s dataset as deflated: its own reading of the meta header decides,
// so that no file it would inflate escapes the copy.
bool DcmtkSaysDeflated(const std::string& file) {
  DcmFileFormat probe;
  if (probe.loadFile(file.c_str(), EXS_Unknown, EGL_noChange, DCM_MaxReadLength, ERM_metaOnly)
          .bad())
    return false;  // DCMTK cannot read the meta header: it will not inflate anything either
  OFString uid;
  if (probe.getMetaInfo()->findAndGetOFString(DCM_TransferSyntaxUID, uid).bad()) return false;
  return DcmXfer(uid.c_str()).getXfer() == EXS_DeflatedLittleEndianExplicit;
}

// The meta header again, with the syntax Explicit VR Little Endian and its group length.
std::string RewrittenMeta(const std::vector<MetaElement>& meta) {
  std::string body;
  for (const MetaElement& e : meta) {
    if (e.group == 0x0002 && e.element == 0x0000) continue;
    if (e.group != 0x0002 || e.element != 0x0010) {
      body += e.bytes;
      continue;
    }
    std::string uid = kExplicitLittleUid;
    uid.push_back('\0');  // UI values are padded to an even length with NUL
    PutLe(body, 0x0002, 2), PutLe(body, 0x0010, 2), body += "UI", PutLe(body, uid.size(), 2);
    body += uid;
  }
  std::string out(128, '\0');
  out += "DICM";
  PutLe(out, 0x0002, 2), PutLe(out, 0x0000, 2), out += "UL", PutLe(out, 4, 2);
  PutLe(out, std::uint32_t(body.size()), 4);
  return out + body;
}

}  // namespace

std::optional<InflatedCopy> InflatedCopy::IfDeflated(const std::string& file,
                                                     std::uint64_t max_bytes) {
  if (!DcmtkSaysDeflated(file)) return std::nullopt;
  File in(std::fopen(file.c_str(), "rb"));
  if (!in) return std::nullopt;  // the reader that follows names the problem
  // 4 KiB holds a usual meta header; a longer one (its group length says so) is read up to
  // 64 KiB.
  std::string head(4096, '\0');
  head.resize(std::fread(head.data(), 1, head.size(), in.get()));
  const std::uint64_t need = GroupLengthEnd(head).value_or(64 * 1024);
  if (need > head.size() && head.size() == 4096) {
    const std::size_t more = std::size_t(std::min<std::uint64_t>(need, 64 * 1024)) - head.size();
    const std::size_t old_size = head.size();
    head.resize(old_size + more);
    head.resize(old_size + std::fread(head.data() + old_size, 1, more, in.get()));
  }
  std::vector<MetaElement> meta;
  std::size_t dataset = 0;
  if (!ReadMeta(head, meta, dataset))
    throw DicomError(file, "(0002,0000) FileMetaInformationGroupLength", "",
                     "the syntax is deflated, but where the deflated data starts is unclear: "
                     "the meta header is malformed");

  std::string pattern =
      (std::filesystem::temp_directory_path() / "nadir-inflated-XXXXXX.dcm").string();
  const int fd = ::mkstemps(pattern.data(), 4);
  if (fd < 0)
    throw DicomError(file, kSyntaxTag, kDeflatedUid,
                     std::string("cannot create a file to inflate into: ") + std::strerror(errno));
  InflatedCopy copy(pattern);
  File out(::fdopen(fd, "wb"));
  if (!out) {
    ::close(fd);
    throw DicomError(file, kSyntaxTag, kDeflatedUid, "cannot write the inflated copy");
  }
  const std::string new_meta = RewrittenMeta(meta);
  bool written = std::fwrite(new_meta.data(), 1, new_meta.size(), out.get()) == new_meta.size();

  // The dataset is raw deflate (RFC 1951) to the end of the file (PS3.5 A.5).
  z_stream z{};
  if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
    throw DicomError(file, kSyntaxTag, kDeflatedUid, "cannot start zlib");
  std::unique_ptr<z_stream, int (*)(z_stream*)> end_z(&z, inflateEnd);
  std::vector<unsigned char> input(head.begin() + std::ptrdiff_t(dataset), head.end());
  std::vector<unsigned char> output(256 * 1024);
  std::uint64_t inflated = 0;
  int status = Z_OK;
  bool eof = false;
  while (status != Z_STREAM_END && written) {
    if (input.empty() && !eof) {
      input.resize(256 * 1024);
      input.resize(std::fread(input.data(), 1, input.size(), in.get()));
      eof = input.empty();
    }
    z.next_in = input.data();
    z.avail_in = uInt(input.size());
    z.next_out = output.data();
    z.avail_out = uInt(output.size());
    status = inflate(&z, Z_NO_FLUSH);
    // Truncated: what inflated is kept, and DCMTK names the element the data stops in.
    if (status == Z_BUF_ERROR && eof) break;
    if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR)
      throw DicomError(file, kSyntaxTag, kDeflatedUid,
                       std::string("the deflated dataset is corrupt: ") +
                           (z.msg ? z.msg : "zlib error " + std::to_string(status)));
    const std::size_t made = output.size() - z.avail_out;
    inflated += made;
    if (inflated > max_bytes)
      throw DicomError(file, kSyntaxTag, kDeflatedUid,
                       "the deflated dataset inflates beyond " + std::to_string(max_bytes) +
                           " bytes: refused (a decompression bomb or a corrupt stream)");
    written = std::fwrite(output.data(), 1, made, out.get()) == made;
    input.erase(input.begin(), input.end() - std::ptrdiff_t(z.avail_in));
    if (eof && made == 0 && status != Z_STREAM_END) break;
  }
  if (std::fflush(out.get()) != 0 || !written)
    throw DicomError(file, kSyntaxTag, kDeflatedUid, "cannot write the inflated copy");
  return copy;
}

InflatedCopy::InflatedCopy(InflatedCopy&& other) noexcept : path_(std::move(other.path_)) {
  other.path_.clear();
}

InflatedCopy::~InflatedCopy() {
  if (!path_.empty()) ::unlink(path_.c_str());
}

}  // namespace nadir::dicom::detail
