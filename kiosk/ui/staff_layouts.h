#pragma once
// Where the staff's review screens put their parts (pure, no SDL): the draw functions and the
// scenario scripts' named targets use the same rects. The screens keep the journey's header,
// title, back and next places (layoutStep), so a control never moves between them.

#include <cstddef>
#include <vector>

#include "kiosk/ui/layout.h"
#include "kiosk/ui/registration_layouts.h"

namespace kiosk::ui {

// An open record: who it is under the title; the photo and, beside it, the eight documents (or a
// check-in's complaint); the decisions in the bottom row, beside "back".
struct RecordParts {
    StepLayout layout;
    Rect facts;                    // two lines: who, then the plan and the automatic checks
    Rect message;                  // a problem, or the decision that stands
    Rect photo;
    Rect complaint;                // a check-in's complaint, in a panel
    std::vector<Rect> documents;       // eight buttons that say the verdict and mark it (registrations)
    std::vector<Rect> documentLabels;  // beside each: the document's name
    std::vector<Rect> decisions;   // approve, return, reject, refer (a check-in: approve, refer)
};
RecordParts recordParts(Size window, bool checkIn);

// A list of choices (a document's verdict, a decision's reason) under a title.
struct ChoiceListParts {
    StepLayout layout;
    std::vector<Rect> options;
};
ChoiceListParts choiceListParts(Size window, std::size_t count);

}  // namespace kiosk::ui
