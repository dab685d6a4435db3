#include "drivers/printer/escpos_status.h"

#include <gtest/gtest.h>

using namespace kiosk::drivers;

namespace {

struct Case {
    const char* name;
    EscPosStatusBytes bytes;
    PrinterStatus status;
};

class StatusBytes : public testing::TestWithParam<Case> {};

TEST_P(StatusBytes, ParseToOneStatus) { EXPECT_EQ(parseEscPosStatus(GetParam().bytes), GetParam().status); }

// 0x12 is "nothing to report" in every reply (bits 1 and 4 are always set).
INSTANTIATE_TEST_SUITE_P(
    EscPos, StatusBytes,
    testing::Values(Case{"ready", {0x12, 0x12, 0x12}, PrinterStatus::Ready},
                    Case{"ready_drawer_pin_high", {0x16, 0x12, 0x12}, PrinterStatus::Ready},
                    Case{"paper_low", {0x12, 0x12, 0x1E}, PrinterStatus::PaperLow},
                    Case{"paper_low_one_bit", {0x12, 0x12, 0x16}, PrinterStatus::PaperLow},
                    Case{"paper_out", {0x1A, 0x32, 0x7E}, PrinterStatus::PaperOut},
                    Case{"paper_out_sensor_only", {0x12, 0x12, 0x72}, PrinterStatus::PaperOut},
                    Case{"paper_out_cause_only", {0x1A, 0x32, std::nullopt}, PrinterStatus::PaperOut},
                    Case{"cover_open", {0x1A, 0x16, 0x12}, PrinterStatus::CoverOpen},
                    Case{"cover_open_and_paper_out", {0x1A, 0x36, 0x7E}, PrinterStatus::CoverOpen},
                    Case{"offline_bit", {0x1A, 0x12, 0x12}, PrinterStatus::Offline},
                    Case{"error", {0x1A, 0x52, 0x12}, PrinterStatus::Offline},
                    Case{"no_answer", {std::nullopt, std::nullopt, std::nullopt}, PrinterStatus::Offline},
                    Case{"not_a_status_byte", {0x41, 0x12, 0x12}, PrinterStatus::Offline},
                    Case{"garbled_sensor_ignored", {0x12, 0x12, 0xFF}, PrinterStatus::Ready}),
    [](const auto& test) { return std::string(test.param.name); });

TEST(EscPosStatus, RequestsAreDleEot) {
    EXPECT_EQ(kAskPrinterStatus, std::string_view("\x10\x04\x01", 3));
    EXPECT_EQ(kAskOfflineCause, std::string_view("\x10\x04\x02", 3));
    EXPECT_EQ(kAskPaperSensor, std::string_view("\x10\x04\x04", 3));
}

TEST(EscPosStatus, KnowsAReplyByItsFixedBits) {
    EXPECT_TRUE(isStatusReply(0x12));
    EXPECT_TRUE(isStatusReply(0x7E));
    EXPECT_FALSE(isStatusReply(0x00));
    EXPECT_FALSE(isStatusReply(0x13));
    EXPECT_FALSE(isStatusReply(0x92));
}

}  // namespace
