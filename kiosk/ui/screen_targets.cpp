#include "kiosk/ui/screen_targets.h"

#include "kiosk/ui/flow_layouts.h"
#include "kiosk/ui/layout.h"
#include "kiosk/ui/registration_screens.h"
#include "kiosk/ui/staff_layouts.h"

namespace kiosk::ui {
namespace {

template <class S>
bool on(const flow::FlowState& state) {
    return std::holds_alternative<S>(state.screen);
}

void addLanguages(std::vector<NamedTarget>& out, const std::array<Rect, kLanguages.size()>& places) {
    for (std::size_t i = 0; i < kLanguages.size(); ++i)
        out.push_back({"lang-" + std::string(languageCode(kLanguages[i])), places[i]});
}

void addKeypad(std::vector<NamedTarget>& out, const EntryLayout& l) {
    for (const Key& key : l.keys()) {
        if (key.role == KeyRole::Character) out.push_back({"key-" + std::string(1, key.character), key.rect});
        if (key.role == KeyRole::Backspace) out.push_back({"delete", key.rect});
    }
}

std::string joined(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (const auto part : parts) {
        if (!out.empty()) out += ' ';
        out += part;
    }
    return out;
}

}  // namespace

std::vector<NamedTarget> targetsOf(const flow::FlowState& state, Size window) {
    std::vector<NamedTarget> out;
    if (state.countdown) out.push_back({"stay", layoutCountdown(window).stay});
    if (on<flow::AttractScreen>(state)) {
        const auto l = layoutAttract(window);
        out.push_back({"start", l.start});
        addLanguages(out, l.languages);
    } else if (on<flow::LanguageChoiceScreen>(state)) {
        const auto l = layoutLanguageChoice(window);
        addLanguages(out, l.languages);
        out.push_back({"back", l.back});
        out.push_back({"next", l.next});
    } else if (on<flow::StaffHomeScreen>(state)) {
        // The rows of the page shown, by their place on it; the page turns only where drawn.
        const auto parts = staffHomeParts(window);
        static const std::vector<flow::WorkRow> none;
        const auto& rows = state.staffAnswer ? state.staffAnswer->worklist : none;
        const auto page = flow::pageOf(rows, state.work, parts.rows.size());
        for (std::size_t i = 0; i < page.rows.size() && i < parts.rows.size(); ++i)
            out.push_back({"work-" + std::to_string(i + 1), parts.rows[i]});
        for (std::size_t i = 0; i < flow::kWorkFilters.size(); ++i)
            out.push_back({"filter-" + std::string(flow::workFilterCode(flow::kWorkFilters[i])), parts.filters[i]});
        if (page.hasPrevious) out.push_back({"previous-page", parts.previous});
        if (page.hasNext) out.push_back({"next-page", parts.next});
        out.push_back({"report", parts.report});
        out.push_back({"sign-out", parts.layout.next});
        if (state.staffAnswer && state.staffAnswer->role == "admin")
            out.push_back({"maintenance", maintenanceButtonRect(window)});
        return out;
    } else if (on<flow::MaintenanceScreen>(state)) {
        // A device's test is drawn only when it is fitted: a tap on another does nothing.
        const auto parts = maintenanceParts(window);
        for (std::size_t i = 0; i < flow::kParts.size(); ++i)
            out.push_back({"test-" + std::string(flow::partName(flow::kParts[i])), parts.tests[i]});
        out.push_back({"sync-now", parts.syncNow});
        out.push_back({"export", parts.layout.next});
        out.push_back({"back", parts.layout.back});
        return out;
    } else if (on<flow::PartTestScreen>(state)) {
        out.push_back({"back", partTestParts(window).layout.back});
        return out;
    } else if (on<flow::StaffReportScreen>(state)) {
        // The page turns are drawn only when the report takes more than a page (which needs
        // the fonts to know): a tap on one that is not drawn does nothing.
        const auto parts = reportParts(window);
        out.push_back({"previous-page", parts.previous});
        out.push_back({"next-page", parts.next});
        out.push_back({"back", parts.layout.back});
        out.push_back({"print", parts.layout.next});
        return out;
    } else if (on<flow::StaffRecordScreen>(state)) {
        const bool checkIn = state.record && state.record->checkIn;
        const auto parts = recordParts(window, checkIn);
        for (std::size_t i = 0; i < parts.documents.size(); ++i)
            out.push_back({"doc-" + std::to_string(i + 1), parts.documents[i]});
        const std::vector<std::string_view> names =
            checkIn ? std::vector<std::string_view>{"approve", "refer"}
                    : std::vector<std::string_view>{"approve", "return", "reject", "refer"};
        for (std::size_t i = 0; i < names.size() && i < parts.decisions.size(); ++i)
            out.push_back({std::string(names[i]), parts.decisions[i]});
        out.push_back({"back", parts.layout.back});
        return out;
    } else if (on<flow::StaffDocumentScreen>(state) || on<flow::StaffReasonScreen>(state)) {
        const auto count = on<flow::StaffDocumentScreen>(state)
                               ? flow::documentChoices().size()
                               : flow::reasonChoices(std::get<flow::StaffReasonScreen>(state.screen).kind).size();
        const auto parts = choiceListParts(window, count);
        for (std::size_t i = 0; i < parts.options.size(); ++i)
            out.push_back({"option-" + std::to_string(i), parts.options[i]});
        out.push_back({"back", parts.layout.back});
        return out;
    } else if (!on<flow::StaffPinScreen>(state) && !on<flow::StaffSignOffScreen>(state)) {
        for (auto& t : journeyTargets(state, window)) out.push_back({std::move(t.name), t.place});
    } else {
        const auto l = layoutEntry(window);
        addKeypad(out, l);
        out.push_back({"cancel", l.back});
        out.push_back({"sign-in", l.action});
        return out;
    }
    out.push_back({"listen", listenButtonRect(window)});
    out.push_back({"staff-corner", staffCornerRect(window)});
    return out;
}

std::optional<Rect> findTarget(const flow::FlowState& state, Size window, std::string_view name) {
    for (const auto& target : targetsOf(state, window))
        if (target.name == name) return target.place;
    return std::nullopt;
}

std::string viewName(const flow::FlowState& state) {
    std::string name(flow::screenName(state.screen));
    if (state.countdown) name += "-countdown";
    return name;
}

std::string instructionFor(const flow::FlowState& state, const Catalogs& texts) {
    const Catalog& say = texts.in(state.visit.language);
    if (state.countdown) return joined({say.text(Text::IdleTitle), say.text(Text::IdleBody)});
    if (on<flow::AttractScreen>(state))
        return joined({say.text(Text::AttractWelcome), say.text(Text::AttractBody), say.text(Text::AttractFreeNotice)});
    if (on<flow::LanguageChoiceScreen>(state))
        return joined({say.text(Text::LanguageChoiceTitle), say.text(Text::LanguageChoicePrompt)});
    // Staff read; nothing of a record is ever said aloud.
    if (on<flow::StaffPinScreen>(state) || on<flow::StaffHomeScreen>(state) || on<flow::StaffRecordScreen>(state) ||
        on<flow::StaffDocumentScreen>(state) || on<flow::StaffReasonScreen>(state) ||
        on<flow::StaffSignOffScreen>(state) || on<flow::MaintenanceScreen>(state) || on<flow::PartTestScreen>(state))
        return {};
    return journeyInstruction(state, say);
}

}  // namespace kiosk::ui
