#include "dicom/detail/dcmtk_util.h"

#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace nadir::dicom::detail {
namespace {

std::string Trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace

std::string TagName(const DcmTagKey& tag) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "(%04X,%04X)", tag.getGroup(), tag.getElement());
  DcmTag t(tag);
  const char* name = t.getTagName();
  std::string s = buf;
  if (name && std::string(name) != "Unknown Tag & Data") s += std::string(" ") + name;
  return s;
}

std::optional<std::string> GetString(DcmItem& item, const DcmTagKey& tag, long pos) {
  OFString v;
  if (item.findAndGetOFString(tag, v, pos).bad()) return std::nullopt;
  std::string s = Trim(v.c_str());
  if (s.empty()) return std::nullopt;
  return s;
}

std::optional<std::string> GetStringAll(DcmItem& item, const DcmTagKey& tag) {
  OFString v;
  if (item.findAndGetOFStringArray(tag, v).bad()) return std::nullopt;
  std::string s = Trim(v.c_str());
  if (s.empty()) return std::nullopt;
  return s;
}

std::optional<double> GetNumber(DcmItem& item, const DcmTagKey& tag, long pos) {
  DcmElement* e = nullptr;
  if (item.findAndGetElement(tag, e).bad() || !e || e->getLength() == 0) return std::nullopt;
  switch (e->ident()) {
    case EVR_DS:
    case EVR_IS:
    case EVR_LO:
    case EVR_SH: {
      OFString v;
      if (e->getOFString(v, pos).bad()) return std::nullopt;
      const std::string s = Trim(v.c_str());
      if (s.empty()) return std::nullopt;
      char* end = nullptr;
      const double d = std::strtod(s.c_str(), &end);
      if (end == s.c_str() || *end != '\0' || !std::isfinite(d)) return std::nullopt;
      return d;
    }
    case EVR_US: {
      Uint16 v;
      if (e->getUint16(v, pos).bad()) return std::nullopt;
      return v;
    }
    case EVR_SS: {
      Sint16 v;
      if (e->getSint16(v, pos).bad()) return std::nullopt;
      return v;
    }
    case EVR_UL: {
      Uint32 v;
      if (e->getUint32(v, pos).bad()) return std::nullopt;
      return v;
    }
    case EVR_SL: {
      Sint32 v;
      if (e->getSint32(v, pos).bad()) return std::nullopt;
      return v;
    }
    case EVR_FL: {
      Float32 v;
      if (e->getFloat32(v, pos).bad()) return std::nullopt;
      return v;
    }
    case EVR_FD: {
      Float64 v;
      if (e->getFloat64(v, pos).bad()) return std::nullopt;
      return v;
    }
    default:
      return std::nullopt;
  }
}

std::optional<std::vector<double>> GetNumbers(DcmItem& item, const DcmTagKey& tag, int count) {
  std::vector<double> out;
  for (int i = 0; i < count; ++i) {
    auto v = GetNumber(item, tag, i);
    if (!v) return std::nullopt;
    out.push_back(*v);
  }
  return out;
}

DcmItem* GetItem(DcmItem& item, const DcmTagKey& sequence, int index) {
  DcmItem* out = nullptr;
  if (item.findAndGetSequenceItem(sequence, out, index).bad()) return nullptr;
  return out;
}

void RegisterDecoders() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Problems are reported through DicomError and warnings; DCMTK's own log would only
    // repeat them on stderr.
    OFLog::configure(OFLogger::FATAL_LOG_LEVEL);
    DcmRLEDecoderRegistration::registerCodecs();
    DJDecoderRegistration::registerCodecs();
    DJLSDecoderRegistration::registerCodecs();
  });
}

}  // namespace nadir::dicom::detail
