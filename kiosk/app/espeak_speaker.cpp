#include "kiosk/app/espeak_speaker.h"

#include "kiosk/app/kiosk_log.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cstring>

extern char** environ;

namespace kiosk::app {
namespace {

// Slower than espeak-ng's 175 words a minute: many listeners are hearing a second language.
constexpr const char* kWordsPerMinute = "140";

}  // namespace

EspeakSpeaker::EspeakSpeaker(std::vector<std::string> command) : command_(std::move(command)) {}

EspeakSpeaker::~EspeakSpeaker() {
    stop();
    // The children were told to stop; killing them outright keeps this wait short.
    for (const pid_t pid : stopped_) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
    }
}

void EspeakSpeaker::say(std::string_view text, ui::Language language) {
    stop();
    if (text.empty() || command_.empty()) return;

    std::vector<std::string> args = command_;
    args.insert(args.end(),
                {"-v", std::string(ui::languageCode(language)), "-s", kWordsPerMinute, "--", std::string(text)});
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    // Its chatter would end up in the kiosk's log; the audio goes to the sound card.
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int failed = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed != 0) {
        if (!reportedFailure_) log::warn("speech.unavailable", command_[0] + ": " + std::strerror(failed));
        reportedFailure_ = true;
        return;
    }
    current_ = pid;
}

void EspeakSpeaker::stop() {
    if (current_) {
        ::kill(*current_, SIGTERM);
        stopped_.push_back(*current_);
        current_.reset();
    }
    reap();
}

std::optional<pid_t> EspeakSpeaker::speaking() {
    if (current_ && ::waitpid(*current_, nullptr, WNOHANG) == *current_) current_.reset();
    return current_;
}

void EspeakSpeaker::reap() {
    std::erase_if(stopped_, [](pid_t pid) { return ::waitpid(pid, nullptr, WNOHANG) != 0; });
}

}  // namespace kiosk::app
