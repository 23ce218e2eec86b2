// Choosing a file or folder inside the viewer (Debian ships no ImGui file dialog): a plain
// model of one folder's listing, the name being typed and what may be chosen, so the rules are
// tested without a window. panels_files.cpp draws it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace nadir::annotate {

struct BrowserEntry {
  std::string name;
  bool folder = false;
};

class FileBrowser {
 public:
  enum class Mode {
    kOpenFile,     // an existing file with one of the extensions
    kSaveFile,     // a new or existing file; the extension is added when missing
    kChooseFolder  // an existing folder (SR reports are read from, or written into, one)
  };

  FileBrowser() = default;
  FileBrowser(Mode mode, std::string title, std::vector<std::string> extensions = {});

  /// Shows `folder` (or the folder of `file` when a file path is given); the name field gets
  /// the file name in kSaveFile mode. A folder that cannot be listed leaves the error in error().
  void Show(const std::filesystem::path& path);
  void Up();
  /// A click on an entry: a folder is entered, a file's name goes into the name field.
  void Click(const BrowserEntry& entry);
  /// The path the reader chose, or nullopt with error() saying why (no such file, wrong
  /// extension, not a folder ...).
  std::optional<std::filesystem::path> Choose();

  Mode mode() const { return mode_; }
  const std::string& title() const { return title_; }
  const std::filesystem::path& folder() const { return folder_; }
  /// Folders first, then files with an allowed extension, each sorted by name; hidden entries
  /// (starting with '.') are left out.
  const std::vector<BrowserEntry>& entries() const { return entries_; }
  std::string& name() { return name_; }  // the text field (a name, or a path)
  const std::string& error() const { return error_; }

 private:
  bool Allowed(const std::filesystem::path& file) const;
  void List();

  Mode mode_ = Mode::kOpenFile;
  std::string title_;
  std::vector<std::string> extensions_;  // lower case with the dot (".json"); empty: any
  std::filesystem::path folder_;
  std::vector<BrowserEntry> entries_;
  std::string name_;
  std::string error_;
};

}  // namespace nadir::annotate
