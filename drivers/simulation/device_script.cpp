#include "drivers/simulation/device_script.h"

#include <charconv>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>

namespace kiosk::drivers {

namespace {

constexpr std::string_view kBlanks = " \t\r\f\v";

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(kBlanks);
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(kBlanks) - first + 1);
}

std::optional<int> hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return std::nullopt;
}

}  // namespace

Result<std::vector<ScriptLine>> splitScript(std::string_view content) {
    std::vector<ScriptLine> lines;
    int number = 0;
    while (!content.empty()) {
        const auto end = content.find('\n');
        std::string_view raw = content.substr(0, end);
        content.remove_prefix(end == std::string_view::npos ? content.size() : end + 1);
        ++number;
        if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
        if (raw.find('\0') != std::string_view::npos)
            return makeError("script.nul", "line " + std::to_string(number) + ": a NUL byte (write \\0 instead)");
        if (!raw.empty() && raw.front() == '#') continue;
        ScriptLine line;
        line.number = number;
        if (trim(raw).empty()) {
            line.kind = ScriptLine::Kind::Blank;
        } else if (raw.front() == '@') {
            line.kind = ScriptLine::Kind::Directive;
            const auto nameEnd = raw.find_first_of(kBlanks);
            line.name = std::string(raw.substr(1, nameEnd == std::string_view::npos ? nameEnd : nameEnd - 1));
            if (nameEnd != std::string_view::npos) line.text = std::string(trim(raw.substr(nameEnd)));
        } else {
            line.text = std::string(raw);
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

Result<std::string> readScriptFile(const std::filesystem::path& path) {
    constexpr std::uintmax_t kLimit = 16u << 20;
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error) return makeError("script.read", "cannot read " + path.string() + ": " + error.message());
    if (size > kLimit) return makeError("script.too_large", path.string() + " is larger than 16 MiB");
    std::ifstream in(path, std::ios::binary);
    std::string content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!in && !in.eof()) return makeError("script.read", "cannot read " + path.string());
    return content;
}

Result<std::chrono::milliseconds> parseScriptDuration(std::string_view text) {
    long long value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    const std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
    constexpr long long kMaxSeconds = 24 * 3600;
    if (ec != std::errc() || value < 0 || value > kMaxSeconds * 1000)
        return makeError("script.duration", "not a duration: '" + std::string(text) + "' (write 250ms or 2s)");
    if (unit == "ms") return std::chrono::milliseconds(value);
    if (unit == "s" && value <= kMaxSeconds) return std::chrono::milliseconds(value * 1000);
    return makeError("script.duration", "not a duration: '" + std::string(text) + "' (write 250ms or 2s)");
}

Result<std::string> unescapeScriptText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\') {
            out.push_back(text[i]);
            continue;
        }
        if (++i == text.size()) return makeError("script.escape", "a lone backslash at the end (write \\\\)");
        switch (text[i]) {
        case '\\': out.push_back('\\'); break;
        case 'r': out.push_back('\r'); break;
        case 'n': out.push_back('\n'); break;
        case 't': out.push_back('\t'); break;
        case '0': out.push_back('\0'); break;
        case 'e': out.push_back('\x1b'); break;
        case 'x': {
            const auto high = i + 1 < text.size() ? hexDigit(text[i + 1]) : std::nullopt;
            const auto low = i + 2 < text.size() ? hexDigit(text[i + 2]) : std::nullopt;
            if (!high || !low) return makeError("script.escape", "\\x needs two hex digits");
            out.push_back(static_cast<char>(*high * 16 + *low));
            i += 2;
            break;
        }
        default: return makeError("script.escape", std::string("unknown escape \\") + text[i]);
        }
    }
    return out;
}

Error scriptError(const ScriptLine& line, const std::string& detail) {
    return makeError("script.line", "line " + std::to_string(line.number) + ": " + detail);
}

Result<bool> ScriptSteps::common(const ScriptLine& line) {
    if (line.kind != ScriptLine::Kind::Directive) return false;
    if (line.name == "wait") {
        auto wait = parseScriptDuration(line.text);
        if (!wait) return scriptError(line, wait.error().detail);
        pendingWait_ += *wait;
        return true;
    }
    if (line.name == "fail") {
        if (line.text.empty()) return scriptError(line, "@fail needs the words the device reports");
        steps_.push_back({pendingWait_, ScriptStep::Kind::Fail, 0, line.text});
        pendingWait_ = {};
        failed_ = true;
        return true;
    }
    if (line.name == "ready") {
        steps_.push_back({pendingWait_, ScriptStep::Kind::Ready, 0, {}});
        pendingWait_ = {};
        failed_ = false;
        return true;
    }
    return false;
}

std::vector<ScriptStep> ScriptSteps::take() {
    if (pendingWait_ > std::chrono::milliseconds::zero())
        steps_.push_back({pendingWait_, ScriptStep::Kind::Pause, 0, {}});
    pendingWait_ = {};
    return std::move(steps_);
}

void ScriptSteps::item(std::size_t index) {
    steps_.push_back({pendingWait_, ScriptStep::Kind::Item, index, {}});
    pendingWait_ = {};
}

}  // namespace kiosk::drivers
