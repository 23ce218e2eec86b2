// Shared by the dicom/sr tests: one phantom trial written once per test run, and helpers to
// export it, edit SR datasets and read results.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "dicom/sr/sr.h"
#include "formats/assessment_json.h"
#include "tests/support/scratch_dir.h"

class DcmItem;

namespace nadir::test {

/// The phantom trial (3 subjects x 3 timepoints) in the build folder, written on first use
/// and shared by later test processes.
struct Phantom {
  std::filesystem::path root;
  std::vector<std::string> subjects;  // "PH-001" ...
  std::filesystem::path Images(const std::string& subject) const {
    return root / "dicom" / subject;
  }
  std::filesystem::path Truth(const std::string& subject) const {
    return root / "truth" / (subject + ".json");
  }
};
const Phantom& GetPhantom();

/// This test process's scratch folder, removed at exit: exported reports and edited copies go
/// into its sub-folders (`Scratch().Fresh("name")`), which helpers hand back to the tests.
const ScratchDir& Scratch();

/// Reads an assessment file that must be valid.
LoadedAssessment ReadTruth(const std::filesystem::path& file);

/// Exports `subject`'s ground truth into a fresh folder; returns the SR files in date order.
std::vector<std::filesystem::path> ExportTruth(const std::string& subject,
                                               const std::string& dir_name);

/// Loads a DICOM file, lets `edit` change its dataset, saves it to `out`.
void EditDataset(const std::filesystem::path& in, const std::filesystem::path& out,
                 const std::function<void(DcmItem&)>& edit);

/// The first content item (depth first) whose concept name code value is `code_value`.
DcmItem* FindContentItem(DcmItem& item, const std::string& code_value);

/// Runs a command, returning its exit status and its stdout + stderr.
int Capture(const std::string& command, std::string* output);

/// dciodvfy's "Error" lines for `file` (empty when none, or when dciodvfy is not installed);
/// `output` gets everything it printed.
std::string DciodvfyErrors(const std::filesystem::path& file, std::string* output = nullptr);

/// The first content item (depth first) of value type `value_type` ("SCOORD3D" ...).
DcmItem* FindValueType(DcmItem& item, const std::string& value_type);

/// Expects the subject-level fields (groups, covariates, dates, protocol) to be the same; and
/// every top-level field of `want` but `timepoints` to be in `got`, and nothing more.
void ExpectSameSubjectLevel(const Subject& want, const Subject& got);
void ExpectSameDocumentSubjectLevel(const nlohmann::ordered_json& want,
                                    const nlohmann::ordered_json& got);

/// Does one of `lines` contain `text`?
bool Contains(const std::vector<std::string>& lines, const std::string& text);

/// Joins messages for failure output and substring checks.
std::string Join(const std::vector<std::string>& lines);

}  // namespace nadir::test
