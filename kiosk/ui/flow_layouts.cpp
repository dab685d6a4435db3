#include "kiosk/ui/flow_layouts.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

EntryLayout layoutEntry(Size window) {
    EntryLayout l;
    const auto attract = layoutAttract(window);
    const auto choice = layoutLanguageChoice(window);
    const Metrics m = attract.metrics;
    l.metrics = m;
    l.header = attract.header;
    l.footer = attract.footer;
    l.back = choice.back;
    l.action = choice.next;

    const int top = l.header.band.bottom() + m.px(3);
    const int bottom = l.back.y - m.px(3);
    const int gap = m.px(2);
    const int keyHeight = m.px(11);
    const int keypadHeight = 4 * keyHeight + 3 * gap;
    const int textHeights = m.px(9) + m.px(1) + kPromptLines * lineHeight(m.type.body) + m.px(2) +
                            lineHeight(m.type.body) + m.px(12) + m.px(1.5) + kMessageLines * lineHeight(m.type.body);

    int keypadX = 0;
    int keypadY = 0;
    int keyWidth = 0;
    int textX = m.margin;
    int textWidth = 0;
    int textY = 0;
    if (m.landscape) {
        keyWidth = m.px(17);  // the keypad keeps its keys about 1.6 times as wide as high
        keypadX = window.w - m.margin - 3 * keyWidth - 2 * gap;
        keypadY = top + std::max(0, (bottom - top - keypadHeight) / 2);
        textWidth = keypadX - m.px(6) - m.margin;
        textY = top + std::max(0, (bottom - top - textHeights) / 2);
    } else {
        keyWidth = std::min(m.px(26), (window.w - 2 * m.margin - 2 * gap) / 3);
        textWidth = window.w - 2 * m.margin;
        const int total = textHeights + m.px(5) + keypadHeight;
        textY = top + std::max(0, (bottom - top - total) / 2);
        keypadX = (window.w - 3 * keyWidth - 2 * gap) / 2;
        keypadY = textY + textHeights + m.px(5);
    }
    int y = textY;
    const auto take = [&](int h) {
        const Rect r{textX, y, textWidth, h};
        y += h;
        return r;
    };
    l.title = take(m.px(9));
    take(m.px(1));
    l.prompt = take(kPromptLines * lineHeight(m.type.body));
    take(m.px(2));
    l.fieldLabel = take(lineHeight(m.type.body));
    l.field = take(m.px(12));
    take(m.px(1.5));
    l.message = take(kMessageLines * lineHeight(m.type.body));
    l.keypad = Rect{keypadX, keypadY, 3 * keyWidth + 2 * gap, keypadHeight};
    return l;
}

std::vector<Key> EntryLayout::keys() const { return layoutKeyboard(KeyboardKind::Keypad, keypad, metrics); }

std::vector<Rect> EntryLayout::buttons() const {
    std::vector<Rect> all;
    for (const Key& key : keys()) all.push_back(key.rect);
    all.push_back(back);
    all.push_back(action);
    return all;
}

CountdownLayout layoutCountdown(Size window) {
    CountdownLayout l;
    const Metrics m = metricsFor(window);
    l.metrics = m;
    l.secondsPx = m.px(10);
    const int pad = m.px(4);
    const int width = std::min(window.w - 2 * m.margin, m.px(110));
    const int innerWidth = width - 2 * pad;
    const std::array heights{m.px(9), m.px(1.5), kMessageLines * lineHeight(m.type.body), m.px(2), m.px(14), m.px(5),
                             m.px(3), m.px(13)};
    int height = 2 * pad;
    for (const int h : heights) height += h;
    l.panel = Rect{(window.w - width) / 2, (window.h - height) / 2, width, height};
    int y = l.panel.y + pad;
    std::array<Rect, heights.size()> rows;
    for (std::size_t i = 0; i < heights.size(); ++i) {
        rows[i] = Rect{l.panel.x + pad, y, innerWidth, heights[i]};
        y += heights[i];
    }
    l.title = rows[0];
    l.body = rows[2];
    l.seconds = rows[4];
    l.secondsLabel = rows[5];
    l.stay = rows[7];
    return l;
}

Rect listenButtonRect(Size window) {
    const Metrics m = metricsFor(window);
    return {window.w - m.margin - m.px(40), m.px(2), m.px(40), m.px(9)};
}

Rect staffCornerRect(Size window) {
    const Metrics m = metricsFor(window);
    return {0, 0, m.px(12), m.px(12)};
}

}  // namespace kiosk::ui
