// The error every dicom/ function throws for input it cannot use honestly: it names the file,
// the DICOM tag (or field) and the value it found, so a person can go and look.
#pragma once

#include <stdexcept>
#include <string>

namespace nadir::dicom {

class DicomError : public std::runtime_error {
 public:
  /// `tag` is "(gggg,eeee) Keyword" or a plain field name; empty when no tag is involved.
  DicomError(std::string file, std::string tag, std::string value, std::string problem)
      : std::runtime_error(Compose(file, tag, value, problem)),
        file_(std::move(file)),
        tag_(std::move(tag)),
        value_(std::move(value)),
        problem_(std::move(problem)) {}

  const std::string& file() const { return file_; }
  const std::string& tag() const { return tag_; }
  const std::string& value() const { return value_; }
  const std::string& problem() const { return problem_; }

 private:
  static std::string Compose(const std::string& file, const std::string& tag,
                             const std::string& value, const std::string& problem) {
    std::string s = file.empty() ? std::string("(no file)") : file;
    s += ": " + problem;
    if (!tag.empty())
      s += " [" + tag + (value.empty() ? "" : " = '" + value + "'") + "]";
    else if (!value.empty())
      s += " ['" + value + "']";
    return s;
  }

  std::string file_, tag_, value_, problem_;
};

}  // namespace nadir::dicom
