#include "kiosk/ui/maintenance_screens.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "kiosk/ui/camera_preview.h"
#include "kiosk/ui/flow_screens.h"
#include "kiosk/ui/journey_frame.h"
#include "kiosk/ui/journey_texts.h"
#include "kiosk/ui/staff_layouts.h"
#include "kiosk/ui/text_format.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

constexpr std::string_view kDot = " \xc2\xb7 ";

// A line of the facts column.
struct Fact {
    std::string text;
    enum class Kind { Heading, Line, Warning, Detail } kind = Kind::Line;
};

// The news under the prompt: a problem in the error colour, or what was just done.
void news(Painter& p, Rect where, const Metrics& m, const flow::FlowState& state, const Catalog& say) {
    if (!state.problem.empty()) {
        problemLine(p, where, m, problemText(state, say));
        return;
    }
    if (state.notice.empty()) return;
    std::string text(say.lookup(state.notice));
    if (state.notice == "maintenance.exported" && state.exported)
        text = formatText(text, {{"count", std::to_string(state.exported->count)}});
    p.text(text, where, TextStyle{m.type.body, Weight::Bold, colors::kPrimary, Align::Left});
}

std::vector<Fact> factsOf(const flow::FlowState& state, const Catalog& say) {
    using Kind = Fact::Kind;
    std::vector<Fact> out;
    if (!state.condition) {
        out.push_back({std::string(say.lookup("maintenance.reading")), Kind::Line});
        return out;
    }
    const auto& c = *state.condition;
    const auto language = state.visit.language;
    const auto zone = state.settings.utcOffset;
    const auto at = [&](std::chrono::sys_seconds t) { return clockTime(t, zone); };

    out.push_back({std::string(say.lookup("maintenance.queue_title")), Kind::Heading});
    const auto& q = c.queue;
    if (q.unsent == 0)
        out.push_back({std::string(say.lookup("maintenance.unsent_none")), Kind::Line});
    else
        out.push_back({formatText(say.lookup("maintenance.unsent"),
                                  {{"count", std::to_string(q.unsent)},
                                   {"minutes", std::to_string(q.oldestUnsentMinutes.value_or(0))}}),
                       q.oldestUnsentMinutes && *q.oldestUnsentMinutes >= 24 * 60 ? Kind::Warning : Kind::Line});
    const auto& s = c.sync;
    if (!s.configured) {
        out.push_back({std::string(say.lookup("maintenance.sync_off")), Kind::Warning});
    } else {
        // "Nothing sent yet" matters only while something waits.
        if (s.lastSent)
            out.push_back({formatText(say.lookup("maintenance.last_sent"), {{"time", at(*s.lastSent)}}), Kind::Line});
        else if (q.unsent > 0)
            out.push_back({std::string(say.lookup("maintenance.never_sent")), Kind::Line});
        if (s.pausedUntil)
            out.push_back(
                {formatText(say.lookup("maintenance.paused"), {{"time", at(*s.pausedUntil)}}), Kind::Warning});
        else if (s.lastFailed && (!s.lastSent || *s.lastFailed > *s.lastSent))
            out.push_back({s.nextTry ? formatText(say.lookup("maintenance.failed_retry"),
                                                  {{"time", at(*s.lastFailed)}, {"next", at(*s.nextTry)}})
                                     : formatText(say.lookup("maintenance.failed"), {{"time", at(*s.lastFailed)}}),
                           Kind::Warning});
    }

    out.push_back({std::string(say.lookup("maintenance.storage_title")), Kind::Heading});
    if (c.diskFree && c.diskTotal) {
        // Under a tenth free the store soon refuses new records: said in the warning colour.
        const bool low = *c.diskFree < *c.diskTotal / 10;
        out.push_back({formatText(say.lookup("maintenance.disk"), {{"free", formatBytes(*c.diskFree, language)},
                                                                   {"total", formatBytes(*c.diskTotal, language)}}),
                       low ? Kind::Warning : Kind::Line});
    } else {
        out.push_back({std::string(say.lookup("maintenance.disk_unknown")), Kind::Warning});
    }
    if (c.mediaUnknown) {
        out.push_back({std::string(say.lookup("maintenance.usb_unknown")), Kind::Warning});
    } else if (c.media.empty()) {
        out.push_back({std::string(say.lookup("maintenance.usb_none")), Kind::Line});
    } else {
        for (const auto& medium : c.media) {
            if (!medium.writable)
                out.push_back({formatText(say.lookup("maintenance.usb_read_only"), {{"where", medium.mountPoint}}),
                               Kind::Warning});
            else
                out.push_back(
                    {formatText(say.lookup("maintenance.usb"),
                                {{"where", medium.mountPoint},
                                 {"free", medium.freeBytes ? formatBytes(*medium.freeBytes, language) : "?"}}),
                     Kind::Line});
        }
    }
    if (state.exported)
        out.push_back({formatText(say.lookup("maintenance.last_export"),
                                  {{"file", state.exported->file}, {"count", std::to_string(state.exported->count)}}),
                       Kind::Detail});
    return out;
}

// The latest problems in plain words, each with its code and the operator's detail under it:
// what a technician reads out on the phone.
std::vector<Fact> problemsOf(const flow::FlowState& state, const Catalog& say) {
    using Kind = Fact::Kind;
    std::vector<Fact> out{{std::string(say.lookup("maintenance.problems_title")), Kind::Heading}};
    if (!state.condition) return out;
    // First the devices that are not well, in their drivers' words.
    for (const auto& part : state.condition->parts)
        if (part.state != "ready" && part.state != "not_fitted")
            out.push_back(
                {std::string(say.lookup(partNameKey(part.part))) + ": " +
                     (part.detail.empty() ? std::string(say.lookup(partStateKey(part.state) + "_note")) : part.detail),
                 Kind::Warning});
    const auto& problems = state.condition->problems;
    if (problems.empty() && out.size() == 1)
        out.push_back({std::string(say.lookup("maintenance.problems_none")), Kind::Line});
    for (const auto& problem : problems) {
        out.push_back({clockTime(problem.at, state.settings.utcOffset) + "  " +
                           std::string(say.lookup(maintenanceProblemKey(problem.code))),
                       Kind::Line});
        out.push_back({problem.code + (problem.detail.empty() ? "" : ": " + problem.detail), Kind::Detail});
    }
    return out;
}

// The facts one under the other, each wrapped to the column (four lines at most), until the
// column is full.
void drawFacts(Painter& p, Rect area, const Metrics& m, const std::vector<Fact>& facts) {
    const int small = lineHeight(m.type.small);
    int y = area.y;
    for (std::size_t i = 0; i < facts.size(); ++i) {
        const auto& fact = facts[i];
        const bool heading = fact.kind == Fact::Kind::Heading;
        const bool warning = fact.kind == Fact::Kind::Warning;
        const bool detail = fact.kind == Fact::Kind::Detail;
        if (heading && i > 0) y += m.px(1.5);
        const int indent = warning ? m.type.small + m.px(1) : detail ? m.px(3) : 0;
        const auto weight = heading || warning ? Weight::Bold : Weight::Regular;
        const int width = area.w - indent;
        const auto lines = p.wrap(fact.text, m.type.small, weight, width);
        const int rows = std::clamp(static_cast<int>(lines.size()), 1, 4);
        const int h = rows * small;
        if (y + h > area.bottom()) break;
        if (warning)
            p.icon(Icon::Warning, Rect{area.x, y + (small - m.type.small) / 2, m.type.small, m.type.small},
                   colors::kError);
        const auto color = warning ? colors::kError : detail ? colors::kInkSoft : colors::kInk;
        p.paragraph(fact.text, Rect{area.x + indent, y, width, h}, TextStyle{m.type.small, weight, color, Align::Left});
        y += h + (heading ? m.px(0.5) : m.px(0.3));
    }
}

// A device's line: a mark, its name and its state in a word; a required device that fails says
// so. What its driver said goes with the problems.
void deviceLine(Painter& p, Rect r, const Metrics& m, const flow::PartCondition& part, const Catalog& say) {
    const int small = lineHeight(m.type.small);
    const bool ready = part.state == "ready";
    const bool absent = part.state == "not_fitted";
    const int side = m.type.small;
    const int top = r.y + (r.h - small) / 2;
    if (!absent)
        p.icon(ready ? Icon::Check : Icon::Warning, Rect{r.x, top + (small - side) / 2, side, side},
               ready ? colors::kPrimary : colors::kError);
    const int x = r.x + side + m.px(1.5);
    std::string title = std::string(say.lookup(partNameKey(part.part))) + std::string(kDot) +
                        std::string(say.lookup(partStateKey(part.state)));
    if (part.required && part.state == "failed")
        title += std::string(kDot) + std::string(say.lookup("maintenance.required"));
    p.text(title, Rect{x, top, r.right() - x, small},
           TextStyle{m.type.small, Weight::Regular, ready || absent ? colors::kInk : colors::kError, Align::Left});
}

std::string_view testTitleKey(flow::Part part) {
    switch (part) {
    case flow::Part::Camera: return "maintenance.test.camera_title";
    case flow::Part::CodeScanner: return "maintenance.test.scanner_title";
    case flow::Part::MrzReader: return "maintenance.test.mrz_title";
    case flow::Part::ReceiptPrinter: break;
    }
    return "maintenance.test.printer_title";
}

std::string_view testPromptKey(flow::Part part) {
    switch (part) {
    case flow::Part::Camera: return "maintenance.test.camera_prompt";
    case flow::Part::CodeScanner: return "maintenance.test.scanner_prompt";
    case flow::Part::MrzReader: return "maintenance.test.mrz_prompt";
    case flow::Part::ReceiptPrinter: break;
    }
    return "maintenance.test.printer_prompt";
}

std::string testResult(const flow::PartTest& test, const Catalog& say) {
    using Outcome = flow::PartTest::Outcome;
    if (test.outcome == Outcome::Waiting) return std::string(say.lookup("maintenance.test.waiting"));
    if (test.part == flow::Part::CodeScanner) {
        std::string text =
            formatText(say.lookup("maintenance.test.code_read"), {{"count", std::to_string(test.characters)}});
        if (test.testPage) text += " " + std::string(say.lookup("maintenance.test.code_is_test_page"));
        return text;
    }
    if (test.outcome == Outcome::Passed)
        return formatText(say.lookup("maintenance.test.mrz_read"), {{"format", test.format}});
    return std::string(say.lookup("maintenance.test.mrz_bad"));
}

}  // namespace

std::string formatBytes(std::uint64_t bytes, Language language) {
    constexpr double kGb = 1024.0 * 1024.0 * 1024.0;
    constexpr double kMb = 1024.0 * 1024.0;
    char out[32];
    if (static_cast<double>(bytes) >= kGb)
        std::snprintf(out, sizeof out, "%.1f GB", static_cast<double>(bytes) / kGb);
    else
        std::snprintf(out, sizeof out, "%.0f MB", static_cast<double>(bytes) / kMb);
    std::string text(out);
    if (language == Language::Indonesian)
        for (auto& c : text)
            if (c == '.') c = ',';
    return text;
}

std::string clockTime(std::chrono::sys_seconds at, std::chrono::minutes utcOffset) {
    const auto local = at + utcOffset;
    const std::chrono::hh_mm_ss time{local - std::chrono::floor<std::chrono::days>(local)};
    char out[8];
    std::snprintf(out, sizeof out, "%02d:%02d", static_cast<int>(time.hours().count()),
                  static_cast<int>(time.minutes().count()));
    return out;
}

std::optional<flow::Action> drawMaintenance(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                            const Touch& touch) {
    const Catalog& say = texts.in(state.visit.language);
    const auto parts = maintenanceParts(p.size());
    const auto& l = parts.layout;
    const auto& m = l.metrics;
    const flow::KioskCondition condition = state.condition.value_or(flow::KioskCondition{});
    StepLayout top = l;
    top.prompt.h = lineHeight(m.type.body);
    frame(p, top, say, say.lookup("maintenance.title"),
          formatText(say.lookup("maintenance.prompt"),
                     {{"kiosk", condition.kioskId}, {"site", condition.siteId}, {"version", condition.version}}));
    news(p, parts.news, m, state, say);

    std::optional<flow::Action> action;
    p.text(say.lookup("maintenance.devices_title"), parts.devicesTitle,
           TextStyle{m.type.body, Weight::Bold, colors::kInk, Align::Left});
    for (std::size_t i = 0; i < flow::kParts.size(); ++i) {
        const auto part = flow::partOf(condition, flow::kParts[i]);
        // Nothing to test where nothing is fitted: the words take the button's place too.
        const bool testable = part.state != "not_fitted" && state.condition;
        Rect line = parts.devices[i];
        if (!testable) line.w = parts.tests[i].right() - line.x;
        deviceLine(p, line, m, part, say);
        if (!testable) continue;
        if (button(p, touch, parts.tests[i], m, spec(say.lookup("maintenance.test"), m.type.small)))
            action = flow::PartTapped{part.part};
    }
    drawFacts(p, parts.facts, m, factsOf(state, say));
    drawFacts(p, parts.problems, m, problemsOf(state, say));

    if (drawBackButton(p, say, l.back, m, touch)) action = flow::BackTapped{};
    if (button(p, touch, parts.syncNow, m, spec(say.lookup("maintenance.sync_now"), m.type.control)))
        action = flow::SyncNowTapped{};
    if (nextButton(p, touch, l.next, m, say.lookup("maintenance.export"))) action = flow::ExportTapped{};
    return action;
}

std::optional<flow::Action> drawPartTest(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                         const JourneyView& view, const Touch& touch) {
    const Catalog& say = texts.in(state.visit.language);
    const auto& screen = std::get<flow::PartTestScreen>(state.screen);
    const auto parts = partTestParts(p.size());
    const auto& l = parts.layout;
    const auto& m = l.metrics;
    frame(p, l, say, say.lookup(testTitleKey(screen.part)), say.lookup(testPromptKey(screen.part)));
    if (screen.part == flow::Part::Camera) {
        cameraPreview(p, parts.picture, m,
                      CameraPreviewSpec{view.camera, CameraGuide::None, false,
                                        say.lookup("maintenance.test.camera_hint"), say.text(Text::CameraNotReady)});
    } else {
        const flow::PartTest test = state.partTest.value_or(flow::PartTest::waitingFor(screen.part));
        const bool failed = test.outcome == flow::PartTest::Outcome::Failed;
        const bool passed = test.outcome == flow::PartTest::Outcome::Passed;
        p.fillRoundedRect(parts.result, m.radius, failed ? colors::kErrorTint : colors::kSurface);
        p.strokeRoundedRect(parts.result, m.radius, 2 * m.border,
                            failed   ? colors::kError
                            : passed ? colors::kPrimary
                                     : colors::kOutline);
        // The words from the panel's top, the mark beside their first line.
        const Rect inside = parts.result.inset(m.px(3));
        const int side = m.type.body;
        const int line = lineHeight(m.type.body);
        if (passed || failed)
            p.icon(passed ? Icon::Check : Icon::Warning, Rect{inside.x, inside.y + (line - side) / 2, side, side},
                   passed ? colors::kPrimary : colors::kError);
        const std::string result = testResult(test, say);
        const int textX = inside.x + side + m.px(2);
        const int width = inside.right() - textX;
        const int rows = std::max(1, static_cast<int>(p.wrap(result, m.type.body, Weight::Bold, width).size()));
        p.paragraph(result, Rect{textX, inside.y, width, std::min(inside.h, rows * line)},
                    TextStyle{m.type.body, Weight::Bold, failed ? colors::kError : colors::kInk, Align::Left});
    }
    std::optional<flow::Action> action;
    if (drawBackButton(p, say, l.back, m, touch)) action = flow::BackTapped{};
    return action;
}

}  // namespace kiosk::ui
