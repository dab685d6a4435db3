#pragma once
// A scanner that plays a script file, for demos and tests. Besides the shared script lines
// (see drivers/simulation/device_script.h), each text line is one scanned code, with escapes for
// bytes a line cannot hold (\r \n \t \0 \e \xHH \\), and
//
//   @symbology QRCode      the codes that follow report this symbology (@symbology alone: none)
//
// Blank lines are ignored. A line is taken verbatim, blanks included; a code that starts with
// '#' or '@' is written \x23 or \x40. Example:
//
//   # a KTP-el QR two seconds after start, then a GS1 code with a group separator
//   @symbology QRCode
//   @wait 2s
//   LOKET-TEST-0001
//   @symbology DataMatrix
//   @wait 500ms
//   010123456789012815\x1d10ABC123
//   @fail scanner unplugged
//   @wait 3s
//   @ready

#include <filesystem>
#include <string_view>
#include <vector>

#include "drivers/api/code_scanner.h"
#include "drivers/simulation/script_player.h"

namespace kiosk::drivers {

struct ScannerScript {
    struct Code {
        std::string symbology;
        std::string bytes;
    };
    std::vector<Code> codes;
    std::vector<ScriptStep> steps;
};

// "script.line" (with the line number), "script.empty" when no code is scripted.
Result<ScannerScript> parseScannerScript(std::string_view content);

// Lives on the devices thread.
class SimulatedCodeScanner final : public CodeScanner {
public:
    SimulatedCodeScanner(ScannerScript script, const Clock& clock, PlaybackOptions options);
    static Result<SimulatedCodeScanner> load(const std::filesystem::path& script, const Clock& clock,
                                             PlaybackOptions options);

    std::optional<ScannedCode> next(std::chrono::milliseconds timeout) override;
    ComponentHealth health() const override;
    bool finished() const { return player_.finished(); }

private:
    std::vector<ScannerScript::Code> codes_;
    ScriptPlayer player_;
    const Clock* clock_;
};

}  // namespace kiosk::drivers
