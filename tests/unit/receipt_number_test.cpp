// Registration and check-in numbers: made from the kiosk id and the record id, read back as typed,
// and a mistyped number is caught by its check character.

#include "kiosk/core/receipt_number.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

namespace kiosk::core {
namespace {

ReceiptNumber number(ReceiptKind kind, const std::string& kiosk, std::int64_t record) {
    auto made = makeReceiptNumber(kind, kiosk, record);
    EXPECT_TRUE(made) << made.error().detail;
    return *made;
}

TEST(ReceiptNumber, PrintsKindKioskPaddedRecordAndCheck) {
    const auto text = number(ReceiptKind::Registration, "KIOSK-3578-01", 123).text();
    ASSERT_EQ(text.size(), 26u);
    EXPECT_EQ(text.substr(0, 24), "REG-KIOSK-3578-01-000123");
    EXPECT_EQ(text[24], '-');
    EXPECT_EQ(text[25], receiptCheckCharacter("REG-KIOSK-3578-01-000123"));
    // The examples of docs/api.md §11 and receipt_number.h pin the check algorithm.
    EXPECT_EQ(text, "REG-KIOSK-3578-01-000123-8");
    EXPECT_EQ(number(ReceiptKind::ReturneeCheckIn, "KIOSK-3578-01", 45).text(), "KPL-KIOSK-3578-01-000045-3");
    EXPECT_EQ(number(ReceiptKind::ReturneeCheckIn, "K-DEMO-01", 45).text().substr(0, 20), "KPL-K-DEMO-01-000045");
    EXPECT_EQ(number(ReceiptKind::Registration, "ABC", 12345678).text().substr(0, 16), "REG-ABC-12345678");
}

TEST(ReceiptNumber, ReadsBackWhatItPrints) {
    struct Case {
        ReceiptKind kind;
        std::string kiosk;
        std::int64_t record;
    };
    const std::vector<Case> cases{{ReceiptKind::Registration, "KIOSK-3578-01", 1},
                                  {ReceiptKind::Registration, "KIOSK-3578-01", 999999},
                                  {ReceiptKind::Registration, "BP3MI-SBY-AIRPORT-2", 1000000},
                                  {ReceiptKind::ReturneeCheckIn, "KIOSK-5306-01", 77},
                                  {ReceiptKind::ReturneeCheckIn, std::string(40, 'K'), 999999999999999999},
                                  {ReceiptKind::Registration, "X1Z", 42}};
    for (const auto& c : cases) {
        const auto n = number(c.kind, c.kiosk, c.record);
        const auto parsed = parseReceiptNumber(n.text());
        ASSERT_TRUE(parsed) << n.text() << ": " << parsed.error().code;
        EXPECT_EQ(*parsed, n);
    }
}

TEST(ReceiptNumber, ForgivesLowerCaseSpacesAndDroppedLeadingZeros) {
    const auto n = number(ReceiptKind::Registration, "KIOSK-3578-01", 123);
    std::string typed = n.text();
    for (auto& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto lower = parseReceiptNumber(" " + typed.substr(0, 9) + " " + typed.substr(9) + " ");
    ASSERT_TRUE(lower) << lower.error().detail;
    EXPECT_EQ(*lower, n);
    const auto shortened = parseReceiptNumber("REG-KIOSK-3578-01-123-" + n.text().substr(25));
    ASSERT_TRUE(shortened) << shortened.error().detail;
    EXPECT_EQ(*shortened, n);
}

TEST(ReceiptNumber, RefusesMalformedNumbersWithPreciseCodes) {
    const auto good = number(ReceiptKind::Registration, "KIOSK-3578-01", 123).text();
    const char wrongCheck = good.back() == '0' ? '1' : '0';
    const std::vector<std::pair<std::string, std::string>> cases{
        {"", "receipt_number.format"},
        {"REG", "receipt_number.format"},
        {"REG-000123-7", "receipt_number.format"},
        {"REG-KIOSK-3578-01-000123-", "receipt_number.format"},
        {"REG-KIOSK-3578-01-000123-77", "receipt_number.format"},
        {"REG-KIOSK-3578-01-00A123-7", "receipt_number.format"},
        {"REG-KIOSK-3578-01-0000000000000000001-7", "receipt_number.format"},
        {"ABC-KIOSK-3578-01-000123-7", "receipt_number.kind"},
        {"REG-KIOSK--01-000123-7", "receipt_number.kiosk_id"},
        {"REG-K_1-000123-7", "receipt_number.kiosk_id"},
        {"REG-KI-000123-7", "receipt_number.kiosk_id"},
        {"REG-KIOSK-3578-01-000000-0", "receipt_number.sequence"},
        {good.substr(0, good.size() - 1) + wrongCheck, "receipt_number.check"},
    };
    for (const auto& [text, code] : cases) {
        const auto parsed = parseReceiptNumber(text);
        ASSERT_FALSE(parsed) << text;
        EXPECT_EQ(parsed.error().code, code) << text << ": " << parsed.error().detail;
    }
}

TEST(ReceiptNumber, MakeRefusesKioskIdsANumberCannotCarryAndRecordZero) {
    for (const std::string& bad :
         std::vector<std::string>{"", "AB", "-KIOSK", "KIOSK-", "KI--OSK", "kiosk-1", "KIOSK 1", std::string(41, 'K')})
        EXPECT_EQ(makeReceiptNumber(ReceiptKind::Registration, bad, 1).error().code, "receipt_number.kiosk_id") << bad;
    EXPECT_EQ(makeReceiptNumber(ReceiptKind::Registration, "KIOSK-1", 0).error().code, "receipt_number.sequence");
    EXPECT_EQ(makeReceiptNumber(ReceiptKind::Registration, "KIOSK-1", -5).error().code, "receipt_number.sequence");
}

// Every number below, with any one letter or digit replaced by any other, or any two neighbouring
// letters or digits swapped, is refused: a typo never lands on another valid number.
TEST(ReceiptNumber, EverySingleTypoAndNeighbourSwapIsCaught) {
    const std::string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    std::vector<std::string> texts;
    for (const std::int64_t record : {1, 123, 4096, 98765, 500001})
        for (const auto* kiosk : {"KIOSK-3578-01", "KIOSK-5306-12", "AIRPORT-CGK-T3"})
            for (const auto kind : {ReceiptKind::Registration, ReceiptKind::ReturneeCheckIn})
                texts.push_back(number(kind, kiosk, record).text());
    int tried = 0;
    for (const auto& text : texts) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '-') continue;
            for (const char c : alphabet) {
                if (c == text[i]) continue;
                auto typo = text;
                typo[i] = c;
                ++tried;
                EXPECT_FALSE(parseReceiptNumber(typo)) << text << " -> " << typo;
            }
            if (i + 1 < text.size() && text[i + 1] != '-' && text[i + 1] != text[i]) {
                auto swapped = text;
                std::swap(swapped[i], swapped[i + 1]);
                ++tried;
                EXPECT_FALSE(parseReceiptNumber(swapped)) << text << " -> " << swapped;
            }
        }
    }
    EXPECT_GT(tried, 20000);
}

TEST(ReceiptNumber, KindCodesRoundTrip) {
    for (const auto kind : {ReceiptKind::Registration, ReceiptKind::ReturneeCheckIn})
        EXPECT_EQ(receiptKindFromCode(receiptKindCode(kind)), kind);
    EXPECT_EQ(receiptKindCode(ReceiptKind::ReturneeCheckIn), "returnee_checkin");
    EXPECT_FALSE(receiptKindFromCode("staff_decision"));
}

}  // namespace
}  // namespace kiosk::core
