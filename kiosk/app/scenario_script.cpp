#include "kiosk/app/scenario_script.h"

#include <charconv>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>

namespace kiosk::app {
namespace {

struct Form {
    std::string_view verb;
    std::string_view expected;
};

constexpr Form kForms[] = {
    {"tap", "tap NAME|X,Y [xN]"},
    {"hold", "hold NAME|X,Y DURATION"},
    {"type", "type TEXT"},
    {"scan", "scan TEXT"},
    {"scan-receipt", "scan-receipt"},
    {"mrz", "mrz LINE LINE [LINE]"},
    {"camera", "camera FILE"},
    {"language", "language id|en"},
    {"wait-for", "wait-for VIEW [within DURATION]"},
    {"advance", "advance DURATION (e.g. 500ms, 60s, 2min)"},
    {"screenshot", "screenshot NAME"},
    {"kill", "kill"},
};

std::vector<std::string_view> words(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
        if (i > start) out.push_back(line.substr(start, i - start));
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::optional<int> number(std::string_view text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

bool isName(std::string_view text) {
    if (text.empty()) return false;
    for (const char c : text)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

std::optional<Target> parseTarget(std::string_view text) {
    if (const auto comma = text.find(','); comma != std::string_view::npos) {
        const auto x = number(text.substr(0, comma));
        const auto y = number(text.substr(comma + 1));
        if (!x || !y || *x < 0 || *y < 0) return std::nullopt;
        return Target{ui::Point{*x, *y}};
    }
    if (!isName(text)) return std::nullopt;
    return Target{std::string(text)};
}

class LineParser {
public:
    LineParser(const std::filesystem::path& file, int line, std::string_view verb)
        : file_(file), line_(line), verb_(verb) {}

    Error wrong(std::string_view what) const {
        std::string expected = "one of";
        for (const auto& f : kForms)
            if (f.verb == verb_) expected = f.expected;
        if (expected == "one of")
            for (const auto& f : kForms) expected += std::string(" ") + std::string(f.verb) + ",";
        if (expected.back() == ',') expected.pop_back();
        return makeError("script.syntax", file_.string() + ":" + std::to_string(line_) + ": " + std::string(what) +
                                              "; expected: " + expected);
    }

private:
    const std::filesystem::path& file_;
    int line_;
    std::string_view verb_;
};

Result<ScenarioStep> parseLine(std::string_view line, const LineParser& p, const std::filesystem::path& dir) {
    const auto w = words(line);
    const std::string_view verb = w[0];
    const auto rest = trim(line.substr(verb.size() + static_cast<std::size_t>(verb.data() - line.data())));

    if (verb == "tap") {
        if (w.size() < 2 || w.size() > 3) return p.wrong("tap takes a target and an optional count");
        const auto target = parseTarget(w[1]);
        if (!target) return p.wrong("\"" + std::string(w[1]) + "\" is neither a control name nor X,Y");
        int count = 1;
        if (w.size() == 3) {
            const auto n = w[2].starts_with('x') ? number(w[2].substr(1)) : std::nullopt;
            if (!n || *n < 1 || *n > 10) return p.wrong("the count is x1 to x10");
            count = *n;
        }
        return ScenarioStep{TapStep{*target, count}};
    }
    if (verb == "hold") {
        if (w.size() != 3) return p.wrong("hold takes a target and a duration");
        const auto target = parseTarget(w[1]);
        const auto duration = parseDuration(w[2]);
        if (!target) return p.wrong("\"" + std::string(w[1]) + "\" is neither a control name nor X,Y");
        if (!duration) return p.wrong("\"" + std::string(w[2]) + "\" is not a duration");
        return ScenarioStep{HoldStep{*target, *duration}};
    }
    if (verb == "type" || verb == "scan") {
        if (rest.empty()) return p.wrong(std::string(verb) + " needs text");
        if (verb == "type") return ScenarioStep{TypeStep{std::string(rest)}};
        return ScenarioStep{ScanStep{std::string(rest)}};
    }
    if (verb == "scan-receipt") {
        if (w.size() != 1) return p.wrong("scan-receipt takes nothing more");
        return ScenarioStep{ScanStep{{}, true}};
    }
    if (verb == "kill") {
        if (w.size() != 1) return p.wrong("kill takes nothing more");
        return ScenarioStep{KillStep{}};
    }
    if (verb == "mrz") {
        if (w.size() < 3 || w.size() > 4) return p.wrong("an MRZ has 2 or 3 lines");
        return ScenarioStep{MrzStep{std::vector<std::string>(w.begin() + 1, w.end())}};
    }
    if (verb == "camera") {
        if (rest.empty()) return p.wrong("camera needs an image file");
        const std::filesystem::path image(rest);
        return ScenarioStep{CameraStep{image.is_absolute() ? image : dir / image}};
    }
    if (verb == "language") {
        const auto language = w.size() == 2 ? ui::languageFromCode(w[1]) : std::nullopt;
        if (!language) return p.wrong("unknown language");
        return ScenarioStep{LanguageStep{*language}};
    }
    if (verb == "wait-for") {
        if (w.size() != 2 && !(w.size() == 4 && w[2] == "within")) return p.wrong("wrong wait-for");
        if (!isName(w[1])) return p.wrong("\"" + std::string(w[1]) + "\" is not a view name");
        WaitStep step{std::string(w[1]), std::chrono::milliseconds{0}};
        if (w.size() == 4) {
            const auto within = parseDuration(w[3]);
            if (!within) return p.wrong("\"" + std::string(w[3]) + "\" is not a duration");
            step.within = *within;
        }
        return ScenarioStep{step};
    }
    if (verb == "advance") {
        const auto by = w.size() == 2 ? parseDuration(w[1]) : std::nullopt;
        if (!by) return p.wrong("advance takes one duration");
        return ScenarioStep{AdvanceStep{*by}};
    }
    if (verb == "screenshot") {
        if (w.size() != 2 || !isName(w[1])) return p.wrong("a screenshot name is lowercase letters, digits and -");
        return ScenarioStep{ScreenshotStep{std::string(w[1])}};
    }
    return p.wrong("unknown step \"" + std::string(verb) + "\"");
}

}  // namespace

std::optional<std::chrono::milliseconds> parseDuration(std::string_view text) {
    struct Unit {
        std::string_view suffix;
        int ms;
    };
    // "min" before "ms" and "s": the longest suffix that matches wins.
    for (const Unit u : {Unit{"min", 60000}, Unit{"ms", 1}, Unit{"s", 1000}}) {
        if (!text.ends_with(u.suffix)) continue;
        const auto n = number(text.substr(0, text.size() - u.suffix.size()));
        if (!n || *n < 0 || *n > 24 * 3600 * 1000 / u.ms) return std::nullopt;
        return std::chrono::milliseconds{static_cast<long long>(*n) * u.ms};
    }
    return std::nullopt;
}

Result<Scenario> parseScenario(std::string_view text, const std::filesystem::path& file) {
    Scenario scenario{file, {}};
    const auto dir = file.parent_path();
    int lineNo = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const auto end = std::min(text.find('\n', pos), text.size());
        const auto line = trim(text.substr(pos, end - pos));
        ++lineNo;
        pos = end + 1;
        if (line.empty() || line.front() == '#') continue;
        const auto verb = words(line)[0];
        auto step = parseLine(line, LineParser(file, lineNo, verb), dir);
        if (!step) return step.error();
        scenario.steps.push_back({lineNo, std::move(step).value()});
    }
    return scenario;
}

Result<Scenario> loadScenario(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return makeError("script.read", "cannot read " + file.string());
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parseScenario(text, file);
}

}  // namespace kiosk::app
