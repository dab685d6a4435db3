// The receipt QR's text: encoded from a claim and its signature, read back exactly, small and in
// the QR alphanumeric set, and every malformed text refused with its own code.

#include "kiosk/core/receipt_token.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

namespace kiosk::core {
namespace {

const std::string kHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

ReceiptClaim claim(const std::string& kiosk = "KIOSK-3578-01", std::int64_t record = 123) {
    return ReceiptClaim{*makeReceiptNumber(ReceiptKind::Registration, kiosk, record), kHash,
                        std::chrono::sys_seconds{std::chrono::seconds{1795237440}}};
}

ReceiptSignature pattern() {
    ReceiptSignature s{};
    for (std::size_t i = 0; i < s.size(); ++i) s[i] = static_cast<std::uint8_t>(i * 37 + 11);
    return s;
}

std::vector<std::string> fieldsOf(const std::string& token) {
    std::vector<std::string> out(1);
    for (const char c : token) {
        if (c == '.')
            out.emplace_back();
        else
            out.back().push_back(c);
    }
    return out;
}

std::string join(const std::vector<std::string>& fields) {
    std::string out;
    for (const auto& f : fields) out += (out.empty() ? "" : ".") + f;
    return out;
}

TEST(ReceiptToken, ReadsBackTheClaimAndSignatureItEncodes) {
    const auto text = encodeReceiptToken(claim(), pattern());
    const auto token = parseReceiptToken(text);
    ASSERT_TRUE(token) << token.error().code << ": " << token.error().detail;
    EXPECT_EQ(token->claim, claim());
    EXPECT_EQ(token->signature, pattern());
    EXPECT_TRUE(text.starts_with("LKR1." + claim().number.text() + "."));
}

TEST(ReceiptToken, IsShortAndInTheQrAlphanumericSet) {
    const auto usual = encodeReceiptToken(claim(), pattern());
    EXPECT_EQ(usual.size(), 211u);
    // The longest there can be: a 40-character kiosk id, an 18-digit record and the last second of 9999.
    auto worst = claim(std::string(40, 'K'), 999999999999999999);
    worst.issuedAt = std::chrono::sys_seconds{std::chrono::seconds{253402300799}};
    const auto longest = encodeReceiptToken(worst, pattern());
    EXPECT_EQ(longest.size(), 252u);  // within a version 9 QR at error correction M (259 alphanumerics)
    EXPECT_EQ(parseReceiptToken(longest)->claim, worst);
    for (const char c : longest)
        EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '.' || c == '-') << c;
}

TEST(ReceiptToken, SigningMessageIsSixLinesWithADomainTag) {
    EXPECT_EQ(receiptSigningMessage(claim()),
              "LOKET-RECEIPT-1\nregistration\n" + claim().number.text() + "\nKIOSK-3578-01\n" + kHash + "\n1795237440");
    auto checkIn = claim();
    checkIn.number.kind = ReceiptKind::ReturneeCheckIn;
    EXPECT_NE(receiptSigningMessage(checkIn), receiptSigningMessage(claim()));
}

TEST(ReceiptToken, ForgivesAScannersLineEndAndLowerCase) {
    auto text = encodeReceiptToken(claim(), pattern());
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto token = parseReceiptToken("  " + text + "\r\n");
    ASSERT_TRUE(token) << token.error().detail;
    EXPECT_EQ(token->claim, claim());
}

TEST(ReceiptToken, RefusesMalformedTextsWithPreciseCodes) {
    const auto good = fieldsOf(encodeReceiptToken(claim(), pattern()));
    ASSERT_EQ(good.size(), 5u);
    const auto with = [&](std::size_t i, std::string value) {
        auto f = good;
        f[i] = std::move(value);
        return join(f);
    };
    auto badCheck = good[1];
    badCheck.back() = badCheck.back() == '0' ? '1' : '0';
    const std::vector<std::pair<std::string, std::string>> cases{
        {"", "receipt_token.length"},
        {" \r\n", "receipt_token.length"},
        {std::string(301, 'A'), "receipt_token.length"},
        {"https://example.org/receipt", "receipt_token.version"},
        {with(0, "LKR2"), "receipt_token.version"},
        {join({good[0], good[1], good[2], good[3]}), "receipt_token.fields"},
        {join(good) + ".", "receipt_token.fields"},
        {with(1, badCheck), "receipt_token.number"},
        {with(1, "REG-KIOSK"), "receipt_token.number"},
        {with(2, good[2].substr(1)), "receipt_token.hash"},
        {with(2, "G" + good[2].substr(1)), "receipt_token.hash"},
        {with(3, ""), "receipt_token.time"},
        {with(3, "-5"), "receipt_token.time"},
        {with(3, "01795237440"), "receipt_token.time"},
        {with(3, "17952374X0"), "receipt_token.time"},
        {with(3, "999999999999"), "receipt_token.time"},
        {with(4, good[4].substr(1)), "receipt_token.signature"},
        {with(4, good[4] + "A"), "receipt_token.signature"},
        {with(4, "1" + good[4].substr(1)), "receipt_token.signature"},
        {with(4, good[4].substr(0, 102) + "B"), "receipt_token.signature"},  // unused bits set
    };
    for (const auto& [text, code] : cases) {
        const auto token = parseReceiptToken(text);
        ASSERT_FALSE(token) << text;
        EXPECT_EQ(token.error().code, code) << text << ": " << token.error().detail;
        EXPECT_FALSE(token.error().detail.empty());
    }
    EXPECT_TRUE(parseReceiptToken(with(1, badCheck)).error().detail.starts_with("receipt_number.check"));
}

TEST(ReceiptToken, ClaimsThatCannotBeEncodedAreRefused) {
    auto c = claim();
    EXPECT_TRUE(checkReceiptClaim(c));
    c.payloadSha256 = kHash.substr(1);
    EXPECT_EQ(checkReceiptClaim(c).error().code, "receipt_token.claim");
    c = claim();
    c.payloadSha256[0] = 'F';  // upper case is not the contract's form
    EXPECT_FALSE(checkReceiptClaim(c));
    c = claim();
    c.issuedAt = std::chrono::sys_seconds{std::chrono::seconds{-1}};
    EXPECT_FALSE(checkReceiptClaim(c));
    c = claim();
    c.number.kioskId = "bad id";
    EXPECT_FALSE(checkReceiptClaim(c));
}

TEST(ReceiptToken, Base32RoundTripsEveryLengthAndHasOneTextPerValue) {
    std::string bytes;
    for (int n = 0; n < 70; ++n) {
        const auto text = base32Encode(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        EXPECT_EQ(text.size(), (bytes.size() * 8 + 4) / 5);
        EXPECT_EQ(base32Decode(text), bytes) << n;
        bytes.push_back(static_cast<char>(n * 53 + 7));
    }
    EXPECT_EQ(base32Encode(reinterpret_cast<const std::uint8_t*>("foobar"), 6), "MZXW6YTBOI");  // RFC 4648 §10
    EXPECT_FALSE(base32Decode("MZXW6YTBOJ"));  // the last character's unused bit set
    EXPECT_FALSE(base32Decode("MZXW6YTBOI======"));
    EXPECT_FALSE(base32Decode("mzxw6ytboi"));
    EXPECT_FALSE(base32Decode("A"));  // 5 bits: no whole byte
}

}  // namespace
}  // namespace kiosk::core
