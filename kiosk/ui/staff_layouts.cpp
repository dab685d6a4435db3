#include "kiosk/ui/staff_layouts.h"

#include <algorithm>

namespace kiosk::ui {

RecordParts recordParts(Size window, bool checkIn) {
    RecordParts r;
    r.layout = layoutStep(window);
    const auto& m = r.layout.metrics;
    const int gap = m.px(2);
    // Who it is takes the prompt's two lines; the decisions take the bottom row beside "back", in
    // place of "next": the body keeps its height for the photo and the documents.
    r.facts = r.layout.prompt;
    const Rect& back = r.layout.back;
    const int count = checkIn ? 2 : 4;
    const int left = back.right() + m.px(4);
    const int right = m.landscape ? r.layout.next.right() : r.layout.footer.right();
    const int w = (right - left - (count - 1) * gap) / count;
    for (int i = 0; i < count; ++i) r.decisions.push_back(Rect{left + i * (w + gap), back.y, w, back.h});
    if (!m.landscape) r.decisions.clear();

    Rect body = r.layout.body;
    if (!m.landscape) {
        // Portrait: the decisions two by two above "back", under everything else.
        body.h = std::max(0, r.layout.progress.bottom() - body.y);
        const int rows = (count + 1) / 2;
        const int pw = (body.w - gap) / 2;
        const int top = body.bottom() - rows * back.h - (rows - 1) * gap;
        for (int i = 0; i < count; ++i)
            r.decisions.push_back(Rect{body.x + (i % 2) * (pw + gap), top + (i / 2) * (back.h + gap), pw, back.h});
        body.h = std::max(0, top - gap - body.y);
    }
    r.message = takeTop(body, 2 * lineHeight(m.type.body), m.px(1));
    // A passport photo is 3:4, beside the documents (or the complaint).
    const int photoHeight = std::min(body.h, m.px(m.landscape ? 60 : 24));
    const int photoWidth = photoHeight * 3 / 4;
    r.photo = Rect{body.x, body.y, photoWidth, photoHeight};
    Rect rest{body.x + photoWidth + m.px(3), body.y, std::max(0, body.w - photoWidth - m.px(3)), body.h};
    if (checkIn) {
        r.complaint = rest;
        return r;
    }
    // Like the registration's documents, two columns of four in landscape and one of eight in
    // portrait; each row the document's name, and a button that says the verdict and marks it.
    const int columns = m.landscape ? 2 : 1;
    const int rows = static_cast<int>(core::kAllDocuments.size()) / columns;
    const int rowGap = m.px(1.2);
    const int colGap = m.px(4);
    const int cw = (rest.w - (columns - 1) * colGap) / columns;
    const int ch = std::min(m.px(16), (rest.h - (rows - 1) * rowGap) / rows);
    for (int i = 0; i < static_cast<int>(core::kAllDocuments.size()); ++i) {
        Rect row{rest.x + (i / rows) * (cw + colGap), rest.y + (i % rows) * (ch + rowGap), cw, ch};
        r.documents.push_back(takeRight(row, m.px(28), m.px(2)));
        r.documentLabels.push_back(row);
    }
    return r;
}

namespace {

// The page turns: between "back" and "next" in landscape, as tall as they are; in portrait a row
// at the foot of `body`, which loses it.
void pageTurns(const StepLayout& l, Rect& body, Rect& previous, Rect& label, Rect& next) {
    const auto& m = l.metrics;
    const int small = lineHeight(m.type.small);
    Rect row;
    int turn = 0;
    if (m.landscape) {
        const int left = l.back.right() + m.px(4);
        const int right = l.next.x - m.px(4);
        row = Rect{left, l.back.y, right - left, l.back.h};
        turn = std::min(m.px(26), row.w * 2 / 5);
    } else {
        const int chip = m.px(8);
        row = Rect{body.x, body.bottom() - chip, body.w, chip};
        body.h = std::max(0, row.y - m.px(2) - body.y);
        turn = row.w / 3;
    }
    previous = Rect{row.x, row.y, turn, row.h};
    next = Rect{row.right() - turn, row.y, turn, row.h};
    label = Rect{previous.right(), row.y + (row.h - small) / 2, next.x - previous.right(), small};
}

}  // namespace

StaffHomeParts staffHomeParts(Size window) {
    StaffHomeParts s;
    s.layout = layoutStep(window);
    const auto& l = s.layout;
    const auto& m = l.metrics;
    const int line = lineHeight(m.type.body);
    const int small = lineHeight(m.type.small);
    s.news = Rect{l.prompt.x, l.prompt.y + line, l.prompt.w, line};
    s.report = l.back;
    const int gap = m.px(1.2);
    Rect body = l.body;
    Rect list;
    if (m.landscape) {
        // Left: what the list holds, and its filters one under the other; right: the rows. The
        // page turns go between "report" and "sign out", as tall as they are.
        list = takeRight(body, body.w * 11 / 20, m.px(6));
        s.listTitle = takeTop(body, line, m.px(1));
        const int n = static_cast<int>(s.filters.size());
        const int chip = std::min(m.px(8), (body.h - (n - 1) * gap) / n);
        for (auto& f : s.filters) f = takeTop(body, chip, gap);
        pageTurns(l, body, s.previous, s.pageLabel, s.next);
    } else {
        // Portrait: the figures, the title, the filters two by two, the rows, then the page turns
        // above the bottom row.
        body.h = std::max(0, l.progress.bottom() - body.y);
        pageTurns(l, body, s.previous, s.pageLabel, s.next);
        const int chip = m.px(8);
        s.figures = takeTop(body, 5 * (small + m.px(1)), m.px(2));
        s.listTitle = takeTop(body, line, m.px(1));
        const int fw = (body.w - gap) / 2;
        Rect filters = takeTop(body, 2 * chip + gap, m.px(2));
        for (std::size_t i = 0; i < s.filters.size(); ++i) {
            const int col = static_cast<int>(i % 2);
            const int row = static_cast<int>(i / 2);
            s.filters[i] = Rect{filters.x + col * (fw + gap), filters.y + row * (chip + gap), fw, chip};
        }
        list = body;
    }
    // A record a row: its number, then when, its documents and whether the server has it.
    const int h = std::max(m.px(8), 2 * small + m.px(2));
    while (list.h >= h) s.rows.push_back(takeTop(list, h, m.px(1)));
    return s;
}

ReportParts reportParts(Size window) {
    ReportParts r;
    r.layout = layoutStep(window);
    const auto& m = r.layout.metrics;
    r.news = Rect{r.layout.prompt.x, r.layout.prompt.y + lineHeight(m.type.body), r.layout.prompt.w,
                  lineHeight(m.type.body)};
    Rect body = r.layout.body;
    if (!m.landscape) body.h = std::max(0, r.layout.progress.bottom() - body.y);
    pageTurns(r.layout, body, r.previous, r.pageLabel, r.next);
    const int columns = m.landscape ? 3 : 2;
    const int gap = m.px(3);
    const int w = (body.w - (columns - 1) * gap) / columns;
    for (int i = 0; i < columns; ++i) r.columns.push_back(Rect{body.x + i * (w + gap), body.y, w, body.h});
    return r;
}

Rect maintenanceButtonRect(Size window) {
    const auto l = layoutStep(window);
    const auto& m = l.metrics;
    const int w = m.landscape ? m.px(34) : m.px(30);
    const int h = std::max(m.px(8), l.title.h);
    return Rect{l.title.right() - w, l.title.y + (l.title.h - h) / 2, w, h};
}

MaintenanceParts maintenanceParts(Size window) {
    MaintenanceParts s;
    s.layout = layoutStep(window);
    const auto& l = s.layout;
    const auto& m = l.metrics;
    const int line = lineHeight(m.type.body);
    s.news = Rect{l.prompt.x, l.prompt.y + line, l.prompt.w, line};
    Rect body = l.body;
    if (!m.landscape) {
        body.h = std::max(0, l.progress.bottom() - body.y);
        s.syncNow = Rect{body.x, body.bottom() - l.back.h, body.w, l.back.h};
        body.h = std::max(0, s.syncNow.y - m.px(3) - body.y);
    } else {
        const int left = l.back.right() + m.px(4);
        const int right = l.next.x - m.px(4);
        const int w = std::min(m.px(44), right - left);
        s.syncNow = Rect{right - w, l.back.y, w, l.back.h};
    }
    Rect devices;
    if (m.landscape) {
        devices = body;
        body = takeRight(devices, devices.w * 62 / 100, m.px(5));  // the two columns of facts
    } else {
        devices = takeTop(body, std::min(body.h * 2 / 5, line + 4 * m.px(14)), m.px(3));
    }
    s.devicesTitle = takeTop(devices, line, m.px(1));
    const int gap = m.px(1.2);
    const int rowH = std::min(m.px(14), (devices.h - 3 * gap) / 4);
    for (std::size_t i = 0; i < s.devices.size(); ++i) {
        Rect row = takeTop(devices, rowH, gap);
        s.tests[i] = takeRight(row, m.px(16), m.px(2));
        s.devices[i] = row;
    }
    // Landscape gives the queue and storage lines the wider column: they should not wrap.
    s.problems = takeRight(body, m.landscape ? body.w * 44 / 100 : (body.w - m.px(4)) / 2, m.px(4));
    s.facts = body;
    return s;
}

PartTestParts partTestParts(Size window) {
    PartTestParts t;
    t.layout = layoutStep(window);
    const auto& m = t.layout.metrics;
    Rect body = t.layout.body;
    if (!m.landscape) body.h = std::max(0, t.layout.progress.bottom() - body.y);
    // The camera's whole picture (16:9, as the kiosk's cameras give it), as large as fits, centred.
    const int pictureW = std::min(body.w, body.h * 16 / 9);
    t.picture = Rect{body.x + (body.w - pictureW) / 2, body.y, pictureW, pictureW * 9 / 16};
    const int h = std::min(body.h, m.px(m.landscape ? 30 : 36));
    t.result = Rect{body.x, body.y, std::min(body.w, m.px(m.landscape ? 130 : 120)), h};
    return t;
}

ChoiceListParts choiceListParts(Size window, std::size_t count) {
    ChoiceListParts c;
    c.layout = layoutStep(window);
    c.options = layoutOptionGrid(c.layout.body, count, c.layout.metrics);
    return c;
}

}  // namespace kiosk::ui
