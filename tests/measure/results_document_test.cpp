// The results document written directly (formats/json_writer.h, SubjectResultDocumentPart):
// byte for byte what nlohmann's dump(1) of the same tree writes, on random trees and on
// thousands of assessed synthetic subjects (errors, warnings, iRECIST, odd strings).
#include <gtest/gtest.h>

#include <cstring>
#include <random>

#include "formats/json_writer.h"
#include "formats/results_json.h"
#include "formats/synthetic_trial.h"
#include "measure/assess.h"

namespace nadir::test {
namespace {

using Json = nlohmann::ordered_json;

void Write(JsonWriter& w, const Json& j) {
  switch (j.type()) {
    case Json::value_t::object:
      w.BeginObject();
      for (const auto& [k, v] : j.items()) {
        w.Key(k);
        Write(w, v);
      }
      w.EndObject();
      break;
    case Json::value_t::array:
      w.BeginArray();
      for (const auto& v : j) Write(w, v);
      w.EndArray();
      break;
    case Json::value_t::string:
      w.String(j.get_ref<const std::string&>());
      break;
    case Json::value_t::boolean:
      w.Bool(j.get<bool>());
      break;
    case Json::value_t::number_integer:
      w.Integer(j.get<std::int64_t>());
      break;
    case Json::value_t::number_unsigned:
      w.Integer(j.get<std::int64_t>());
      break;
    case Json::value_t::number_float:
      w.Number(j.get<double>());
      break;
    default:
      w.Null();
  }
}

std::string Written(const Json& j, int base_indent = 0) {
  std::string out;
  JsonWriter w(out, base_indent);
  Write(w, j);
  return out;
}

/// What SubjectResultDocumentPart wrote before it wrote directly: the tree's dump(1) with two
/// more spaces on every line.
std::string Reindented(const std::string& text) {
  std::string out = "  ";
  for (char c : text) {
    out += c;
    if (c == '\n') out += "  ";
  }
  return out;
}

std::string RandomString(std::mt19937_64& rng) {
  static const char* pieces[] = {"a",
                                 "Lyon",
                                 " ",
                                 "\"",
                                 "\\",
                                 "\n",
                                 "\t",
                                 "\b",
                                 "\f",
                                 "\r",
                                 "\x01",
                                 "\x1f",
                                 "\x7f",
                                 "/",
                                 "é",
                                 "中",
                                 "\xF0\x9F\x98\x80",
                                 "€",
                                 ""};
  std::string s;
  const int n = int(rng() % 6);
  for (int i = 0; i < n; ++i) s += pieces[rng() % std::size(pieces)];
  return s;
}

double RandomDouble(std::mt19937_64& rng) {
  switch (rng() % 5) {
    case 0: {  // any finite bit pattern
      double x;
      do {
        const std::uint64_t bits = rng();
        std::memcpy(&x, &bits, sizeof x);
      } while (!std::isfinite(x));
      return x;
    }
    case 1:
      return std::round((double(rng() % 2000000) - 1e6) / 7.0) / 1000.0;  // like sum_mm
    case 2:
      return RoundedPct(std::uniform_real_distribution<double>(-100, 300)(rng));
    case 3:
      return -0.0;
    default:
      return double(std::int64_t(rng() % 100000) - 50000);
  }
}

Json RandomTree(std::mt19937_64& rng, int depth) {
  const int kind = int(rng() % (depth > 3 ? 6 : 8));
  switch (kind) {
    case 0:
      return nullptr;
    case 1:
      return bool(rng() % 2);
    case 2:
      return std::int64_t(rng()) >> (rng() % 64);
    case 3:
      return RandomDouble(rng);
    case 4:
      return RandomString(rng);
    case 5:
      return std::numeric_limits<double>::quiet_NaN();  // written as null, as nlohmann does
    case 6: {
      Json a = Json::array();
      for (int i = int(rng() % 4); i > 0; --i) a.push_back(RandomTree(rng, depth + 1));
      return a;
    }
    default: {
      Json o = Json::object();
      for (int i = int(rng() % 4); i > 0; --i) o[RandomString(rng)] = RandomTree(rng, depth + 1);
      return o;
    }
  }
}

TEST(JsonWriter, WritesWhatDumpOneWritesForRandomTrees) {
  std::mt19937_64 rng(18);
  for (int i = 0; i < 20000; ++i) {
    const Json j = RandomTree(rng, 0);
    ASSERT_EQ(Written(j), j.dump(1)) << "tree " << i;
  }
}

TEST(JsonWriter, EmptyContainersAndBaseIndent) {
  const Json j = {{"a", Json::array()}, {"b", Json::object()}, {"c", {1, 2.5, "x"}}};
  EXPECT_EQ(Written(j), j.dump(1));
  EXPECT_EQ(Written(j, 2),
            "{\n   \"a\": [],\n   \"b\": {},\n   \"c\": [\n    1,\n    2.5,\n"
            "    \"x\"\n   ]\n  }");
  EXPECT_EQ(Written(Json::array()), "[]");
  EXPECT_EQ(Written(Json::object()), "{}");
}

TEST(JsonWriter, InvalidUtf8ThrowsAsDumpDoes) {
  std::string out;
  EXPECT_THROW(AppendJsonString(out, "bad \xC3\x28 byte"), nlohmann::json::type_error);
  EXPECT_THROW(Json("bad \xC3\x28 byte").dump(), nlohmann::json::type_error);
}

/// "threw" where nlohmann's dump throws, else its text; `direct` the same for the writer.
std::string DumpedOrThrew(const std::string& s, bool direct) {
  try {
    std::string out;
    if (direct) AppendJsonString(out, s);
    return direct ? out : Json(s).dump();
  } catch (const nlohmann::json::type_error&) {
    return "threw";
  }
}

// Every lead byte from 0x80 alone at the end, or with every next byte, then the end of the string
// or a few continuation and other bytes: well-formed UTF-8 is copied, anything else throws, as in
// dump.
TEST(JsonWriter, Utf8AsDumpWritesIt) {
  const std::vector<std::string> tails = {"",         "\x80",     "\xBF\x80", "\x80\xBFy",
                                          "\xC0\x80", "\x80\x41", "y"};
  int copied = 0, thrown = 0;
  for (unsigned b1 = 0x80; b1 <= 0xFF; ++b1) {
    const std::string cut = {'x', char(b1)};  // a lead byte at the end
    ASSERT_EQ(DumpedOrThrew(cut, true), DumpedOrThrew(cut, false)) << std::hex << b1;
    for (unsigned b2 = 0; b2 <= 0xFF; ++b2)
      for (const auto& tail : tails) {
        const std::string s = std::string{'x', char(b1), char(b2)} + tail;
        const std::string dumped = DumpedOrThrew(s, false);
        ASSERT_EQ(DumpedOrThrew(s, true), dumped) << std::hex << b1 << " " << b2 << " " << tail;
        (dumped == "threw" ? thrown : copied) += 1;
      }
  }
  EXPECT_GT(copied, 5000);
  EXPECT_GT(thrown, 5000);
}

/// Synthetic subject `i`, varied beyond what the generator gives: subjects whose protocol
/// selects one criteria only, subjects with errors (no id, no lesions, an unreadable date
/// order), odd strings in every free-text field, recorded clinical stability.
Subject VariedSubject(int i) {
  Subject s = SyntheticSubject(18, i);
  switch (i % 11) {
    case 1:
      s.protocol.criteria = {Criteria::kRecist11};
      break;
    case 2:
      s.protocol.criteria = {Criteria::kIRecist};
      break;
    case 3:
      s.id.clear();
      break;
    case 4:
      s.timepoints.front().lesions.clear();
      break;
    case 5:
      s.timepoints.resize(1);
      break;
    case 6:
      s.groups.clear();
      break;
    case 7:
      s.groups["site \"Lyon\"\n"] = "ward\t\x01 é";
      break;
    case 8:
      s.reader = "R\\2 «Müller»";
      break;
    case 9:
      for (auto& t : s.timepoints) t.clinically_stable = t.date.days % 2 == 0;
      break;
    case 10:
      s.timepoints.back().label = "Week \"12\"\r\n";
      if (s.timepoints.size() > 2) s.timepoints[1].date = s.timepoints.back().date;  // duplicate
      break;
  }
  return s;
}

TEST(SubjectResultDocumentPart, EqualsTheTreesDumpForThousandsOfSubjects) {
  int with_errors = 0, with_irecist = 0, with_recist11_only = 0;
  for (int i = 0; i < 4000; ++i) {
    SubjectResult r = AssessSubject(VariedSubject(i));
    r.file = "/data/trial \"A\"/SYN-" + std::to_string(i) + ".json";
    with_errors += !r.errors.empty();
    with_irecist += r.irecist.has_value();
    with_recist11_only += r.recist11 && !r.irecist;
    ASSERT_EQ(SubjectResultDocumentPart(r), Reindented(SubjectResultToJson(r).dump(1)))
        << "subject " << i;
  }
  // The cases above were reached, so the comparison covered them.
  EXPECT_GT(with_errors, 300);
  EXPECT_GT(with_irecist, 2000);
  EXPECT_GT(with_recist11_only, 300);
}

TEST(ResultsDocumentText, EqualsTheWholeTreesDump) {
  std::vector<SubjectResult> results;
  EXPECT_EQ(ResultsDocumentText(results, 2), ResultsToJson(results).dump(1) + "\n");
  for (int i = 0; i < 200; ++i) results.push_back(AssessSubject(VariedSubject(i)));
  EXPECT_EQ(ResultsDocumentText(results, 2), ResultsToJson(results).dump(1) + "\n");
}

}  // namespace
}  // namespace nadir::test
