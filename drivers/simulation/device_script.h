#pragma once
// The text files that simulated devices play. Shared rules, line by line:
//
//   # a comment (only where the line starts with '#')
//   @wait 500ms            the next step comes this long after the previous one (ms or s)
//   @fail plain words      the device reports Failed with these words, as if unplugged
//   @ready                 the device is back
//   anything else          the device's own lines (a code, an MRZ line) or its own directives
//
// A CR before the LF of a line is ignored, so files written on Windows play the same.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/result.h"

namespace kiosk::drivers {

struct ScriptLine {
    enum class Kind { Text, Blank, Directive };
    int number = 0;  // from 1, for error messages
    Kind kind = Kind::Text;
    std::string name;  // a directive's name, without the '@'
    std::string text;  // a text line verbatim, or a directive's argument without surrounding blanks
};

// Comments are left out; every other line is returned. Fails on a NUL byte ("script.nul").
Result<std::vector<ScriptLine>> splitScript(std::string_view content);

// Reads a script file of at most 16 MiB ("script.read", "script.too_large").
Result<std::string> readScriptFile(const std::filesystem::path& path);

// "250ms", "2s" ("script.duration").
Result<std::chrono::milliseconds> parseScriptDuration(std::string_view text);

// Escapes for bytes a text line cannot hold: \\ \r \n \t \0 \e (ESC) \xHH ("script.escape").
Result<std::string> unescapeScriptText(std::string_view text);

// "script.line" with the line number in front of the detail.
Error scriptError(const ScriptLine& line, const std::string& detail);

struct ScriptStep {
    enum class Kind {
        Item,
        Fail,
        Ready,
        Pause,  // a @wait at the end of the script, before a looping script starts again
    };
    std::chrono::milliseconds wait{0};  // after the previous step
    Kind kind = Kind::Item;
    std::size_t item = 0;  // Item: an index into the device's own list
    std::string reason;    // Fail: what the device reports
};

// Collects steps while a device's loader walks the lines of its script.
class ScriptSteps {
public:
    // Takes @wait, @fail and @ready; returns false for any other line, which the loader handles.
    Result<bool> common(const ScriptLine& line);
    // An item step, carrying any pending @wait.
    void item(std::size_t index);
    // Between @fail and @ready a device delivers nothing, so a loader refuses items there.
    bool failed() const { return failed_; }
    std::vector<ScriptStep> take();

private:
    std::vector<ScriptStep> steps_;
    std::chrono::milliseconds pendingWait_{0};
    bool failed_ = false;
};

}  // namespace kiosk::drivers
