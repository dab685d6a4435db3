#pragma once
// Where the journey screens put their parts, from the window size and the flow's state alone
// (pure, no SDL): the draw functions and the scenario scripts' named targets use the same rects.

#include <array>
#include <string>
#include <vector>

#include "kiosk/core/flow/visit_flow.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/layout.h"

namespace kiosk::ui {

// Back and next keep the places they have on the language screen; the progress ("Langkah 3
// dari 8") sits between them in landscape and above them in portrait.
struct StepLayout {
    Metrics metrics;
    HeaderLayout header;
    Rect title;
    Rect prompt;  // two wrapped lines
    Rect body;
    Rect back;
    Rect next;
    Rect progress;
    Rect footer;
};
StepLayout layoutStep(Size window);

// Cells for `count` options in `area`: as many columns as rows of a comfortable height need,
// never a row lower than a touch target (pure).
std::vector<Rect> layoutOptionGrid(Rect area, std::size_t count, const Metrics& m);

struct DocumentRow {
    Rect label;
    Rect have;
    Rect notYet;
    Rect scan;  // take a picture of it with the camera
};
struct ReviewRow {
    int section = 0;
    Rect panel;
    Rect label;
    Rect value;
    Rect change;
};

// The parts of one view; what a kind of step does not use stays empty.
struct StepParts {
    StepLayout layout;
    Rect field;     // digits and letters
    Rect message;   // a problem or a hint, two lines
    Rect keyboard;  // the keypad or the letter keyboard
    Rect skip;      // "I do not have one yet"
    Rect secondary; // "take the photo again"
    Rect picture;   // the camera
    Rect status;    // what was read, the consent text, the checks
    std::vector<Rect> options;
    std::vector<DocumentRow> documents;
    std::vector<ReviewRow> review;
};

StepParts stepParts(const flow::FlowState& state, Size window);
StepParts menuParts(Size window);  // options: register, check status
// "Cek status": the camera, what was read, a problem line.
StepParts statusScanParts(Size window);
// A document held up to the camera: the picture, what to do, a problem line.
StepParts documentScanParts(Size window);

struct StatusParts {
    StepLayout layout;
    Rect numberLabel;
    Rect number;
    Rect issued;   // when and where the receipt was made
    Rect verdict;  // genuine or not, in a panel
    Rect stages;   // the record's progress, one line a stage
};
StatusParts statusParts(Size window);

struct ReceiptParts {
    StepLayout layout;
    Rect numberLabel;
    Rect number;
    Rect qr;
    Rect missing;
    Rect warning;
};
ReceiptParts receiptParts(Size window);

// The review's sections, in order.
inline constexpr std::array kReviewSections{1, 2, 3, 5, 6, 7, 8};
// The returnee's: consent, identity, home, work, return, rights and complaint, needs and plans.
inline constexpr std::array kReturneeReviewSections{1, 2, 3, 4, 5, 6, 7};

struct JourneyTarget {
    std::string name;
    Rect place;
};
// The named controls of a journey view: "next", "back", "register", "status", "skip", "option-3",
// "consent-0", "not-listed", "doc-2-have", "doc-2-not-yet", "doc-2-scan", "take", "change-5", "submit", "done", "key-A", "key-7",
// "space", "delete".
std::vector<JourneyTarget> journeyTargets(const flow::FlowState& state, Size window);

}  // namespace kiosk::ui
