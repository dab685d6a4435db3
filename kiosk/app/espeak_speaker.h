#pragma once
// Speech by espeak-ng (Debian's espeak-ng, voices "id" and "en"), one child process per
// utterance, started with posix_spawn (no shell: the text is one argument) and stopped with
// SIGTERM when the next utterance or a stop() comes. Finished children are reaped without
// waiting. Without espeak-ng the kiosk is silent and says so once on stderr. Lives on the UI thread.

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/speaker.h"

namespace kiosk::app {

class EspeakSpeaker final : public Speaker {
public:
    // `command`: the program and its first arguments; "-v <voice> -s <rate> -- <text>" follow.
    explicit EspeakSpeaker(std::vector<std::string> command = {"espeak-ng"});
    EspeakSpeaker(const EspeakSpeaker&) = delete;
    EspeakSpeaker& operator=(const EspeakSpeaker&) = delete;
    ~EspeakSpeaker() override;

    void say(std::string_view text, ui::Language language) override;
    void stop() override;

    // The child saying the current utterance, if it has not finished.
    std::optional<pid_t> speaking();
    // Children stopped or finished but not yet reaped.
    std::size_t unreaped() const { return stopped_.size(); }
    // Reaps what has ended, without waiting.
    void reap();

private:
    std::vector<std::string> command_;
    std::optional<pid_t> current_;
    std::vector<pid_t> stopped_;
    bool reportedFailure_ = false;
};

}  // namespace kiosk::app
