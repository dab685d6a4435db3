#pragma once
// Where the staff's review screens put their parts (pure, no SDL): the draw functions and the
// scenario scripts' named targets use the same rects. The screens keep the journey's header,
// title, back and next places (layoutStep), so a control never moves between them.

#include <array>
#include <cstddef>
#include <vector>

#include "kiosk/core/flow/worklist.h"

#include "kiosk/ui/layout.h"
#include "kiosk/ui/registration_layouts.h"

namespace kiosk::ui {

// The staff home. Landscape: the worklist's title and filters on the left, its rows a page at a
// time on the right, and in the bottom row "today's report" (in back's place), the page turns and
// "sign out". Portrait stacks them under the queue's figures (which landscape leaves to the
// report). The news (a decision saved, a problem) is the prompt's second line.
struct StaffHomeParts {
    StepLayout layout;
    Rect news;
    Rect figures;  // the queue, one figure a line (portrait; empty in landscape)
    std::array<Rect, flow::kWorkFilters.size()> filters{};
    Rect listTitle;
    std::vector<Rect> rows;  // as many as fit: the page's size
    Rect previous;
    Rect pageLabel;  // "1-3 dari 12"
    Rect next;
    Rect report;
};
StaffHomeParts staffHomeParts(Size window);

// The end-of-day report: its lines in columns over the body, a page at a time; "print" in next's
// place, the page turns between "back" and "print" (above them in portrait).
struct ReportParts {
    StepLayout layout;
    std::vector<Rect> columns;
    Rect news;  // printed, or why not: the prompt's second line
    Rect previous;
    Rect pageLabel;  // "1/2"
    Rect next;
};
ReportParts reportParts(Size window);

// An open record: who it is under the title; the photo and, beside it, the eight documents (or a
// check-in's complaint); the decisions in the bottom row, beside "back".
struct RecordParts {
    StepLayout layout;
    Rect facts;    // two lines: who, then the plan and the automatic checks
    Rect message;  // a problem, or the decision that stands
    Rect photo;
    Rect complaint;                    // a check-in's complaint, in a panel
    std::vector<Rect> documents;       // eight buttons that say the verdict and mark it (registrations)
    std::vector<Rect> documentLabels;  // beside each: the document's name
    std::vector<Rect> decisions;       // approve, return, reject, refer (a check-in: approve, refer)
};
RecordParts recordParts(Size window, bool checkIn);

// The staff home's "maintenance" for admins: at the right end of the title's line.
Rect maintenanceButtonRect(Size window);

// The maintenance screen. Landscape: three columns, the four devices (each its state and a test
// button), the queue with the sync and the storage, and the last problems. "Sync now" goes between
// "back" and "export to USB", which takes next's place. Portrait stacks the devices over the
// other two columns, side by side, and "sync now" above the bottom row.
struct MaintenanceParts {
    StepLayout layout;
    Rect news;  // the prompt's second line
    Rect devicesTitle;
    std::array<Rect, 4> devices{};  // in flow::kParts order: the name, the state and the detail
    std::array<Rect, 4> tests{};    // each one's test button
    Rect facts;                     // the queue, the sync, the disk and the USB stick
    Rect problems;
    Rect syncNow;
};
MaintenanceParts maintenanceParts(Size window);

// A device's live test: the camera's picture, or a panel with what the scanner or the MRZ reader
// read; "back" only.
struct PartTestParts {
    StepLayout layout;
    Rect picture;  // the camera's picture
    Rect result;   // the panel
};
PartTestParts partTestParts(Size window);

// A list of choices (a document's verdict, a decision's reason) under a title.
struct ChoiceListParts {
    StepLayout layout;
    std::vector<Rect> options;
};
ChoiceListParts choiceListParts(Size window, std::size_t count);

}  // namespace kiosk::ui
