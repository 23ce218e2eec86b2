// Prototype, not built by CMake (issue 18): parse time of `nadir bench --keep --dir D` files
// with nlohmann (ordered_json, as the reader uses) and simdjson (DOM, and On-Demand walking
// every value), CPU seconds on one thread, from memory. Needs libsimdjson-dev; build with
//   g++ -std=c++20 -O2 -Wall -Wextra scripts/simdjson_parse_probe.cpp -lsimdjson -o parse_probe
#include <simdjson.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

double Cpu() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

// Touches every value as a reader must: strings unescaped, numbers parsed.
std::size_t Walk(simdjson::ondemand::value v) {
  using T = simdjson::ondemand::json_type;
  switch (v.type().value()) {
    case T::object: {
      std::size_t n = 0;
      for (auto field : v.get_object()) {
        n += field.unescaped_key().value().size();
        n += Walk(field.value().value());
      }
      return n;
    }
    case T::array: {
      std::size_t n = 0;
      for (auto e : v.get_array()) n += Walk(e.value());
      return n;
    }
    case T::string:
      return v.get_string().value().size();
    case T::number:
      return v.get_double().value() != 0;
    case T::boolean:
      return v.get_bool().value();
    default:
      return v.is_null();
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return std::fprintf(stderr, "usage: parse_probe DIR\n"), 2;
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  for (const auto& e : std::filesystem::directory_iterator(argv[1])) {
    std::ifstream in(e.path(), std::ios::binary);
    texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    bytes += texts.back().size();
  }
  std::vector<simdjson::padded_string> padded(texts.begin(), texts.end());
  std::printf("%zu files, %.1f MB (in memory; file reading not timed); simdjson %s\n", texts.size(),
              bytes / 1e6, simdjson::get_active_implementation()->name().c_str());
  for (int rep = 0; rep < 3; ++rep) {
    std::size_t sink = 0;
    double t0 = Cpu();
    for (const auto& t : texts) sink += nlohmann::ordered_json::parse(t).size();
    double t1 = Cpu();
    simdjson::dom::parser dom;
    for (const auto& p : padded) sink += dom.parse(p).get_object().value().size();
    double t2 = Cpu();
    simdjson::ondemand::parser od;
    for (const auto& p : padded) {
      auto doc = od.iterate(p);
      sink += Walk(doc.get_value().value());
    }
    double t3 = Cpu();
    std::printf(
        "nlohmann %.3f s  simdjson DOM %.3f s (%.1fx)  On-Demand walk %.3f s (%.1fx) [%zu]\n",
        t1 - t0, t2 - t1, (t1 - t0) / (t2 - t1), t3 - t2, (t1 - t0) / (t3 - t2), sink);
  }
}
