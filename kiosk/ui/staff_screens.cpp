#include "kiosk/ui/staff_screens.h"

#include <cstdio>
#include <vector>

#include "kiosk/core/receipt_content.h"
#include "kiosk/receipt/day_report_printout.h"

#include "kiosk/ui/flow_screens.h"
#include "kiosk/ui/journey_frame.h"
#include "kiosk/ui/journey_texts.h"
#include "kiosk/ui/staff_layouts.h"
#include "kiosk/ui/text_format.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/video_image.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

constexpr std::string_view kDot = " \xc2\xb7 ";

// What the officer found of a document, in a word or two: "Sah", "kedaluwarsa", "Periksa".
std::string verdictWord(const flow::FlowState& state, std::size_t i, const Catalog& say) {
    const auto& mark = state.draft.documents[i];
    if (mark.verdict == core::DocumentVerdict::NotReviewed) return std::string(say.lookup("staff.document_check"));
    if (mark.verdict == core::DocumentVerdict::Invalid) return std::string(say.lookup(reasonKey(mark.reason)));
    return std::string(say.lookup(verdictKey(mark.verdict)));
}

// Who it is, then where they are going (or came back from): the record's first two lines.
std::string whoLine(const flow::RecordView& r, const Catalog& say) {
    std::string line(r.name.view());
    if (!r.nik.empty())
        line += std::string(kDot) + formatText(say.lookup("staff.record_nik"), {{"nik", std::string(r.nik.view())}});
    return line;
}

std::string detailLine(const flow::RecordView& r, const Catalog& say) {
    std::vector<std::string> parts;
    if (!r.passportNumber.empty())
        parts.push_back(
            formatText(say.lookup("staff.record_passport"), {{"number", std::string(r.passportNumber.view())}}));
    if (!r.birthDate.empty()) parts.push_back(formatText(say.lookup("staff.record_birth"), {{"date", r.birthDate}}));
    if (!r.plan.empty()) parts.push_back(r.plan);
    std::string line;
    for (const auto& part : parts) line += (line.empty() ? "" : std::string(kDot)) + part;
    return line;
}

// The automatic checks' findings of a registration, or the decision that stands.
std::string checksLine(const flow::RecordView& r, const Catalog& say) {
    if (r.standing)
        return formatText(say.lookup("staff.record_standing"),
                          {{"decision", std::string(say.lookup(decisionKey(*r.standing)))}});
    if (r.checkIn) return {};
    std::string checks;
    for (const auto& code : r.checks) checks += (checks.empty() ? "" : ", ") + std::string(say.lookup(checkKey(code)));
    return checks.empty() ? std::string(say.lookup("staff.record_checks_none"))
                          : formatText(say.lookup("staff.record_checks"), {{"checks", checks}});
}

}  // namespace

namespace {

// "02-11 08:07": the day and the time in the site's zone, short enough for a worklist row.
std::string worklistTime(std::chrono::sys_seconds at, const core::ReceiptSettings& settings) {
    const auto local = at + settings.utcOffset;
    const auto day = std::chrono::floor<std::chrono::days>(local);
    const std::chrono::year_month_day date{day};
    const std::chrono::hh_mm_ss time{local - day};
    char out[16];
    std::snprintf(out, sizeof out, "%02u-%02u %02d:%02d", static_cast<unsigned>(date.day()),
                  static_cast<unsigned>(date.month()), static_cast<int>(time.hours().count()),
                  static_cast<int>(time.minutes().count()));
    return out;
}

// The frame with a one-line prompt, and under it the news: a problem in the error colour, or what
// just happened.
void frameWithNews(Painter& p, const StepLayout& l, Rect news, const Catalog& say, std::string_view title,
                   std::string_view prompt, const flow::FlowState& state) {
    const auto& m = l.metrics;
    StepLayout top = l;
    top.prompt.h = lineHeight(m.type.body);
    frame(p, top, say, title, prompt);
    if (!state.problem.empty())
        problemLine(p, news, m, problemText(state, say));
    else if (!state.notice.empty())
        p.text(say.lookup(state.notice), news, TextStyle{m.type.body, Weight::Bold, colors::kPrimary, Align::Left});
}

// A worklist row: a button with the record's number over its details, compact enough for a page
// of several rows; a complaint carries the warning mark.
bool workRow(Painter& p, const Touch& touch, Rect r, const Metrics& m, std::string_view title, std::string_view note,
             bool complaint) {
    const bool tapped = button(p, touch, r, m, spec({}, m.type.small));
    const int pad = m.px(2);
    const int small = lineHeight(m.type.small);
    int x = r.x + pad;
    if (complaint) {
        const int side = std::min(small, r.h / 2);
        p.icon(Icon::Warning, Rect{x, r.y + (r.h - side) / 2, side, side}, colors::kOutline);
        x += side + pad;
    }
    const int top = r.y + (r.h - 2 * small) / 2;
    const int w = r.right() - pad - x;
    p.text(title, Rect{x, top, w, small}, TextStyle{m.type.small, Weight::Bold, colors::kInk, Align::Left});
    p.text(note, Rect{x, top + small, w, small},
           TextStyle{m.type.small, Weight::Regular, colors::kInkSoft, Align::Left});
    return tapped;
}

}  // namespace

std::string filterKey(flow::WorkFilter filter) { return "staff.filter." + std::string(flow::workFilterCode(filter)); }

std::optional<flow::Action> drawStaffHome(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                          const Touch& touch) {
    const Catalog& say = texts.in(state.visit.language);
    const auto parts = staffHomeParts(p.size());
    const auto& l = parts.layout;
    const auto& m = l.metrics;
    const flow::StaffAnswer who = state.staffAnswer.value_or(flow::StaffAnswer{});
    frameWithNews(p, l, parts.news, say, say.lookup("staff.home_title"),
                  formatText(say.lookup("staff.home_who"), {{"name", who.displayName},
                                                            {"id", who.staffId},
                                                            {"role", std::string(say.lookup(staffRoleKey(who.role)))}}),
                  state);
    // The queue's figures, one a line: what waits to be sent matters most when the network is down.
    const auto& q = who.queue;
    const std::vector<std::string> figures{
        formatText(say.lookup("staff.home_unsent"), {{"count", std::to_string(q.unsent)}}),
        q.oldestUnsentMinutes
            ? formatText(say.lookup("staff.home_oldest"), {{"minutes", std::to_string(*q.oldestUnsentMinutes)}})
            : std::string(say.lookup("staff.home_nothing_waiting")),
        formatText(say.lookup("staff.home_acknowledged"), {{"count", std::to_string(q.acknowledged)}}),
        formatText(say.lookup("staff.home_rejected"), {{"count", std::to_string(q.rejected)}}),
        formatText(say.lookup("staff.home_under_age"), {{"count", std::to_string(q.underAgeStops)}}),
    };
    const int small = lineHeight(m.type.small);
    int y = parts.figures.y;
    for (const auto& text : figures) {
        if (y + small > parts.figures.bottom()) break;
        p.text(text, Rect{parts.figures.x, y, parts.figures.w, small},
               TextStyle{m.type.small, Weight::Regular, colors::kInk, Align::Left});
        y += small + m.px(1);
    }
    std::optional<flow::Action> action;
    // The filters, each with how many records it lets through.
    for (std::size_t i = 0; i < flow::kWorkFilters.size(); ++i) {
        const auto filter = flow::kWorkFilters[i];
        const std::string label =
            formatText(say.lookup(filterKey(filter)), {{"count", std::to_string(flow::countOf(who.worklist, filter))}});
        ButtonSpec look = spec(label, m.type.small, ButtonKind::Secondary, state.work.filter == filter);
        look.icon.reset();  // the tint and the outline mark the one chosen
        if (button(p, touch, parts.filters[i], m, look)) action = flow::FilterTapped{filter};
    }
    // The worklist: complaints first, then the oldest first; a button a record with nothing
    // personal on it (the number, the time, the documents, whether the national office has it).
    const auto page = flow::pageOf(who.worklist, state.work, parts.rows.size());
    p.text(formatText(say.lookup("staff.worklist_title"), {{"count", std::to_string(who.worklist.size())}}),
           parts.listTitle, TextStyle{m.type.body, Weight::Bold, colors::kInk, Align::Left});
    if (page.rows.empty() && !parts.rows.empty()) {
        const Rect under{parts.rows[0].x, parts.rows[0].y, parts.rows[0].w, small};
        const auto empty =
            who.worklist.empty() ? say.lookup("staff.worklist_empty") : say.lookup("staff.worklist_filter_empty");
        p.text(empty, under, TextStyle{m.type.small, Weight::Regular, colors::kInkSoft, Align::Left});
    }
    for (std::size_t i = 0; i < page.rows.size() && i < parts.rows.size(); ++i) {
        const auto index = page.rows[i];
        const auto& work = who.worklist[index];
        // A complaint says so in words and with a mark, not in colour alone.
        std::string title = work.number;
        if (work.complaint) title = std::string(say.lookup("staff.worklist_complaint")) + std::string(kDot) + title;
        core::ReceiptSettings zone;
        zone.utcOffset = state.settings.utcOffset;
        const auto time = worklistTime(work.createdAt, zone);
        const std::string sync(say.lookup(syncStateKey(work.sync)));
        const std::string note =
            work.checkIn ? formatText(say.lookup("staff.worklist_checkin_row"), {{"time", time}, {"sync", sync}})
            : work.returned
                ? formatText(say.lookup("staff.worklist_returned_row"), {{"time", time}, {"sync", sync}})
                : formatText(say.lookup("staff.worklist_row"),
                             {{"time", time}, {"documents", std::to_string(work.documentsHave)}, {"sync", sync}});
        if (workRow(p, touch, parts.rows[i], m, title, note, work.complaint)) action = flow::WorkTapped{index};
    }
    // The page turns, only where there is a page to turn to; where it stands, in words.
    const auto perPage = parts.rows.size();
    if (page.total > perPage) {
        const std::string where =
            formatText(say.lookup("staff.page_label"), {{"first", std::to_string(page.first + 1)},
                                                        {"last", std::to_string(page.first + page.rows.size())},
                                                        {"total", std::to_string(page.total)}});
        p.text(where, parts.pageLabel, TextStyle{m.type.small, Weight::Regular, colors::kInk, Align::Centre});
        const std::string previous(say.lookup("staff.page_previous"));
        const std::string next(say.lookup("staff.page_next"));
        if (page.hasPrevious && button(p, touch, parts.previous, m, spec(previous, m.type.small)))
            action = flow::PageTapped{false, perPage};
        if (page.hasNext && button(p, touch, parts.next, m, spec(next, m.type.small)))
            action = flow::PageTapped{true, perPage};
    }
    const std::string report(say.lookup("staff.report"));
    if (button(p, touch, parts.report, m, spec(report, m.type.control))) action = flow::ReportTapped{};
    if (nextButton(p, touch, l.next, m, say.lookup("staff.sign_out"))) action = flow::SignOutTapped{};
    // The kiosk's own workings are for admins alone.
    if (who.role == "admin" &&
        button(p, touch, maintenanceButtonRect(p.size()), m, spec(say.lookup("maintenance.open"), m.type.small)))
        action = flow::MaintenanceTapped{};
    return action;
}

std::optional<flow::Action> drawStaffReport(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                            const Touch& touch) {
    const Catalog& say = texts.in(state.visit.language);
    const auto parts = reportParts(p.size());
    const auto& l = parts.layout;
    const auto& m = l.metrics;
    std::string prompt;
    if (state.dayReport) {
        const auto& r = *state.dayReport;
        prompt =
            formatText(say.lookup("staff.report_prompt"),
                       {{"site", r.siteId}, {"kiosk", r.kioskId}, {"time", receipt::reportTime(r, r.generatedAt)}});
    }
    frameWithNews(p, l, parts.news, say, say.lookup("report.title"), prompt, state);
    std::optional<flow::Action> pageTurn;
    if (state.dayReport) {
        // The printout's summary, flowing from column to column; the paper has every figure.
        const auto lines = receipt::dayReportText(
            *state.dayReport, [&](std::string_view key) { return std::string(say.lookup(key)); },
            receipt::ReportDetail::Summary);
        // A section (a heading and its lines) stays in one column when it can; a line too wide
        // for its column wraps onto a second. When the columns are full the rest goes on the
        // next page.
        using Style = receipt::ReportTextLine::Style;
        const int small = lineHeight(m.type.small);
        const int width = parts.columns.empty() ? 0 : parts.columns[0].w;
        const auto weightOf = [](const receipt::ReportTextLine& line) {
            return line.style == Style::Heading ? Weight::Bold : Weight::Regular;
        };
        // Wrapping at word breaks loses up to a fifth of each line: count on four fifths.
        const auto heightOf = [&](const receipt::ReportTextLine& line) {
            const int needed = p.measure(line.text, m.type.small, weightOf(line)).w;
            const int usable = std::max(1, width * 4 / 5);
            const int rows = needed <= width ? 1 : std::min(3, (needed + usable - 1) / usable);
            return rows * small;
        };
        struct Placed {
            std::size_t line = 0;
            std::size_t page = 0;
            Rect where;
        };
        std::vector<Placed> placed;
        std::size_t page = 0;
        std::size_t column = 0;
        int y = parts.columns.empty() ? 0 : parts.columns[0].y;
        const auto nextColumn = [&] {
            if (++column == parts.columns.size()) {
                column = 0;
                ++page;
            }
            y = parts.columns[column].y;
        };
        for (std::size_t i = 0; i < lines.size() && !parts.columns.empty();) {
            std::size_t end = i + 1;
            while (end < lines.size() && lines[end].style != Style::Heading) ++end;
            int need = 0;
            for (std::size_t k = i; k < end; ++k) need += heightOf(lines[k]);
            const bool fresh = y == parts.columns[column].y;
            const int gap = fresh ? 0 : m.px(1.5);
            if (!fresh && y + gap + need > parts.columns[column].bottom())
                nextColumn();
            else
                y += gap;
            for (; i < end; ++i) {
                const int h = heightOf(lines[i]);
                if (y + h > parts.columns[column].bottom() && y != parts.columns[column].y) nextColumn();
                const Rect& c = parts.columns[column];
                placed.push_back({i, page, Rect{c.x, y, c.w, h}});
                y += h;
            }
        }
        const std::size_t pages = placed.empty() ? 1 : placed.back().page + 1;
        const std::size_t shown = std::min(state.reportPage, pages - 1);
        for (const auto& line : placed)
            if (line.page == shown)
                p.paragraph(lines[line.line].text, line.where,
                            TextStyle{m.type.small, weightOf(lines[line.line]), colors::kInk, Align::Left});
        if (pages > 1) {
            const std::string where = formatText(say.lookup("staff.report_page"), {{"page", std::to_string(shown + 1)},
                                                                                   {"pages", std::to_string(pages)}});
            p.text(where, parts.pageLabel, TextStyle{m.type.small, Weight::Regular, colors::kInk, Align::Centre});
            const std::string previous(say.lookup("staff.page_previous"));
            const std::string next(say.lookup("staff.page_next"));
            if (shown > 0 && button(p, touch, parts.previous, m, spec(previous, m.type.small)))
                pageTurn = flow::PageTapped{false, 1};
            if (shown + 1 < pages && button(p, touch, parts.next, m, spec(next, m.type.small)))
                pageTurn = flow::PageTapped{true, 1};
        }
    }
    std::optional<flow::Action> action = pageTurn;
    if (drawBackButton(p, say, l.back, m, touch)) action = flow::BackTapped{};
    if (nextButton(p, touch, l.next, m, say.lookup("staff.report_print"))) action = flow::PrintTapped{};
    return action;
}

std::string decisionKey(core::DecisionKind kind) { return "decision." + std::string(core::decisionKindCode(kind)); }
std::string reasonKey(std::string_view code) { return "reason." + std::string(code); }
std::string verdictKey(core::DocumentVerdict verdict) {
    return "staff.verdict." + std::string(core::documentVerdictCode(verdict));
}

std::optional<flow::Action> drawStaffRecord(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                            const VideoImage* photo, const Touch& touch) {
    const Catalog& say = texts.in(state.visit.language);
    const bool checkIn = state.record && state.record->checkIn;
    const auto parts = recordParts(p.size(), checkIn);
    const auto& l = parts.layout;
    const auto& m = l.metrics;
    std::optional<flow::Action> action;
    if (!state.record) {
        frame(p, l, say, say.lookup("staff.record_unavailable"), {});
        if (drawBackButton(p, say, l.back, m, touch)) action = flow::BackTapped{};
        return action;
    }
    const auto& r = *state.record;
    // The receipt number says the kind: REG for a registration, RET for a check-in.
    frame(p, l, say, r.number, {});
    const int line = lineHeight(m.type.body);
    p.text(whoLine(r, say), Rect{parts.facts.x, parts.facts.y, parts.facts.w, line},
           TextStyle{m.type.body, Weight::Bold, colors::kInk, Align::Left});
    p.text(detailLine(r, say), Rect{parts.facts.x, parts.facts.y + line, parts.facts.w, parts.facts.h - line},
           TextStyle{m.type.small, Weight::Regular, colors::kInk, Align::Left});
    if (!state.problem.empty()) {
        problemLine(p, parts.message, m, problemText(state, say));
    } else {
        const bool warn = !r.checks.empty() || r.standing;
        p.paragraph(checksLine(r, say), parts.message,
                    TextStyle{m.type.small, warn ? Weight::Bold : Weight::Regular,
                              warn ? colors::kNoticeInk : colors::kInkSoft, Align::Left});
    }
    // The photo the person had taken at the kiosk, as large as the screen allows, for a look at
    // the one standing at the desk.
    if (r.photo && photo && photo->size.w > 0) {
        p.video(*photo, coverSource(photo->size, Size{parts.photo.w, parts.photo.h}), parts.photo, false);
    } else {
        p.fillRoundedRect(parts.photo, m.radius, colors::kSurface);
        p.strokeRoundedRect(parts.photo, m.radius, m.border, colors::kOutline);
        p.paragraph(say.lookup("staff.record_no_photo"), parts.photo.inset(m.px(1.5)),
                    TextStyle{m.type.small, Weight::Regular, colors::kInkSoft, Align::Centre});
    }

    if (checkIn) {
        // A complaint is said in words and marked, never by colour alone.
        const Rect panel = parts.complaint;
        p.fillRoundedRect(panel, m.radius, r.complaint.empty() ? colors::kSurface : colors::kNotice);
        const Rect inner = panel.inset(m.px(2));
        if (r.complaint.empty()) {
            p.paragraph(say.lookup("staff.record_no_complaint"), inner,
                        TextStyle{m.type.body, Weight::Regular, colors::kInk, Align::Left});
        } else {
            p.icon(Icon::Warning, Rect{inner.x, inner.y, m.type.body, m.type.body}, colors::kError);
            p.text(formatText(say.lookup("staff.record_complaint"),
                              {{"category", std::string(say.lookup(optionKey("complaint." + r.complaint)))}}),
                   Rect{inner.x + m.type.body + m.px(1.5), inner.y, inner.w - m.type.body - m.px(1.5),
                        lineHeight(m.type.body)},
                   TextStyle{m.landscape ? m.type.body : m.type.small, Weight::Bold, colors::kNoticeInk, Align::Left});
            p.paragraph(r.complaintText.view(),
                        Rect{inner.x, inner.y + lineHeight(m.type.body) + m.px(1), inner.w,
                             inner.h - lineHeight(m.type.body) - m.px(1)},
                        TextStyle{m.type.body, Weight::Regular, colors::kInk, Align::Left});
        }
    } else {
        const int small = lineHeight(m.type.small);
        for (std::size_t i = 0; i < parts.documents.size(); ++i) {
            const Rect label = parts.documentLabels[i];
            p.text(say.lookup(documentKey(core::kAllDocuments[i])),
                   Rect{label.x, label.y + std::max(0, (label.h - small) / 2), label.w, small},
                   TextStyle{m.type.small, Weight::Bold, colors::kInk, Align::Left});
            // A marked document's button is tinted and outlined and says the verdict in words.
            const bool marked = state.draft.documents[i].verdict != core::DocumentVerdict::NotReviewed;
            const std::string verdict = verdictWord(state, i, say);  // the spec only views it
            ButtonSpec look = spec(verdict, m.type.small, ButtonKind::Secondary, marked);
            look.icon.reset();
            if (button(p, touch, parts.documents[i], m, look)) action = flow::ReviewTapped{i};
        }
    }

    using K = core::DecisionKind;
    const std::vector<K> kinds = checkIn ? std::vector<K>{K::Approve, K::Refer}
                                         : std::vector<K>{K::Approve, K::ReturnForCorrection, K::Reject, K::Refer};
    for (std::size_t i = 0; i < kinds.size() && i < parts.decisions.size(); ++i) {
        const auto label = checkIn && kinds[i] == K::Approve ? std::string(say.lookup("decision.handled"))
                                                             : std::string(say.lookup(decisionKey(kinds[i])));
        if (button(p, touch, parts.decisions[i], m,
                   spec(label, m.landscape ? m.type.body : m.type.small,
                        i == 0 ? ButtonKind::Primary : ButtonKind::Secondary)))
            action = flow::DecideTapped{kinds[i]};
    }
    if (drawBackButton(p, say, l.back, m, touch)) action = flow::BackTapped{};
    return action;
}

std::optional<flow::Action> drawStaffDocument(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                              const Touch& touch) {
    const Catalog& say = texts.in(state.visit.language);
    const auto& screen = std::get<flow::StaffDocumentScreen>(state.screen);
    const auto choices = flow::documentChoices();
    const auto parts = choiceListParts(p.size(), choices.size());
    const auto& m = parts.layout.metrics;
    frame(p, parts.layout, say, say.lookup(documentKey(core::kAllDocuments[screen.index])),
          say.lookup("staff.document_prompt"));
    std::optional<flow::Action> action;
    const auto& current = state.draft.documents[screen.index];
    for (std::size_t i = 0; i < choices.size() && i < parts.options.size(); ++i) {
        const auto& choice = choices[i];
        // "Sah", each reason it is not, "Tidak dibawa": the prompt says what they mean.
        const std::string label(choice.verdict == core::DocumentVerdict::Invalid
                                    ? say.lookup(reasonKey(choice.reason))
                                    : say.lookup(verdictKey(choice.verdict)));
        ButtonSpec look = spec(label, m.type.small, ButtonKind::Secondary, current == choice);
        look.icon.reset();  // the tint and the outline mark the one chosen
        if (button(p, touch, parts.options[i], m, look)) action = flow::ChoiceTapped{i};
    }
    if (drawBackButton(p, say, parts.layout.back, m, touch)) action = flow::BackTapped{};
    return action;
}

std::optional<flow::Action> drawStaffReason(Painter& p, const Catalogs& texts, const flow::FlowState& state,
                                            const Touch& touch) {
    const Catalog& say = texts.in(state.visit.language);
    const auto& screen = std::get<flow::StaffReasonScreen>(state.screen);
    const auto reasons = flow::reasonChoices(screen.kind);
    const auto parts = choiceListParts(p.size(), reasons.size());
    const auto& m = parts.layout.metrics;
    const std::string kind(core::decisionKindCode(screen.kind));
    const std::string title = "staff.reason_title." + kind;
    const std::string prompt = "staff.reason_prompt." + kind;
    frame(p, parts.layout, say, say.lookup(title), say.lookup(prompt));
    std::optional<flow::Action> action;
    for (std::size_t i = 0; i < reasons.size() && i < parts.options.size(); ++i)
        if (button(p, touch, parts.options[i], m, spec(say.lookup(reasonKey(reasons[i])), m.type.control)))
            action = flow::ChoiceTapped{i};
    if (drawBackButton(p, say, parts.layout.back, m, touch)) action = flow::BackTapped{};
    return action;
}

}  // namespace kiosk::ui
