#include "kiosk/ui/beeper.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <numbers>
#include <vector>

#include "kiosk/ui/sdl_handles.h"

namespace kiosk::ui {
namespace {

constexpr int kRate = 22050;
constexpr double kPitch = 880.0;  // A5: clear over a hall's noise without being shrill
constexpr double kSeconds = 0.18;

// A sine with 10 ms fades, so it starts and ends without a click.
std::vector<std::int16_t> tone() {
    const auto count = static_cast<std::size_t>(kRate * kSeconds);
    const double fade = kRate * 0.010;
    std::vector<std::int16_t> samples(count);
    for (std::size_t i = 0; i < count; ++i) {
        const double t = static_cast<double>(i);
        const double envelope = std::min({1.0, t / fade, static_cast<double>(count - i) / fade});
        samples[i] = static_cast<std::int16_t>(
            std::lround(9000.0 * envelope * std::sin(2.0 * std::numbers::pi * kPitch * t / kRate)));
    }
    return samples;
}

}  // namespace

struct Beeper::Impl {
    bool subsystem = false;
    SDL_AudioDeviceID device = 0;
    std::vector<std::int16_t> samples = tone();

    ~Impl() {
        if (device != 0) SDL_CloseAudioDevice(device);
        if (subsystem) SDL_QuitSubSystem(SDL_INIT_AUDIO);
    }
};

Beeper Beeper::open(bool dummyDriver) {
    auto impl = std::make_unique<Impl>();
    if (dummyDriver) SDL_SetHintWithPriority(SDL_HINT_AUDIODRIVER, "dummy", SDL_HINT_OVERRIDE);
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        std::cerr << "kiosk: no sound (SDL audio: " << SDL_GetError() << ")\n";
        return Beeper(std::move(impl));
    }
    impl->subsystem = true;
    SDL_AudioSpec want{};
    want.freq = kRate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;
    impl->device = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0);
    if (impl->device == 0) {
        std::cerr << "kiosk: no sound (SDL_OpenAudioDevice: " << SDL_GetError() << ")\n";
        return Beeper(std::move(impl));
    }
    SDL_PauseAudioDevice(impl->device, 0);
    return Beeper(std::move(impl));
}

Beeper::Beeper(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Beeper::Beeper(Beeper&&) noexcept = default;
Beeper& Beeper::operator=(Beeper&&) noexcept = default;
Beeper::~Beeper() = default;

bool Beeper::audible() const { return impl_->device != 0; }

void Beeper::beep() {
    ++beeps_;
    if (impl_->device == 0) return;
    // A new beep replaces one still playing rather than queueing behind it.
    SDL_ClearQueuedAudio(impl_->device);
    SDL_QueueAudio(impl_->device, impl_->samples.data(),
                   static_cast<Uint32>(impl_->samples.size() * sizeof(std::int16_t)));
}

}  // namespace kiosk::ui
