// The trial's CSV data (issue 21): any bytes as adverse_events.csv, kinetics.csv and labs.csv,
// then the computations over what was read. No input may crash, hang or throw.
#include <cstddef>
#include <cstdint>
#include <string>

#include "formats/trial_data.h"
#include "measure/stats/cytokines.h"
#include "measure/stats/noncompartmental.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const nadir::TrialSubjects subjects = {{"S1", nadir::ParseIsoDate("2026-01-10")},
                                         {"S2", std::nullopt}};
  nadir::TrialData d;
  nadir::ParseAdverseEvents("ae.csv", text, subjects, d);
  nadir::ParseKinetics("k.csv", text, subjects, d);
  nadir::ParseLabs("labs.csv", text, subjects, d);
  // The reader rejects what NCA would refuse (negative or repeated days, negative values).
  for (const auto& [id, samples] : d.kinetics) nadir::stats::NonCompartmental(samples, {28, 90});
  std::vector<nadir::stats::LabValue> values;
  for (const auto& l : d.labs) values.push_back({l.day, l.value});
  nadir::stats::CytokineResponseOf(values);
  return 0;
}
