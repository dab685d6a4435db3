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

ChoiceListParts choiceListParts(Size window, std::size_t count) {
    ChoiceListParts c;
    c.layout = layoutStep(window);
    c.options = layoutOptionGrid(c.layout.body, count, c.layout.metrics);
    return c;
}

}  // namespace kiosk::ui
