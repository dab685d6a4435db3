#pragma once
// An MRZ reader that plays a script file, for demos and tests. Besides the shared script lines
// (see drivers/simulation/device_script.h), consecutive text lines form one MRZ, ended by a blank
// line, a directive or the end of the file, and must have an MRZ's shape (2 x 44, 2 x 36 or
// 3 x 30 of A-Z, 0-9, '<'; blanks around a line are ignored). Check digits are not checked, so a
// script can play a misread document. Example:
//
//   # a generated TD3 passport one second after start
//   @wait 1s
//   P<IDNCONTOH<<SITI<AMINAH<<<<<<<<<<<<<<<<<<<<
//   X0000001<7IDN9001014F3001012<<<<<<<<<<<<<<06

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "drivers/api/mrz_reader.h"
#include "drivers/simulation/script_player.h"

namespace kiosk::drivers {

struct MrzScript {
    std::vector<std::vector<std::string>> frames;
    std::vector<ScriptStep> steps;
};

// "script.line" (with the line number), "script.empty" when no MRZ is scripted.
Result<MrzScript> parseMrzScript(std::string_view content);

// Lives on the devices thread.
class SimulatedMrzReader final : public MrzReader {
public:
    SimulatedMrzReader(MrzScript script, const Clock& clock, PlaybackOptions options);
    static Result<SimulatedMrzReader> load(const std::filesystem::path& script, const Clock& clock,
                                           PlaybackOptions options);

    std::optional<MrzText> next(std::chrono::milliseconds timeout) override;
    ComponentHealth health() const override;
    bool finished() const { return player_.finished(); }

private:
    std::vector<std::vector<std::string>> frames_;
    ScriptPlayer player_;
    const Clock* clock_;
};

}  // namespace kiosk::drivers
