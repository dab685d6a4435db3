#include "drivers/scanner/simulated_code_scanner.h"

namespace kiosk::drivers {

Result<ScannerScript> parseScannerScript(std::string_view content) {
    auto lines = splitScript(content);
    if (!lines) return lines.error();
    ScannerScript script;
    ScriptSteps steps;
    std::string symbology;
    for (const auto& line : *lines) {
        auto common = steps.common(line);
        if (!common) return common.error();
        if (*common || line.kind == ScriptLine::Kind::Blank) continue;
        if (line.kind == ScriptLine::Kind::Directive) {
            if (line.name != "symbology") return scriptError(line, "unknown directive @" + line.name);
            symbology = line.text;
            continue;
        }
        if (steps.failed()) return scriptError(line, "a code while the scanner is failed (add @ready before it)");
        auto bytes = unescapeScriptText(line.text);
        if (!bytes) return scriptError(line, bytes.error().detail);
        steps.item(script.codes.size());
        script.codes.push_back({symbology, std::move(*bytes)});
    }
    if (script.codes.empty()) return makeError("script.empty", "the script has no codes");
    script.steps = steps.take();
    return script;
}

SimulatedCodeScanner::SimulatedCodeScanner(ScannerScript script, const Clock& clock, PlaybackOptions options)
    : codes_(std::move(script.codes)), player_(std::move(script.steps), clock, options), clock_(&clock) {}

Result<SimulatedCodeScanner> SimulatedCodeScanner::load(const std::filesystem::path& path, const Clock& clock,
                                                        PlaybackOptions options) {
    auto content = readScriptFile(path);
    if (!content) return content.error();
    auto script = parseScannerScript(*content);
    if (!script) return makeError(script.error().code, path.string() + ": " + script.error().detail);
    return SimulatedCodeScanner{std::move(*script), clock, options};
}

std::optional<ScannedCode> SimulatedCodeScanner::next(std::chrono::milliseconds timeout) {
    const auto index = player_.next(timeout);
    if (!index) return std::nullopt;
    const auto& code = codes_[*index];
    return ScannedCode{code.symbology, code.bytes, clock_->now()};
}

ComponentHealth SimulatedCodeScanner::health() const {
    return {Component::CodeScanner, player_.required(), player_.state(), player_.failure()};
}

}  // namespace kiosk::drivers
