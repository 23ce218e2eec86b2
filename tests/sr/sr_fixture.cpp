// Shared fixture of the dicom/sr tests; see sr_fixture.h.
#include "tests/sr/sr_fixture.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "dicom/phantom.h"

namespace nadir::test {

namespace fs = std::filesystem;

const Phantom& GetPhantom() {
  static const Phantom phantom = [] {
    // The phantom is deterministic, so every test process of a build shares one copy in the
    // build folder (ctest runs each test in its own process; writing ~240 MB each time would
    // cost minutes). It is written beside, then renamed into place, so a half-written copy is
    // never used.
    Phantom p;
    p.root = fs::path(NADIR_SR_PHANTOM_DIR);
    if (!fs::exists(p.root / "truth")) {
      const fs::path tmp = p.root.string() + ".tmp" + std::to_string(::getpid());
      fs::remove_all(tmp);
      dicom::WritePhantomTrial(tmp, dicom::PhantomOptions{});  // 3 subjects x 3 timepoints
      std::error_code ec;
      fs::rename(tmp, p.root, ec);  // another process may have won the race: use its copy
      fs::remove_all(tmp, ec);
    }
    for (const auto& f : fs::directory_iterator(p.root / "truth"))
      p.subjects.push_back(f.path().stem().string());
    std::sort(p.subjects.begin(), p.subjects.end());
    return p;
  }();
  return phantom;
}

const ScratchDir& Scratch() {
  static const ScratchDir scratch("sr");
  return scratch;
}

LoadedAssessment ReadTruth(const fs::path& file) {
  LoadedAssessment a = ReadAssessmentFile(file.string());
  EXPECT_TRUE(a.subject.has_value()) << Join(a.errors);
  return a;
}

std::vector<fs::path> ExportTruth(const std::string& subject, const std::string& dir_name) {
  const Phantom& p = GetPhantom();
  const LoadedAssessment truth = ReadTruth(p.Truth(subject));
  dicom::sr::ExportOptions options;
  options.images = p.Images(subject);
  options.out = Scratch().Fresh(dir_name);
  const dicom::sr::ExportResult r =
      dicom::sr::ExportAssessment(*truth.subject, p.Truth(subject).string(), options);
  std::vector<fs::path> files;
  for (const auto& rep : r.reports) files.push_back(rep.file);
  return files;
}

void EditDataset(const fs::path& in, const fs::path& out,
                 const std::function<void(DcmItem&)>& edit) {
  DcmFileFormat ff;
  ASSERT_TRUE(ff.loadFile(in.c_str()).good()) << in;
  edit(*ff.getDataset());
  ASSERT_TRUE(ff.saveFile(out.c_str(), EXS_LittleEndianExplicit).good()) << out;
}

DcmItem* FindContentItem(DcmItem& item, const std::string& code_value) {
  DcmSequenceOfItems* seq = nullptr;
  if (item.findAndGetSequence(DCM_ContentSequence, seq).bad() || !seq) return nullptr;
  for (unsigned long i = 0; i < seq->card(); ++i) {
    DcmItem* child = seq->getItem(i);
    DcmItem* name = nullptr;
    if (child->findAndGetSequenceItem(DCM_ConceptNameCodeSequence, name).good() && name) {
      OFString v;
      name->findAndGetOFString(DCM_CodeValue, v);
      if (v.c_str() == code_value) return child;
    }
    if (DcmItem* found = FindContentItem(*child, code_value)) return found;
  }
  return nullptr;
}

DcmItem* FindValueType(DcmItem& item, const std::string& value_type) {
  DcmSequenceOfItems* seq = nullptr;
  if (item.findAndGetSequence(DCM_ContentSequence, seq).bad() || !seq) return nullptr;
  for (unsigned long i = 0; i < seq->card(); ++i) {
    DcmItem* child = seq->getItem(i);
    OFString v;
    child->findAndGetOFString(DCM_ValueType, v);
    if (v.c_str() == value_type) return child;
    if (DcmItem* found = FindValueType(*child, value_type)) return found;
  }
  return nullptr;
}

bool Contains(const std::vector<std::string>& lines, const std::string& text) {
  for (const auto& l : lines)
    if (l.find(text) != std::string::npos) return true;
  return false;
}

int Capture(const std::string& command, std::string* output) {
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return -1;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) output->append(buf, n);
  return ::pclose(pipe);
}

std::string DciodvfyErrors(const fs::path& file, std::string* output) {
  if (std::string(NADIR_DCIODVFY).empty()) return {};
  std::string out;
  Capture(std::string(NADIR_DCIODVFY) + " '" + file.string() + "'", &out);
  std::istringstream lines(out);
  std::string line, errors;
  while (std::getline(lines, line))
    if (line.rfind("Error", 0) == 0) errors += line + "\n";
  if (output) *output = out;
  return errors;
}

void ExpectSameSubjectLevel(const Subject& want, const Subject& got) {
  EXPECT_EQ(want.groups, got.groups);
  EXPECT_EQ(want.covariates, got.covariates);
  EXPECT_EQ(want.treatment_start, got.treatment_start);
  EXPECT_EQ(want.death_date, got.death_date);
  EXPECT_EQ(want.last_known_alive, got.last_known_alive);
  const Protocol &a = want.protocol, &b = got.protocol;
  EXPECT_EQ(a.criteria, b.criteria);
  EXPECT_EQ(a.confirmation, b.confirmation);
  EXPECT_EQ(a.confirm_min_days, b.confirm_min_days);
  EXPECT_EQ(a.sd_min_days, b.sd_min_days);
  EXPECT_EQ(a.too_small_mm, b.too_small_mm);
  EXPECT_EQ(a.irecist_confirm_min_days, b.irecist_confirm_min_days);
  EXPECT_EQ(a.irecist_confirm_max_days, b.irecist_confirm_max_days);
  EXPECT_EQ(a.bor_window_days, b.bor_window_days);
  EXPECT_EQ(a.dor_from, b.dor_from);
}

void ExpectSameDocumentSubjectLevel(const nlohmann::ordered_json& want,
                                    const nlohmann::ordered_json& got) {
  for (const auto& [key, value] : want.items()) {
    if (key == "timepoints" || value.is_null()) continue;
    ASSERT_TRUE(got.contains(key)) << key;
    // As in any rewrite by nadir (AssessmentToJson), covariates come back in key order and 72
    // may read 72.0: compared as values, key order aside.
    EXPECT_EQ(nlohmann::json(value), nlohmann::json(got[key])) << key;
  }
  for (const auto& [key, value] : got.items()) {
    if (key != "timepoints") {
      EXPECT_TRUE(want.contains(key)) << key << " added by the round trip";
    }
  }
}

std::string Join(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

}  // namespace nadir::test
