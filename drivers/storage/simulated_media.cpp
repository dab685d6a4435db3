#include "drivers/storage/simulated_media.h"

#include <system_error>
#include <utility>

#include "drivers/storage/system_media.h"

namespace kiosk::drivers {

SimulatedMedia::SimulatedMedia(std::filesystem::path folder) : folder_(std::move(folder)) {}

Result<std::vector<Medium>> SimulatedMedia::mounted() const {
    std::vector<Medium> media;
    std::error_code ec;
    if (std::filesystem::is_directory(folder_, ec)) media.push_back(describeMedium(folder_, "simulated", false));
    return media;
}

}  // namespace kiosk::drivers
