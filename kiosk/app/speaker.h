#pragma once
// Reads a screen's instruction aloud. say() interrupts whatever is being said and returns at
// once: speech never holds up the UI. Implementations live on the UI thread.

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/ui/language.h"

namespace kiosk::app {

class Speaker {
public:
    virtual ~Speaker() = default;
    virtual void say(std::string_view text, ui::Language language) = 0;
    virtual void stop() = 0;
};

// Says nothing and keeps what it was asked: for headless runs, scenario scripts and tests.
class RecordingSpeaker final : public Speaker {
public:
    struct Utterance {
        std::string text;
        ui::Language language;
        friend bool operator==(const Utterance&, const Utterance&) = default;
    };

    void say(std::string_view text, ui::Language language) override { said_.push_back({std::string(text), language}); }
    void stop() override { ++stops_; }

    const std::vector<Utterance>& said() const { return said_; }
    int stops() const { return stops_; }
    // A wiped visit leaves no instruction text of it behind either.
    void forget() { said_.clear(); }

private:
    std::vector<Utterance> said_;
    int stops_ = 0;
};

}  // namespace kiosk::app
