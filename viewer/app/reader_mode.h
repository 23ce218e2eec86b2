// Reader mode: the viewer pointed at a blinded reader's package (`nadir review package`) shows
// who is reading, the package's cases with how far each read is, and opens them one by one
// (the unsaved-changes question first). Nothing outside the package is listed.
#pragma once

#include <string>
#include <vector>

#include "viewer/annotate/package_cases.h"
#include "viewer/app/annotate_glue.h"
#include "viewer/app/app_intents.h"

namespace nadir::viewer {

struct ReaderModeUi {
  bool active = false;
  annotate::PackageCases cases;
  std::string seen_key;  // session state the list was read at (re-read after saves and opens)
};

/// Reader mode when `path` holds package.json. Returns false (and sets `error`) when the
/// package cannot be read; true when it is not a package or reader mode started.
bool StartReaderMode(ReaderModeUi& ui, const std::string& path, std::string* error);

/// The first case to read: the first with lesion records missing, else the first that opens;
/// "" when none can be opened.
std::string FirstCaseToRead(const ReaderModeUi& ui);

/// The case window, docked at `place` (the bottom of the left column). A click on a case asks
/// to open it (AskFile kOpenPath; the controller asks about unsaved changes first).
std::vector<Intent> DrawReaderCases(ReaderModeUi& ui, const AnnotateUi& annotate,
                                    const ViewportRect& place);

}  // namespace nadir::viewer
