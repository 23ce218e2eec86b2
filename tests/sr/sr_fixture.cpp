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

namespace nadir::dicom::sr::test {

namespace fs = std::filesystem;

namespace {

fs::path Base() {
  static const fs::path base = [] {
    fs::path p = fs::temp_directory_path() / ("nadir_sr_tests_" + std::to_string(::getpid()));
    fs::remove_all(p);
    fs::create_directories(p);
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(fs::temp_directory_path() / ("nadir_sr_tests_" + std::to_string(::getpid())),
                     ec);
    });
    return p;
  }();
  return base;
}

}  // namespace

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
      WritePhantomTrial(tmp, PhantomOptions{});  // 3 subjects x 3 timepoints
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

fs::path FreshDir(const std::string& name) {
  const fs::path p = Base() / name;
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

LoadedAssessment ReadTruth(const fs::path& file) {
  LoadedAssessment a = ReadAssessmentFile(file.string());
  EXPECT_TRUE(a.subject.has_value()) << Join(a.errors);
  return a;
}

std::vector<fs::path> ExportTruth(const std::string& subject, const std::string& dir_name) {
  const Phantom& p = GetPhantom();
  const LoadedAssessment truth = ReadTruth(p.Truth(subject));
  ExportOptions options;
  options.images = p.Images(subject);
  options.out = FreshDir(dir_name);
  const ExportResult r = ExportAssessment(*truth.subject, p.Truth(subject).string(), options);
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

std::string Join(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

}  // namespace nadir::dicom::sr::test
