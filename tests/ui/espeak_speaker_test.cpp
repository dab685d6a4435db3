// Speech as a child process: the text reaches the program as one argument with the voice, say()
// returns while the child still speaks, a new utterance or stop() ends the old child, and a
// missing program leaves the kiosk silent. A shell script that records its arguments and then
// sleeps stands in for espeak-ng.

#include "kiosk/app/espeak_speaker.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::app {
namespace {

namespace fs = std::filesystem;

class EspeakSpeakerTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("speaker_test_" + std::to_string(::getpid()) + "_" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir_);
        args_ = dir_ / "args.txt";
    }
    void TearDown() override { fs::remove_all(dir_); }

    // Records each argument on a line of its own, then "speaks" for a long time.
    std::vector<std::string> fakeEspeak() const {
        return {"/bin/sh", "-c", "printf '%s\\n' \"$@\" >> '" + args_.string() + "'; exec sleep 60", "fake-espeak"};
    }

    std::vector<std::string> recordedArgs(std::size_t atLeast) const {
        std::vector<std::string> lines;
        for (int i = 0; i < 1000 && lines.size() < atLeast; ++i) {
            lines.clear();
            std::ifstream in(args_);
            for (std::string line; std::getline(in, line);) lines.push_back(line);
            if (lines.size() < atLeast) std::this_thread::sleep_for(std::chrono::milliseconds{10});
        }
        return lines;
    }

    static void reapAll(EspeakSpeaker& speaker) {
        for (int i = 0; i < 1000 && speaker.unreaped() > 0; ++i) {
            speaker.reap();
            std::this_thread::sleep_for(std::chrono::milliseconds{10});
        }
    }

    fs::path dir_;
    fs::path args_;
};

TEST_F(EspeakSpeakerTest, TheTextIsOneArgumentAfterTheVoiceAndNoShellSeesIt) {
    EspeakSpeaker speaker(fakeEspeak());
    const std::string text = "Pilih bahasa; $(touch pwned) `id` \"kutip\"";
    speaker.say(text, ui::Language::Indonesian);
    EXPECT_EQ(recordedArgs(6), (std::vector<std::string>{"-v", "id", "-s", "140", "--", text}));
    EXPECT_FALSE(fs::exists("pwned"));
    speaker.say("Choose your language", ui::Language::English);
    const auto lines = recordedArgs(12);
    ASSERT_EQ(lines.size(), 12U);
    EXPECT_EQ(lines[7], "en");
}

TEST_F(EspeakSpeakerTest, SayReturnsWhileTheChildIsStillSpeaking) {
    EspeakSpeaker speaker(fakeEspeak());
    speaker.say("Selamat datang", ui::Language::Indonesian);
    const auto child = speaker.speaking();
    ASSERT_TRUE(child);
    EXPECT_EQ(::kill(*child, 0), 0);
}

TEST_F(EspeakSpeakerTest, ANewUtteranceEndsThePreviousOne) {
    EspeakSpeaker speaker(fakeEspeak());
    speaker.say("satu", ui::Language::Indonesian);
    const auto first = speaker.speaking();
    speaker.say("dua", ui::Language::Indonesian);
    const auto second = speaker.speaking();
    ASSERT_TRUE(first && second);
    EXPECT_NE(*first, *second);
    reapAll(speaker);
    EXPECT_EQ(speaker.unreaped(), 0U);  // the first child ended and was reaped
    EXPECT_NE(::kill(*first, 0), 0);
    EXPECT_EQ(::kill(*second, 0), 0);
}

TEST_F(EspeakSpeakerTest, StopEndsTheChild) {
    EspeakSpeaker speaker(fakeEspeak());
    speaker.say("tiga", ui::Language::Indonesian);
    const auto child = speaker.speaking();
    ASSERT_TRUE(child);
    speaker.stop();
    EXPECT_FALSE(speaker.speaking());
    reapAll(speaker);
    EXPECT_EQ(speaker.unreaped(), 0U);
    EXPECT_NE(::kill(*child, 0), 0);
}

TEST_F(EspeakSpeakerTest, WithoutTheProgramTheKioskIsSilent) {
    EspeakSpeaker speaker({"/nonexistent/espeak-ng"});
    speaker.say("halo", ui::Language::Indonesian);
    EXPECT_FALSE(speaker.speaking());
    speaker.stop();
    EXPECT_EQ(speaker.unreaped(), 0U);
}

TEST(RecordingSpeaker, KeepsWhatItWasAsked) {
    RecordingSpeaker speaker;
    speaker.say("Pilih bahasa", ui::Language::Indonesian);
    speaker.stop();
    ASSERT_EQ(speaker.said().size(), 1U);
    EXPECT_EQ(speaker.said()[0], (RecordingSpeaker::Utterance{"Pilih bahasa", ui::Language::Indonesian}));
    EXPECT_EQ(speaker.stops(), 1);
}

}  // namespace
}  // namespace kiosk::app
