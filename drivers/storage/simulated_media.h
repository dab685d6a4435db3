#pragma once
// A USB stick that is a folder, for laptops, the demo and CI: plugged in while the folder exists,
// unplugged once it is removed.

#include <filesystem>

#include "drivers/api/removable_media.h"

namespace kiosk::drivers {

struct SimulatedMediaConfig {
    std::filesystem::path folder;
};

class SimulatedMedia final : public RemovableMedia {
public:
    explicit SimulatedMedia(std::filesystem::path folder);

    // One medium mounted at the folder (device "simulated") while it is a directory, else none.
    Result<std::vector<Medium>> mounted() const override;

private:
    std::filesystem::path folder_;
};

}  // namespace kiosk::drivers
