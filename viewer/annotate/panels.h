// Dear ImGui panels of annotation. Each is a small state struct and a draw function that only
// reads the session and returns what the reader asked for (actions); the controller applies
// them with AnnotationSession::Apply. Panels never compute a response: they show the engine's.
#pragma once

#include <string>
#include <vector>

#include "viewer/annotate/annotate_intents.h"
#include "viewer/annotate/session.h"

namespace nadir::annotate {

/// Where the viewer docks a panel (window pixels). A docked panel has no title-bar close, move
/// or resize of its own: its column's splitter sizes it. `width` 0 lets the panel float.
struct PanelPlace {
  float x = 0, y = 0, width = 0, height = 0;
};

/// Begins a panel's window: docked at `place` when it has a size, else floating with a close
/// button on `open` and `floating` as its first size.
bool BeginPanel(const char* title, const PanelPlace& place, bool* open, float floating_w,
                float floating_h);

struct LesionPanelState {
  bool open = true;
  PanelPlace place;
  char site_text[64] = "";    // free-text site of the selected lesion, being typed
  std::string site_text_for;  // the lesion whose site the buffer holds
  char reader[32] = "";
  char treatment_start[16] = "";  // YYYY-MM-DD
  char label[48] = "";
  int subject_revision = -1;   // the session revision the buffers were filled at
  int subject_timepoint = -1;  // and the timepoint
};

/// The lesion list of the current timepoint: id, kind, site (pick list or free text), nodal,
/// state, diameters, the previous measurement, lesions not yet assessed at a follow-up, the
/// tools, undo/redo/save, and the engine's guidance.
std::vector<AnnotateIntent> DrawLesionPanel(const AnnotationSession& s, LesionPanelState& st);

/// Parts of the selected lesion's editor (panels_fragments.cpp): the iRECIST category of a new
/// lesion and "increased since last" of a non-target or new lesion at a follow-up; a target's
/// "Split into fragments" at a follow-up, its fragments (lengths, measure, delete) and "Add
/// fragment".
void IRecistEditor(const AnnotationSession& s, const LesionRecord& l,
                   std::vector<AnnotateIntent>& out);
void FragmentEditor(const AnnotationSession& s, const LesionRecord& l,
                    std::vector<AnnotateIntent>& out);

struct ResponsePanelState {
  bool open = true;
  PanelPlace place;
  bool irecist = false;  // show iRECIST instead of RECIST 1.1
};

/// Sums, nadir, changes, target / non-target / new-lesion and overall responses per
/// timepoint, best overall response, and the sum-of-diameters chart; all from Results().
std::vector<AnnotateIntent> DrawResponsePanel(const AnnotationSession& s, ResponsePanelState& st);

/// The sum-of-diameters chart alone (ImDrawList), `width` x `height` pixels at the cursor.
void DrawSumChart(const SubjectResult& r, bool irecist, float width, float height);

}  // namespace nadir::annotate
