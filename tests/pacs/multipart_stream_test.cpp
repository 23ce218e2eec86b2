// WADO-RS bodies parsed as they arrive (pacs/detail/multipart_stream.h): every chunking of a
// body gives the parts that parsing it whole gives, and a body cut short is seen as incomplete.
#include "pacs/detail/multipart_stream.h"

#include <gtest/gtest.h>

#include <random>

#include "pacs/detail/http.h"

namespace nadir::pacs::detail {
namespace {

const std::string kType = "multipart/related; type=\"application/dicom\"; boundary=XyZ";

std::string Body(const std::vector<std::string>& parts) {
  std::string b = "preamble to ignore\r\n";
  for (const auto& p : parts) b += "--XyZ\r\nContent-Type: application/dicom\r\n\r\n" + p + "\r\n";
  return b + "--XyZ--\r\nepilogue";
}

struct Collected {
  std::vector<std::string> parts;
  int open = 0;
};

MultipartStream Collector(Collected& c) {
  return MultipartStream(
      kType,
      {[&c] {
         c.parts.emplace_back();
         ++c.open;
       },
       [&c](const char* d, std::size_t n) { c.parts.back().append(d, n); }, [&c] { --c.open; }});
}

TEST(MultipartStream, EveryChunkingGivesThePartsOfTheWholeBody) {
  // Parts holding near-delimiters: "\r\n--XyZ" without its last byte, and CR LF runs.
  const std::vector<std::string> parts = {"DICM first", std::string("a\r\n--Xy\0b", 10),
                                          "\r\n\r\n--", "", std::string(5000, 'p')};
  const std::string body = Body(parts);
  ASSERT_EQ(SplitMultipart(body, kType), parts);
  std::mt19937 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    Collected c;
    MultipartStream s = Collector(c);
    for (std::size_t at = 0; at < body.size();) {
      const std::size_t n = trial == 0 ? 1 : std::uniform_int_distribution<std::size_t>(1, 40)(rng);
      const std::size_t k = std::min(n, body.size() - at);
      s.Feed(body.data() + at, k);
      at += k;
    }
    ASSERT_TRUE(s.complete()) << "trial " << trial;
    EXPECT_EQ(c.parts, parts) << "trial " << trial;
    EXPECT_EQ(c.open, 0);
  }
}

// Network-sized chunks over instance-sized parts: the parts are read in place, a carry is
// joined to the next chunk in steps (a chunk may end anywhere: inside a delimiter, in headers).
TEST(MultipartStream, LargeChunksGiveThePartsOfTheWholeBody) {
  std::vector<std::string> parts;
  std::mt19937 rng(11);
  for (int p = 0; p < 6; ++p) {
    std::string part(std::uniform_int_distribution<std::size_t>(0, 300000)(rng), 'x');
    for (char& c : part) c = char(std::uniform_int_distribution<int>(0, 255)(rng));
    part += "\r\n--Xy";  // ends with most of a delimiter
    parts.push_back(part);
  }
  const std::string body = Body(parts);
  for (int trial = 0; trial < 60; ++trial) {
    Collected c;
    MultipartStream s = Collector(c);
    const std::size_t most = trial < 20 ? 100 : trial < 40 ? 70000 : 600000;
    for (std::size_t at = 0; at < body.size();) {
      const std::size_t n = std::uniform_int_distribution<std::size_t>(1, most)(rng);
      const std::size_t k = std::min(n, body.size() - at);
      s.Feed(body.data() + at, k);
      at += k;
    }
    ASSERT_TRUE(s.complete()) << "trial " << trial;
    ASSERT_EQ(c.parts.size(), parts.size()) << "trial " << trial;
    for (std::size_t i = 0; i < parts.size(); ++i) EXPECT_EQ(c.parts[i], parts[i]) << trial;
    EXPECT_EQ(c.open, 0);
  }
}

TEST(MultipartStream, ABodyCutShortIsIncompleteAndItsLastPartNeverEnds) {
  const std::string body = Body({"one", "two"});
  Collected c;
  MultipartStream s = Collector(c);
  s.Feed(body.data(), body.find("two") + 2);
  EXPECT_FALSE(s.complete());
  EXPECT_EQ(c.open, 1);  // "two" began but never ended: its file is not renamed into place
  EXPECT_EQ(c.parts.front(), "one");
}

TEST(MultipartStream, AContentTypeWithoutBoundaryIsRefused) {
  EXPECT_THROW(
      MultipartStream("application/dicom", {[] {}, [](const char*, std::size_t) {}, [] {}}),
      std::runtime_error);
}

}  // namespace
}  // namespace nadir::pacs::detail
