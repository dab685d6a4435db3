#include "kiosk/ui/registration_layouts.h"

#include <algorithm>
#include <cmath>
#include <span>

#include "kiosk/ui/step_indicator.h"

namespace kiosk::ui {
namespace {

using flow::RegStep;
using flow::StepKind;


void textStep(StepParts& p, const flow::StepSpec& spec) {
    const auto& m = p.layout.metrics;
    Rect body = p.layout.body;
    const int gap = m.px(2);
    const int message = 2 * lineHeight(m.type.body);
    if (spec.kind == StepKind::Digits) {
        if (m.landscape) {
            // The field keeps the whole width for a NIK in groups; "I do not have one" goes under
            // the message.
            p.keyboard = takeRight(body, m.px(60), m.px(6));
            p.field = takeTop(body, m.px(12), m.px(1.5));
            p.message = takeTop(body, message, gap);
            if (spec.skippable) p.skip = takeTop(body, m.px(12), gap);
        } else {
            p.field = takeTop(body, m.px(12), m.px(1.5));
            p.message = takeTop(body, message, gap);
            if (spec.skippable) p.skip = takeTop(body, m.px(12), gap);
            const int keys = std::min(body.h, 4 * m.px(15));
            const int width = std::min(body.w, m.px(80));
            p.keyboard = Rect{body.x + (body.w - width) / 2, body.y, width, keys};
        }
        return;
    }
    // Letters: the field takes the prompt's place (the prompt shows under it until there is a
    // problem to say), and the keyboard everything under it: its keys need the height.
    body = p.layout.prompt;
    body.h = p.layout.body.bottom() - body.y;
    Rect row = takeTop(body, m.px(11), m.px(1));
    if (spec.skippable && m.landscape) p.skip = takeRight(row, m.px(48), gap);
    p.field = row;
    p.message = takeTop(body, lineHeight(m.type.body), m.px(1.5));
    if (spec.skippable && !m.landscape) p.skip = takeTop(body, m.px(11), m.px(1.5));
    p.keyboard = body;
}

void choiceStep(StepParts& p, std::size_t count) {
    const auto& m = p.layout.metrics;
    Rect body = p.layout.body;
    const int message = 2 * lineHeight(m.type.small);
    Rect options{body.x, body.y, body.w, body.h - message - m.px(1)};
    p.options = layoutOptionGrid(options, count, m);
    p.message = Rect{body.x, body.bottom() - message, body.w, message};
}

void cameraStep(StepParts& p, bool withRetake) {
    const auto& m = p.layout.metrics;
    Rect body = p.layout.body;
    const int gap = m.px(2);
    const int buttons = m.px(12);
    if (m.landscape) {
        const int side = std::min(body.w / 2, m.px(90));
        Rect right = body;
        right.x += side + m.px(6);
        right.w -= side + m.px(6);
        p.picture = Rect{body.x, body.y, side, body.h};
        p.status = takeTop(right, 2 * lineHeight(m.type.body), gap);
        p.message = takeTop(right, 2 * lineHeight(m.type.body), gap);
        const Rect row{right.x, right.bottom() - buttons, right.w, buttons};
        const int w = withRetake ? (row.w - gap) / 2 : std::min(row.w, m.px(70));
        p.skip = Rect{row.x, row.y, w, buttons};
        if (withRetake) p.secondary = Rect{row.x + w + gap, row.y, w, buttons};
    } else {
        const int texts = 4 * lineHeight(m.type.body) + gap;
        const int pictureHeight = body.h - texts - buttons - 2 * gap;
        p.picture = takeTop(body, pictureHeight, gap);
        p.status = takeTop(body, 2 * lineHeight(m.type.body), 0);
        p.message = takeTop(body, 2 * lineHeight(m.type.body), gap);
        const Rect row = takeTop(body, buttons, 0);
        const int w = withRetake ? (row.w - gap) / 2 : row.w;
        p.skip = Rect{row.x, row.y, w, buttons};
        if (withRetake) p.secondary = Rect{row.x + w + gap, row.y, w, buttons};
    }
}

void consentStep(StepParts& p) {
    const auto& m = p.layout.metrics;
    Rect body = p.layout.body;
    const int gap = m.px(2);
    const int message = lineHeight(m.type.body);
    p.message = Rect{body.x, body.bottom() - message, body.w, message};
    body.h -= message + m.px(1);
    // The text, then the purposes one under the other: side by side in landscape.
    Rect options = body;
    if (m.landscape) {
        const int textWidth = body.w * 55 / 100;
        p.status = Rect{body.x, body.y, textWidth, body.h};
        options = Rect{body.x + textWidth + m.px(5), body.y, body.w - textWidth - m.px(5), body.h};
    } else {
        p.status = takeTop(options, 6 * lineHeight(m.type.body), gap);
    }
    const int count = 3;
    const int h = std::min((options.h - (count - 1) * gap) / count, m.px(14));
    for (int i = 0; i < count; ++i) p.options.push_back(Rect{options.x, options.y + i * (h + gap), options.w, h});
}

void documentsStep(StepParts& p) {
    const auto& m = p.layout.metrics;
    // A little of the margin above the bottom row too: each name needs two lines.
    Rect body = p.layout.body;
    body.h += m.px(1.2);
    const int columns = m.landscape ? 2 : 1;
    const int rows = static_cast<int>(core::kAllDocuments.size()) / columns;
    // Rows close together, so that a document's name has room for two lines beside its buttons.
    const int gap = m.px(0.6);
    const int colGap = m.px(4);
    const int w = (body.w - (columns - 1) * colGap) / columns;
    const int h = (body.h - (rows - 1) * gap) / rows;
    const int buttonW = m.px(m.landscape ? 17 : 20);
    const int scanW = m.px(m.landscape ? 14 : 17);
    for (std::size_t i = 0; i < core::kAllDocuments.size(); ++i) {
        const int col = static_cast<int>(i) / rows;
        const int row = static_cast<int>(i) % rows;
        Rect r{body.x + col * (w + colGap), body.y + row * (h + gap), w, h};
        DocumentRow d;
        d.scan = takeRight(r, scanW, m.px(1.2));
        d.notYet = takeRight(r, buttonW, m.px(1.2));
        d.have = takeRight(r, buttonW, m.px(2));
        d.label = r;
        p.documents.push_back(d);
    }
}

void reviewStep(StepParts& p, std::span<const int> sections) {
    const auto& m = p.layout.metrics;
    Rect body = p.layout.body;
    const int message = lineHeight(m.type.body);
    p.message = Rect{body.x, body.bottom() - message, body.w, message};
    body.h -= message + m.px(1);
    const int columns = m.landscape ? 2 : 1;
    const int count = static_cast<int>(sections.size());
    const int rows = (count + columns - 1) / columns;
    const int gap = m.px(1.2);
    const int colGap = m.px(4);
    const int w = (body.w - (columns - 1) * colGap) / columns;
    const int h = (body.h - (rows - 1) * gap) / rows;
    for (int i = 0; i < count; ++i) {
        const int col = i / rows;
        const int row = i % rows;
        ReviewRow r;
        r.section = sections[static_cast<std::size_t>(i)];
        r.panel = Rect{body.x + col * (w + colGap), body.y + row * (h + gap), w, h};
        Rect inner = r.panel.inset(m.px(1.5), 0);
        r.change = takeRight(inner, m.px(m.landscape ? 20 : 24), m.px(2));
        r.change.y += (r.change.h - std::min(r.change.h, m.px(9))) / 2;
        r.change.h = std::min(r.change.h, m.px(9));
        // The section's name and what was given, on one line.
        const int line = lineHeight(m.type.small);
        const int top = inner.y + (inner.h - line) / 2;
        const int labelWidth = std::min(inner.w * 2 / 5, m.px(m.landscape ? 30 : 36));
        r.label = Rect{inner.x, top, labelWidth, line};
        r.value = Rect{inner.x + labelWidth + m.px(1.5), top, inner.w - labelWidth - m.px(1.5), line};
        p.review.push_back(r);
    }
}

}  // namespace

StepLayout layoutStep(Size window) {
    StepLayout l;
    const auto choice = layoutLanguageChoice(window);
    const Metrics m = choice.metrics;
    l.metrics = m;
    l.header = choice.header;
    l.footer = choice.footer;
    l.back = choice.back;
    l.next = choice.next;
    const int width = window.w - 2 * m.margin;
    const int indicator = stepIndicatorHeight(m);
    if (m.landscape) {
        const int x = l.back.right() + m.px(6);
        l.progress = Rect{x, l.back.y + (l.back.h - indicator) / 2, l.next.x - m.px(6) - x, indicator};
    } else {
        l.progress = Rect{m.margin, l.back.y - m.px(2) - indicator, width, indicator};
    }
    l.title = Rect{m.margin, l.header.band.bottom() + m.px(2.5), width, m.px(9)};
    l.prompt = Rect{m.margin, l.title.bottom() + m.px(0.5), width, 2 * lineHeight(m.type.body)};
    const int top = l.prompt.bottom() + m.px(2);
    const int bottom = (m.landscape ? l.back.y : l.progress.y) - m.px(2.5);
    l.body = Rect{m.margin, top, width, std::max(0, bottom - top)};
    return l;
}

std::vector<Rect> layoutOptionGrid(Rect area, std::size_t count, const Metrics& m) {
    std::vector<Rect> cells;
    if (count == 0) return cells;
    const int gap = m.px(2);
    const int n = static_cast<int>(count);
    const int comfortable = m.px(13);
    const int least = m.px(8);
    const int maxColumns = m.landscape ? 5 : 3;
    int columns = 1;
    int rows = n;
    // The fewest columns whose rows are comfortable; failing that, the fewest whose rows are
    // still big enough to touch.
    for (const int wanted : {comfortable, least}) {
        for (columns = 1; columns <= maxColumns; ++columns) {
            rows = (n + columns - 1) / columns;
            if (rows * wanted + (rows - 1) * gap <= area.h) break;
        }
        if (columns <= maxColumns) break;
    }
    columns = std::min(columns, maxColumns);
    rows = (n + columns - 1) / columns;
    const int h = std::max(least, std::min(comfortable, (area.h - (rows - 1) * gap) / rows));
    const int w = (area.w - (columns - 1) * gap) / columns;
    for (int i = 0; i < n; ++i) {
        // Down the first column, then the next: a list reads top to bottom.
        const int col = i / rows;
        const int row = i % rows;
        cells.push_back(Rect{area.x + col * (w + gap), area.y + row * (h + gap), w, h});
    }
    return cells;
}

StepParts stepParts(const flow::FlowState& state, Size window) {
    StepParts p;
    p.layout = layoutStep(window);
    const auto* reg = std::get_if<flow::RegistrationScreen>(&state.screen);
    if (!reg) return p;
    const flow::StepSpec& spec = flow::specOf(reg->step);
    switch (spec.kind) {
    case StepKind::Digits:
    case StepKind::Letters: textStep(p, spec); break;
    case StepKind::Choice:
        choiceStep(p, flow::optionsFor(*spec.choice, state.visit.form, state.settings.catalogue).codes.size());
        break;
    case StepKind::Chips: choiceStep(p, flow::chipOptions(*spec.chips).size()); break;
    case StepKind::Scan: cameraStep(p, false); break;
    case StepKind::Camera: cameraStep(p, state.visit.form.photoTaken); break;
    case StepKind::Consent: consentStep(p); break;
    case StepKind::Checks: p.status = p.layout.body; break;
    case StepKind::Documents: documentsStep(p); break;
    case StepKind::Review:
        if (state.visit.form.journey == flow::Journey::Returnee) reviewStep(p, kReturneeReviewSections);
        else reviewStep(p, kReviewSections);
        break;
    }
    return p;
}

StepParts menuParts(Size window) {
    StepParts p;
    p.layout = layoutStep(window);
    const auto& m = p.layout.metrics;
    const Rect body = p.layout.body;
    // Register, "I have come home", check a status: each big enough for its label and the line
    // under it.
    constexpr int kOptions = 3;
    if (m.landscape) {
        // Side by side: a wide screen has no height for three under one another.
        const int gap = m.px(4);
        const int w = std::min((body.w - (kOptions - 1) * gap) / kOptions, m.px(100));
        const int h = std::min(body.h, m.px(30));
        const int left = body.x + (body.w - kOptions * w - (kOptions - 1) * gap) / 2;
        const int top = body.y + (body.h - h) / 2;
        for (int i = 0; i < kOptions; ++i) p.options.push_back(Rect{left + i * (w + gap), top, w, h});
        return p;
    }
    const int gap = m.px(5);
    const int w = std::min(body.w, m.px(110));
    const int h = std::min((body.h - (kOptions - 1) * gap) / kOptions, m.px(26));
    const int top = body.y + (body.h - kOptions * h - (kOptions - 1) * gap) / 2;
    for (int i = 0; i < kOptions; ++i) p.options.push_back(Rect{body.x + (body.w - w) / 2, top + i * (h + gap), w, h});
    return p;
}

StepParts statusScanParts(Size window) {
    StepParts p;
    p.layout = layoutStep(window);
    cameraStep(p, false);
    p.skip = {};  // nothing to skip: "back" leads to the menu
    return p;
}

StepParts documentScanParts(Size window) {
    StepParts p;
    p.layout = layoutStep(window);
    cameraStep(p, false);
    p.skip = {};  // "back" leaves the document as it was
    return p;
}

StatusParts statusParts(Size window) {
    StatusParts s;
    s.layout = layoutStep(window);
    const auto& m = s.layout.metrics;
    // No prompt under the title: the screen is the answer, and it starts right there.
    Rect body = s.layout.prompt;
    body.h = (m.landscape ? s.layout.back.y : s.layout.progress.bottom()) - m.px(2) - body.y;
    const int gap = m.px(2);
    s.numberLabel = takeTop(body, lineHeight(m.type.small), 0);
    s.number = takeTop(body, m.px(9), gap);
    s.issued = takeTop(body, lineHeight(m.type.small), gap);
    if (m.landscape) {
        // Genuine or not on the left; how far the record has come on the right.
        s.stages = takeRight(body, body.w / 2, m.px(6));
        s.verdict = takeTop(body, std::min(body.h, 4 * lineHeight(m.type.body) + m.px(4)), 0);
    } else {
        s.verdict = takeTop(body, 4 * lineHeight(m.type.body) + m.px(4), gap);
        s.stages = body;
    }
    return s;
}

ReceiptParts receiptParts(Size window) {
    ReceiptParts r;
    r.layout = layoutStep(window);
    const auto& m = r.layout.metrics;
    Rect body = r.layout.body;
    body.h = (m.landscape ? r.layout.back.y : r.layout.progress.bottom()) - m.px(2) - body.y;
    const int gap = m.px(2);
    const int warning = 4 * lineHeight(m.type.small) + m.px(4);
    if (m.landscape) {
        // The number and what is missing on the left; the QR and the warning on the right.
        Rect right = takeRight(body, m.px(62), m.px(5));
        const int qrSide = std::min(right.w, right.h - warning - gap);
        r.qr = Rect{right.x + (right.w - qrSide) / 2, right.y, qrSide, qrSide};
        r.warning = Rect{right.x, right.bottom() - warning, right.w, warning};
    } else {
        const int qrSide = std::min(m.px(45), body.h / 3);
        r.qr = Rect{body.x + (body.w - qrSide) / 2, body.bottom() - qrSide, qrSide, qrSide};
        body.h -= qrSide + gap;
        r.warning = Rect{body.x, body.bottom() - warning, body.w, warning};
        body.h -= warning + gap;
    }
    r.numberLabel = takeTop(body, lineHeight(m.type.small), 0);
    r.number = takeTop(body, m.px(9), gap);
    r.missing = body;
    return r;
}

std::vector<JourneyTarget> journeyTargets(const flow::FlowState& state, Size window) {
    std::vector<JourneyTarget> out;
    const auto add = [&](std::string name, Rect r) {
        if (r.w > 0 && r.h > 0) out.push_back({std::move(name), r});
    };
    if (std::holds_alternative<flow::MenuScreen>(state.screen)) {
        const auto p = menuParts(window);
        add("register", p.options[0]);
        add("return", p.options[1]);
        add("status", p.options[2]);
        add("back", p.layout.back);
        return out;
    }
    if (std::holds_alternative<flow::StatusScanScreen>(state.screen)) {
        add("back", layoutStep(window).back);
        return out;
    }
    if (std::holds_alternative<flow::DocumentScanScreen>(state.screen)) {
        const auto l = layoutStep(window);
        add("back", l.back);
        add("take", l.next);
        return out;
    }
    if (std::holds_alternative<flow::StatusScreen>(state.screen)) {
        const auto l = layoutStep(window);
        add("back", l.back);
        add("done", l.next);
        return out;
    }
    if (std::holds_alternative<flow::ReceiptScreen>(state.screen) ||
        std::holds_alternative<flow::UnderAgeScreen>(state.screen)) {
        add("done", layoutStep(window).next);
        return out;
    }
    const auto* reg = std::get_if<flow::RegistrationScreen>(&state.screen);
    if (!reg) return out;
    const auto p = stepParts(state, window);
    const flow::StepSpec& spec = flow::specOf(reg->step);
    add("back", p.layout.back);
    add(reg->step == RegStep::Review ? "submit" : "next", p.layout.next);
    if (flow::canSkip(reg->step, state.visit.form)) add("skip", p.skip);
    add("retake", p.secondary);
    const bool consent = spec.kind == StepKind::Consent;
    for (std::size_t i = 0; i < p.options.size(); ++i)
        add((consent ? "consent-" : "option-") + std::to_string(i), p.options[i]);
    // "My offer is not in the list" is always the last opening, however many the catalogue has.
    if (reg->step == RegStep::Opening && !p.options.empty()) add("not-listed", p.options.back());
    for (std::size_t i = 0; i < p.documents.size(); ++i) {
        add("doc-" + std::to_string(i + 1) + "-have", p.documents[i].have);
        add("doc-" + std::to_string(i + 1) + "-not-yet", p.documents[i].notYet);
        add("doc-" + std::to_string(i + 1) + "-scan", p.documents[i].scan);
    }
    for (const auto& row : p.review) add("change-" + std::to_string(row.section), row.change);
    if (spec.kind == StepKind::Digits || spec.kind == StepKind::Letters) {
        const auto kind = spec.kind == StepKind::Letters ? KeyboardKind::Letters : KeyboardKind::Keypad;
        for (const Key& key : layoutKeyboard(kind, p.keyboard, p.layout.metrics)) {
            if (key.role == KeyRole::Character) {
                const char c = key.character >= 'a' && key.character <= 'z'
                                   ? static_cast<char>(key.character - 'a' + 'A')
                                   : key.character;
                add("key-" + std::string(1, c), key.rect);
            }
            if (key.role == KeyRole::Space) add("space", key.rect);
            if (key.role == KeyRole::Backspace) add("delete", key.rect);
        }
    }
    return out;
}

}  // namespace kiosk::ui
