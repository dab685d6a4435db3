#pragma once
// The staff's worklist as the home screen shows it: the records waiting for a check (WorkRow,
// nothing personal on them), narrowed by a filter and shown a page at a time. Which rows a page
// holds is decided here, so the screen, its touch targets and the flow agree on it.

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::flow {

// A record waiting for the staff's check, as the worklist shows it: nothing personal.
struct WorkRow {
    std::string number;                   // its receipt number
    std::chrono::sys_seconds createdAt{};
    int documentsHave = 0;                // of the eight Art. 13 documents
    std::string sync;                     // the outbox state: "pending", "sent", "acknowledged", ...
    std::int64_t recordId = 0;            // the kiosk's own id of the record, to open it
    bool checkIn = false;                 // a returnee's check-in, not a registration
    bool complaint = false;               // a returnee's complaint: first in the list
    bool returned = false;                // sent back for a correction, waiting for the applicant
    friend bool operator==(const WorkRow&, const WorkRow&) = default;
};

// What the list is narrowed to: by the record's state (a complaint, returned for a correction)
// or by its sync state (not yet taken by the national server).
enum class WorkFilter { All, Complaints, Returned, Unsent };
inline constexpr std::array kWorkFilters{WorkFilter::All, WorkFilter::Complaints, WorkFilter::Returned,
                                         WorkFilter::Unsent};

// "all", "complaints", "returned", "unsent": for text keys and scenario targets.
std::string_view workFilterCode(WorkFilter filter);

// Unsent: waiting, in flight, or handed over without the server's acknowledgement yet.
bool isUnsent(std::string_view sync);
bool matches(const WorkRow& row, WorkFilter filter);
std::size_t countOf(const std::vector<WorkRow>& rows, WorkFilter filter);

// Where the staff member is in the list: the filter and the first row shown (an index into the
// filtered rows, always the start of a page).
struct WorkView {
    WorkFilter filter = WorkFilter::All;
    std::size_t first = 0;
    friend bool operator==(const WorkView&, const WorkView&) = default;
};

// One page of the filtered list: the worklist indexes of its rows, in order.
struct WorkPage {
    std::vector<std::size_t> rows;  // indexes into the worklist
    std::size_t first = 0;          // of the filtered rows, the first shown (0-based)
    std::size_t total = 0;          // how many rows the filter lets through
    bool hasPrevious = false;
    bool hasNext = false;
};

// The page `view` points at when `perPage` rows fit; a `first` past the end (the list shrank)
// falls back to the last page.
WorkPage pageOf(const std::vector<WorkRow>& rows, const WorkView& view, std::size_t perPage);

// The view after a page turn, forward or back, when `perPage` rows fit.
WorkView turnPage(const std::vector<WorkRow>& rows, WorkView view, bool forward, std::size_t perPage);

}  // namespace kiosk::flow
