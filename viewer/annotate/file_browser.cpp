#include "viewer/annotate/file_browser.h"

#include <algorithm>
#include <cctype>

namespace nadir::annotate {

namespace fs = std::filesystem;

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

FileBrowser::FileBrowser(Mode mode, std::string title, std::vector<std::string> extensions)
    : mode_(mode), title_(std::move(title)) {
  for (auto& e : extensions) extensions_.push_back(Lower(e));
}

bool FileBrowser::Allowed(const fs::path& file) const {
  if (extensions_.empty()) return true;
  const std::string ext = Lower(file.extension().string());
  return std::find(extensions_.begin(), extensions_.end(), ext) != extensions_.end();
}

void FileBrowser::Show(const fs::path& path) {
  std::error_code ec;
  fs::path p = path.empty() ? fs::current_path(ec) : fs::absolute(path, ec);
  if (fs::is_directory(p, ec)) {
    folder_ = p;
    if (mode_ != Mode::kSaveFile) name_.clear();
  } else {
    folder_ = p.parent_path();
    name_ = mode_ == Mode::kChooseFolder ? "" : p.filename().string();
  }
  List();
}

void FileBrowser::Up() {
  if (folder_.has_parent_path() && folder_.parent_path() != folder_)
    folder_ = folder_.parent_path();
  List();
}

void FileBrowser::Click(const BrowserEntry& entry) {
  if (entry.folder) {
    folder_ /= entry.name;
    if (mode_ == Mode::kChooseFolder) name_.clear();
    List();
  } else {
    name_ = entry.name;
  }
}

void FileBrowser::List() {
  entries_.clear();
  error_.clear();
  std::error_code ec;
  fs::directory_iterator it(folder_, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    error_ = "cannot list " + folder_.string() + ": " + ec.message();
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code type_ec;
    const bool folder = it->is_directory(type_ec);
    if (folder || (mode_ != Mode::kChooseFolder && Allowed(it->path())))
      entries_.push_back({name, folder});
  }
  std::sort(entries_.begin(), entries_.end(), [](const BrowserEntry& a, const BrowserEntry& b) {
    return a.folder != b.folder ? a.folder : a.name < b.name;
  });
}

std::optional<fs::path> FileBrowser::Choose() {
  error_.clear();
  std::error_code ec;
  const fs::path typed = name_.empty()                   ? folder_
                         : fs::path(name_).is_absolute() ? fs::path(name_)
                                                         : folder_ / name_;
  const fs::path target = typed.lexically_normal();
  switch (mode_) {
    case Mode::kChooseFolder:
      if (fs::is_directory(target, ec)) return target;
      error_ = target.string() + " is not a folder";
      return std::nullopt;
    case Mode::kOpenFile:
      if (fs::is_directory(target, ec)) {  // typing a folder's name enters it
        Show(target);
        return std::nullopt;
      }
      if (!fs::is_regular_file(target, ec)) {
        error_ = "no such file: " + target.string();
        return std::nullopt;
      }
      if (!Allowed(target)) {
        error_ = target.filename().string() + " is not a " + extensions_.front() + " file";
        return std::nullopt;
      }
      return target;
    case Mode::kSaveFile: {
      if (name_.empty()) {
        error_ = "type a file name";
        return std::nullopt;
      }
      if (fs::is_directory(target, ec)) {
        Show(target);
        name_.clear();
        return std::nullopt;
      }
      fs::path file = target;
      if (!extensions_.empty() && !Allowed(file)) file += extensions_.front();
      if (!fs::is_directory(file.parent_path(), ec)) {
        error_ = "no such folder: " + file.parent_path().string();
        return std::nullopt;
      }
      return file;
    }
  }
  return std::nullopt;
}

}  // namespace nadir::annotate
