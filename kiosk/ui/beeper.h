#pragma once
// A short tone through SDL audio: the "need more time?" dialog calls with sound as well as on
// screen. Where no audio device opens (none fitted, or the dummy driver refuses) the kiosk stays
// silent and says so once on stderr; a beep is never a reason to stop. Lives on the UI thread;
// SDL plays the queued samples on its own audio thread.

#include <cstdint>
#include <memory>

namespace kiosk::ui {

class Beeper {
public:
    // `dummyDriver`: use SDL's "dummy" audio driver (headless runs and tests: the samples are
    // consumed but not heard). SDL's video must already be started (a Display is open).
    static Beeper open(bool dummyDriver);

    Beeper(Beeper&&) noexcept;
    Beeper& operator=(Beeper&&) noexcept;
    ~Beeper();

    void beep();
    bool audible() const;                 // an audio device is open
    int beeps() const { return beeps_; }  // asked for, heard or not

private:
    struct Impl;
    explicit Beeper(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
    int beeps_ = 0;
};

}  // namespace kiosk::ui
