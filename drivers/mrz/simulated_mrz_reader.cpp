#include "drivers/mrz/simulated_mrz_reader.h"

#include "drivers/mrz/mrz_framer.h"

namespace kiosk::drivers {

namespace {

std::string withoutBlanks(std::string_view line) {
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return std::string(line.substr(first, line.find_last_not_of(" \t") - first + 1));
}

}  // namespace

Result<MrzScript> parseMrzScript(std::string_view content) {
    auto lines = splitScript(content);
    if (!lines) return lines.error();
    MrzScript script;
    ScriptSteps steps;
    std::vector<std::string> frame;
    const ScriptLine* frameStart = nullptr;
    auto endFrame = [&]() -> Result<void> {
        if (frame.empty()) return {};
        if (!hasMrzShape(frame))
            return scriptError(*frameStart, "not an MRZ shape (2 x 44, 2 x 36 or 3 x 30 of A-Z, 0-9, <)");
        if (steps.failed()) return scriptError(*frameStart, "an MRZ while the reader is failed (add @ready before it)");
        steps.item(script.frames.size());
        script.frames.push_back(std::move(frame));
        frame.clear();
        return {};
    };
    for (const auto& line : *lines) {
        if (line.kind == ScriptLine::Kind::Text) {
            if (frame.empty()) frameStart = &line;
            frame.push_back(withoutBlanks(line.text));
            continue;
        }
        if (auto ended = endFrame(); !ended) return ended.error();
        auto common = steps.common(line);
        if (!common) return common.error();
        if (!*common && line.kind == ScriptLine::Kind::Directive)
            return scriptError(line, "unknown directive @" + line.name);
    }
    if (auto ended = endFrame(); !ended) return ended.error();
    if (script.frames.empty()) return makeError("script.empty", "the script has no MRZ");
    script.steps = steps.take();
    return script;
}

SimulatedMrzReader::SimulatedMrzReader(MrzScript script, const Clock& clock, PlaybackOptions options)
    : frames_(std::move(script.frames)), player_(std::move(script.steps), clock, options), clock_(&clock) {}

Result<SimulatedMrzReader> SimulatedMrzReader::load(const std::filesystem::path& path, const Clock& clock,
                                                    PlaybackOptions options) {
    auto content = readScriptFile(path);
    if (!content) return content.error();
    auto script = parseMrzScript(*content);
    if (!script) return makeError(script.error().code, path.string() + ": " + script.error().detail);
    return SimulatedMrzReader{std::move(*script), clock, options};
}

std::optional<MrzText> SimulatedMrzReader::next(std::chrono::milliseconds timeout) {
    const auto index = player_.next(timeout);
    if (!index) return std::nullopt;
    return MrzText{frames_[*index], clock_->now()};
}

ComponentHealth SimulatedMrzReader::health() const {
    return {Component::MrzReader, player_.required(), player_.state(), player_.failure()};
}

}  // namespace kiosk::drivers
