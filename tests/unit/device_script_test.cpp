#include "drivers/simulation/device_script.h"

#include <gtest/gtest.h>

#include <string>

#include "drivers/mrz/simulated_mrz_reader.h"
#include "drivers/scanner/simulated_code_scanner.h"
#include "kiosk/base/clock.h"

using namespace kiosk;
using namespace kiosk::drivers;
using namespace std::chrono_literals;
using namespace std::string_literals;

namespace {

TEST(DeviceScript, SplitsLinesDropsCommentsAndReadsDirectives) {
    auto lines = splitScript("# comment\r\n@wait  250ms \r\nCODE ONE \n\n   \n@ready");
    ASSERT_TRUE(lines) << lines.error().detail;
    ASSERT_EQ(lines->size(), 5u);
    EXPECT_EQ((*lines)[0].kind, ScriptLine::Kind::Directive);
    EXPECT_EQ((*lines)[0].name, "wait");
    EXPECT_EQ((*lines)[0].text, "250ms");
    EXPECT_EQ((*lines)[0].number, 2);
    EXPECT_EQ((*lines)[1].kind, ScriptLine::Kind::Text);
    EXPECT_EQ((*lines)[1].text, "CODE ONE ");
    EXPECT_EQ((*lines)[2].kind, ScriptLine::Kind::Blank);
    EXPECT_EQ((*lines)[4].name, "ready");
    EXPECT_EQ((*lines)[4].text, "");
}

TEST(DeviceScript, ReadsDurations) {
    EXPECT_EQ(*parseScriptDuration("250ms"), 250ms);
    EXPECT_EQ(*parseScriptDuration("2s"), 2000ms);
    EXPECT_EQ(*parseScriptDuration("0ms"), 0ms);
    for (const auto* bad : {"", "5", "1.5s", "-1s", "2 s", "3min", "ms"}) EXPECT_FALSE(parseScriptDuration(bad)) << bad;
}

TEST(DeviceScript, Unescapes) {
    EXPECT_EQ(*unescapeScriptText(R"(A\r\n\t\0\e\x1d\xFF\\B)"), "A\r\n\t\0\x1b\x1d\xff\\B"s);
    for (const auto* bad : {R"(\)", R"(\q)", R"(\x1)", R"(\xZZ)"}) EXPECT_FALSE(unescapeScriptText(bad)) << bad;
}

TEST(ScannerScript, ParsesCodesSymbologiesAndSteps) {
    auto script = parseScannerScript("@symbology QRCode\n@wait 2s\nLOKET-TEST-0001\n@symbology\n\\x23HASH\\r\n");
    ASSERT_TRUE(script) << script.error().detail;
    ASSERT_EQ(script->codes.size(), 2u);
    EXPECT_EQ(script->codes[0].symbology, "QRCode");
    EXPECT_EQ(script->codes[0].bytes, "LOKET-TEST-0001");
    EXPECT_EQ(script->codes[1].symbology, "");
    EXPECT_EQ(script->codes[1].bytes, "#HASH\r");
    ASSERT_EQ(script->steps.size(), 2u);
    EXPECT_EQ(script->steps[0].wait, 2000ms);
    EXPECT_EQ(script->steps[1].wait, 0ms);
}

TEST(ScannerScript, ReportsTheLineOfAMistake) {
    const auto expectError = [](const char* text, const std::string& inDetail) {
        auto script = parseScannerScript(text);
        ASSERT_FALSE(script) << text;
        EXPECT_NE(script.error().detail.find(inDetail), std::string::npos) << script.error().detail;
    };
    expectError("A\n@wait soon\n", "line 2");
    expectError("A\n\n@beep\n", "line 3: unknown directive @beep");
    expectError("BAD\\q\n", "line 1");
    expectError("@fail unplugged\nA\n", "line 2: a code while the scanner is failed");
    expectError("@fail\n", "line 1");
    expectError("# nothing\n", "no codes");
}

TEST(SimulatedCodeScanner, PlaysCodesAtTheirTimes) {
    FakeClock clock;
    auto script = parseScannerScript("@wait 1s\nFIRST\nSECOND\n@wait 500ms\nTHIRD\n");
    ASSERT_TRUE(script);
    SimulatedCodeScanner scanner(std::move(*script), clock, {});
    EXPECT_FALSE(scanner.next(0ms));
    clock.advance(999ms);
    EXPECT_FALSE(scanner.next(0ms));
    clock.advance(1ms);
    auto first = scanner.next(0ms);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->bytes, "FIRST");
    EXPECT_EQ(first->at, clock.now());
    EXPECT_EQ(scanner.next(0ms)->bytes, "SECOND");
    clock.advance(499ms);
    EXPECT_FALSE(scanner.next(0ms));
    clock.advance(1ms);
    EXPECT_EQ(scanner.next(0ms)->bytes, "THIRD");
    EXPECT_TRUE(scanner.finished());
    EXPECT_FALSE(scanner.next(0ms));
}

TEST(SimulatedCodeScanner, ReportsScriptedFailures) {
    FakeClock clock;
    auto script = parseScannerScript("A\n@wait 1s\n@fail scanner unplugged\n@wait 2s\n@ready\nB\n");
    ASSERT_TRUE(script);
    SimulatedCodeScanner scanner(std::move(*script), clock, {.loop = false, .required = true, .waker = nullptr});
    EXPECT_EQ(scanner.next(0ms)->bytes, "A");
    EXPECT_EQ(scanner.health().state, DeviceState::Ready);
    clock.advance(1s);
    EXPECT_FALSE(scanner.next(0ms));
    const auto failed = scanner.health();
    EXPECT_EQ(failed.state, DeviceState::Failed);
    EXPECT_EQ(failed.lastError, "scanner unplugged");
    EXPECT_TRUE(failed.required);
    EXPECT_EQ(failed.component, Component::CodeScanner);
    clock.advance(2s);
    EXPECT_EQ(scanner.next(0ms)->bytes, "B");
    EXPECT_EQ(scanner.health().state, DeviceState::Ready);
}

TEST(SimulatedCodeScanner, LoopsForDemos) {
    FakeClock clock;
    auto script = parseScannerScript("ONE\nTWO\n@wait 1s\n");
    ASSERT_TRUE(script);
    SimulatedCodeScanner scanner(std::move(*script), clock, {.loop = true, .required = false, .waker = nullptr});
    EXPECT_EQ(scanner.next(0ms)->bytes, "ONE");
    EXPECT_EQ(scanner.next(0ms)->bytes, "TWO");
    EXPECT_FALSE(scanner.next(0ms));
    clock.advance(1s);
    EXPECT_EQ(scanner.next(0ms)->bytes, "ONE");
    EXPECT_FALSE(scanner.finished());
}

TEST(SimulatedCodeScanner, WaitsForRealWithTheSystemClock) {
    SystemClock clock;
    auto script = parseScannerScript("@wait 30ms\nLATE\n");
    ASSERT_TRUE(script);
    SimulatedCodeScanner scanner(std::move(*script), clock, {});
    const auto code = scanner.next(5s);
    ASSERT_TRUE(code);
    EXPECT_EQ(code->bytes, "LATE");
}

TEST(SimulatedCodeScanner, LoadFailsOnAMissingFile) {
    FakeClock clock;
    auto scanner = SimulatedCodeScanner::load("/nonexistent/loket/scanner.txt", clock, {});
    ASSERT_FALSE(scanner);
    EXPECT_EQ(scanner.error().code, "script.read");
}

const char* const kMrzScript =
    "# generated documents\n"
    "@wait 1s\n"
    "P<IDNCONTOH<<SITI<AMINAH<<<<<<<<<<<<<<<<<<<<\n"
    "X0000001<7IDN9001014F3001012<<<<<<<<<<<<<<06\n"
    "\n"
    "  IDIDNX000003<5<<<<<<<<<<<<<<<<  \n"
    "9202029F3202028IDN<<<<<<<<<<<0\n"
    "CONTOH<<DEWI<<<<<<<<<<<<<<<<<<\n";

TEST(MrzScript, ParsesFramesSeparatedByBlankLines) {
    auto script = parseMrzScript(kMrzScript);
    ASSERT_TRUE(script) << script.error().detail;
    ASSERT_EQ(script->frames.size(), 2u);
    EXPECT_EQ(script->frames[0].size(), 2u);
    EXPECT_EQ(script->frames[1].size(), 3u);
    EXPECT_EQ(script->frames[1][0], "IDIDNX000003<5<<<<<<<<<<<<<<<<");
    EXPECT_EQ(script->steps[0].wait, 1000ms);
}

TEST(MrzScript, RefusesAFrameOfTheWrongShape) {
    auto script = parseMrzScript("@wait 1s\nP<IDNSHORT<<LINE\nX0000001<7IDN9001014F3001012<<<<<<<<<<<<<<06\n");
    ASSERT_FALSE(script);
    EXPECT_NE(script.error().detail.find("line 2"), std::string::npos) << script.error().detail;
    EXPECT_FALSE(parseMrzScript("@symbology QRCode\n"));
}

TEST(SimulatedMrzReader, PlaysFramesAtTheirTimes) {
    FakeClock clock;
    auto script = parseMrzScript(kMrzScript);
    ASSERT_TRUE(script);
    SimulatedMrzReader reader(std::move(*script), clock, {});
    EXPECT_FALSE(reader.next(0ms));
    clock.advance(1s);
    const auto first = reader.next(0ms);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->lines.size(), 2u);
    EXPECT_EQ(reader.next(0ms)->lines.size(), 3u);
    EXPECT_EQ(reader.health().component, Component::MrzReader);
    EXPECT_EQ(reader.health().state, DeviceState::Ready);
}

}  // namespace
