#include "kiosk/core/flow/worklist.h"

#include <algorithm>

namespace kiosk::flow {

std::string_view workFilterCode(WorkFilter filter) {
    switch (filter) {
    case WorkFilter::All: return "all";
    case WorkFilter::Complaints: return "complaints";
    case WorkFilter::Returned: return "returned";
    case WorkFilter::Unsent: return "unsent";
    }
    return "all";
}

bool isUnsent(std::string_view sync) { return sync == "pending" || sync == "in_flight" || sync == "sent"; }

bool matches(const WorkRow& row, WorkFilter filter) {
    switch (filter) {
    case WorkFilter::All: return true;
    case WorkFilter::Complaints: return row.complaint;
    case WorkFilter::Returned: return row.returned;
    case WorkFilter::Unsent: return isUnsent(row.sync);
    }
    return false;
}

std::size_t countOf(const std::vector<WorkRow>& rows, WorkFilter filter) {
    return static_cast<std::size_t>(
        std::count_if(rows.begin(), rows.end(), [filter](const WorkRow& r) { return matches(r, filter); }));
}

namespace {

std::vector<std::size_t> filtered(const std::vector<WorkRow>& rows, WorkFilter filter) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (matches(rows[i], filter)) out.push_back(i);
    return out;
}

// The start of the page that holds `index`; the last page's start when `index` is past the end.
std::size_t pageStart(std::size_t index, std::size_t total, std::size_t perPage) {
    if (total == 0) return 0;
    index = std::min(index, total - 1);
    return index / perPage * perPage;
}

}  // namespace

WorkPage pageOf(const std::vector<WorkRow>& rows, const WorkView& view, std::size_t perPage) {
    WorkPage page;
    const auto shown = filtered(rows, view.filter);
    page.total = shown.size();
    if (perPage == 0) return page;
    page.first = pageStart(view.first, page.total, perPage);
    const auto end = std::min(page.total, page.first + perPage);
    page.rows.assign(shown.begin() + static_cast<std::ptrdiff_t>(page.first),
                     shown.begin() + static_cast<std::ptrdiff_t>(end));
    page.hasPrevious = page.first > 0;
    page.hasNext = end < page.total;
    return page;
}

WorkView turnPage(const std::vector<WorkRow>& rows, WorkView view, bool forward, std::size_t perPage) {
    const auto page = pageOf(rows, view, perPage);
    if (perPage == 0) return view;
    if (forward && page.hasNext) view.first = page.first + perPage;
    else if (!forward && page.hasPrevious) view.first = page.first - perPage;
    else view.first = page.first;
    return view;
}

}  // namespace kiosk::flow
