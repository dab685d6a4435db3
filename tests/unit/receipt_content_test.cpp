// What a receipt says: the lines for a registration and a check-in, every key they use registered
// and translated in both catalogues, and the printed document built from them.

#include "kiosk/core/receipt_content.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "kiosk/receipt/receipt_printout.h"
#include "kiosk/receipt/receipt_texts.h"

namespace kiosk::core {
namespace {

const std::filesystem::path kSource = LOKET_SOURCE_DIR;

nlohmann::json catalogue(const std::string& language) {
    std::ifstream in(kSource / "assets/i18n" / (language + ".json"));
    return nlohmann::json::parse(in);
}

ReceiptFacts registration() {
    ReceiptFacts f;
    f.kind = ReceiptKind::Registration;
    f.number = "REG-KIOSK-3578-01-000123-X";
    f.token = "LKR1.TEST";
    f.issuedAt = std::chrono::sys_seconds{std::chrono::seconds{1795331040}};  // 2026-11-22T07:04:00Z
    f.missingDocuments = {DocumentKind::FamilyPermission, DocumentKind::Competence, DocumentKind::WorkVisa};
    f.desks = {{Desk::Employment, "3"}, {Desk::Health, ""}};
    f.consentPurposes = {"registration", "training", "newsletter"};
    f.consentVersion = "2026-01-id";
    return f;
}

ReceiptFacts checkIn() {
    ReceiptFacts f;
    f.kind = ReceiptKind::ReturneeCheckIn;
    f.number = "KPL-KIOSK-3578-01-000045-Y";
    f.token = "LKR1.TEST2";
    f.issuedAt = std::chrono::sys_seconds{std::chrono::seconds{1795331040}};
    f.desks = {{Desk::ComplaintsInformation, ""}, {Desk::Banking, ""}};
    f.complaintFiled = true;
    f.consentPurposes = {"registration"};
    f.language = "en";
    return f;
}

std::vector<std::string> keysOf(const ReceiptContent& c) {
    std::vector<std::string> keys;
    for (const auto& line : c.lines) {
        if (!line.key.empty()) keys.push_back(line.key);
        for (const auto& v : line.values)
            if (v.isKey) keys.push_back(v.text);
    }
    return keys;
}

bool has(const std::vector<std::string>& keys, const std::string& key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

const ReceiptLine* lineWith(const ReceiptContent& c, const std::string& key) {
    for (const auto& line : c.lines)
        if (line.key == key) return &line;
    return nullptr;
}

TEST(ReceiptContent, RegistrationSaysNumberQrMissingDocumentsDesksConsentHotlineAndBrokerWarning) {
    ReceiptSettings settings;
    settings.hotline = "0800-TEST-LINE";
    const auto c = receiptContent(registration(), settings);
    const auto keys = keysOf(c);
    EXPECT_EQ(c.lines.front().key, "receipt.title.registration");
    EXPECT_TRUE(std::any_of(c.lines.begin(), c.lines.end(), [](const auto& l) {
        return l.style == ReceiptStyle::Number && l.literal == "REG-KIOSK-3578-01-000123-X";
    }));
    EXPECT_TRUE(std::any_of(c.lines.begin(), c.lines.end(),
                            [](const auto& l) { return l.style == ReceiptStyle::Code && l.literal == "LKR1.TEST"; }));

    std::vector<std::string> items;
    for (const auto& line : c.lines)
        if (line.key == "receipt.missing_item") items.push_back(line.values[0].text + " " + line.values[1].text);
    EXPECT_EQ(items, (std::vector<std::string>{"2 document.family_permission", "3 document.competence",
                                               "6 document.work_visa"}));
    EXPECT_TRUE(has(keys, "receipt.family_permission_note"));
    EXPECT_FALSE(has(keys, "receipt.documents_complete"));

    const auto* counter = lineWith(c, "receipt.desk_with_counter");
    ASSERT_TRUE(counter);
    EXPECT_EQ(counter->values, (std::vector<ReceiptValue>{{"desk", "desk.employment", true}, {"counter", "3", false}}));
    EXPECT_TRUE(has(keys, "desk.health"));

    EXPECT_TRUE(has(keys, "reg.consent.registration"));
    EXPECT_TRUE(has(keys, "reg.consent.training"));
    const auto* other = lineWith(c, "receipt.consent_other");
    ASSERT_TRUE(other);
    EXPECT_EQ(other->values[0].text, "newsletter");
    EXPECT_EQ(lineWith(c, "receipt.consent_version")->values[0].text, "2026-01-id");

    EXPECT_EQ(lineWith(c, "receipt.hotline")->values[0].text, "0800-TEST-LINE");
    EXPECT_EQ(lineWith(c, "receipt.no_broker_title")->style, ReceiptStyle::Warning);
    EXPECT_TRUE(has(keys, "receipt.no_broker_body"));
    EXPECT_EQ(lineWith(c, "receipt.issued_at")->values[0].text, "22-11-2026 14:04 WIB");
}

TEST(ReceiptContent, AllDocumentsPresentSaysSo) {
    auto facts = registration();
    facts.missingDocuments.clear();
    const auto keys = keysOf(receiptContent(facts, {}));
    EXPECT_TRUE(has(keys, "receipt.documents_complete"));
    EXPECT_FALSE(has(keys, "receipt.missing_heading"));
    EXPECT_FALSE(has(keys, "receipt.family_permission_note"));
}

TEST(ReceiptContent, CheckInHasItsTitleDesksAndComplaintButNoDocumentList) {
    const auto c = receiptContent(checkIn(), {});
    const auto keys = keysOf(c);
    EXPECT_EQ(c.language, "en");
    EXPECT_EQ(c.lines.front().key, "receipt.title.checkin");
    EXPECT_TRUE(has(keys, "receipt.number_label.checkin"));
    EXPECT_FALSE(has(keys, "receipt.missing_heading"));
    EXPECT_FALSE(has(keys, "receipt.documents_complete"));
    EXPECT_TRUE(has(keys, "desk.complaints_information"));
    EXPECT_TRUE(has(keys, "receipt.complaint_priority"));
    EXPECT_TRUE(has(keys, "receipt.no_broker_title"));
    auto quiet = checkIn();
    quiet.complaintFiled = false;
    EXPECT_FALSE(has(keysOf(receiptContent(quiet, {})), "receipt.complaint_priority"));
}

TEST(ReceiptContent, TheHotlineIsAMarkedPlaceholderUntilTheSiteSetsIt) {
    const ReceiptSettings unset;
    EXPECT_TRUE(hotlineIsPlaceholder(unset));
    EXPECT_EQ(lineWith(receiptContent(registration(), unset), "receipt.hotline")->values[0].text, kHotlinePlaceholder);
    ReceiptSettings set;
    set.hotline = "0800-TEST-LINE";
    EXPECT_FALSE(hotlineIsPlaceholder(set));
}

TEST(ReceiptContent, TimeIsLocalToTheSite) {
    const std::chrono::sys_seconds lateUtc{std::chrono::seconds{1795307400}};  // 2026-11-22T00:30:00Z
    ReceiptSettings wit;
    wit.utcOffset = std::chrono::hours{9};
    wit.zoneName = "WIT";
    EXPECT_EQ(formatReceiptTime(lateUtc, {}), "22-11-2026 07:30 WIB");
    EXPECT_EQ(formatReceiptTime(lateUtc - std::chrono::hours{8}, wit), "22-11-2026 01:30 WIT");
    EXPECT_EQ(formatReceiptTime(lateUtc - std::chrono::hours{8}, {}), "21-11-2026 23:30 WIB");
}

TEST(ReceiptContent, EveryKeyUsedIsListedAndTheListIsRegisteredAndTranslated) {
    const auto& listed = receiptTextKeys();
    const std::set<std::string> listedSet(listed.begin(), listed.end());
    EXPECT_EQ(listedSet.size(), listed.size()) << "a key is listed twice";
    for (const auto& facts : {registration(), checkIn()})
        for (const auto& key : keysOf(receiptContent(facts, {}))) EXPECT_TRUE(listedSet.contains(key)) << key;

    std::set<std::string> registered;
    for (const auto text : receipt::kReceiptTexts) registered.insert(std::string(ui::textKey(text)));
    std::set<std::string> own;
    for (const auto& key : listed)
        if (key.starts_with("receipt.")) own.insert(key);
    EXPECT_EQ(registered, own) << "kiosk/receipt/receipt_texts.h and receiptTextKeys() differ";
    EXPECT_EQ(listed.size() - own.size(), 8u + 8u + kConsentPurposes.size()) << "documents, desks, purposes";

    for (const char* language : {"id", "en"}) {
        const auto texts = catalogue(language);
        for (const auto& key : listed) {
            ASSERT_TRUE(texts.contains(key)) << language << ".json misses " << key;
            EXPECT_FALSE(texts[key].get<std::string>().empty()) << key;
        }
    }
}

// The lookup a screen or the printer passes: the catalogue's text, or "[key]" as Catalog shows a
// missing one.
receipt::TextLookup lookupIn(const nlohmann::json& texts) {
    return [texts](std::string_view key) {
        const auto it = texts.find(std::string(key));
        return it == texts.end() ? "[" + std::string(key) + "]" : it->get<std::string>();
    };
}

TEST(ReceiptPrintout, EveryLineBecomesTextInTheVisitorsLanguage) {
    ReceiptSettings settings;
    settings.hotline = "0800-TEST-LINE";
    const auto lines = receipt::receiptText(receiptContent(registration(), settings), lookupIn(catalogue("id")));
    std::string all;
    for (const auto& l : lines) all += l.text + "\n";
    EXPECT_EQ(all.find('['), std::string::npos) << all;
    EXPECT_EQ(all.find('{'), std::string::npos) << all;
    EXPECT_NE(all.find("TANDA TERIMA PENDAFTARAN"), std::string::npos);
    EXPECT_NE(all.find("- 3. Sertifikat kompetensi"), std::string::npos) << all;
    EXPECT_NE(all.find("- meja Penempatan (loket 3)"), std::string::npos) << all;
    EXPECT_NE(all.find("0800-TEST-LINE"), std::string::npos);
    EXPECT_NE(all.find("CALO"), std::string::npos);

    const auto english = receipt::receiptText(receiptContent(checkIn(), settings), lookupIn(catalogue("en")));
    EXPECT_EQ(english.front().text, "RETURN CHECK-IN RECEIPT");
}

TEST(ReceiptPrintout, ThePaperHasTitleNumberQrAndEndsWithACut) {
    const auto paper = receipt::receiptDocument(receiptContent(registration(), {}), lookupIn(catalogue("id")));
    ASSERT_FALSE(paper.elements.empty());
    const auto* title = std::get_if<drivers::TextLine>(&paper.elements.front());
    ASSERT_TRUE(title);
    EXPECT_EQ(title->size, drivers::TextSize::Double);
    EXPECT_TRUE(title->bold);
    EXPECT_TRUE(std::holds_alternative<drivers::Cut>(paper.elements.back()));
    int codes = 0;
    bool number = false;
    for (const auto& e : paper.elements) {
        if (const auto* qr = std::get_if<drivers::QrCode>(&e)) {
            ++codes;
            EXPECT_EQ(qr->payload, "LKR1.TEST");
        }
        if (const auto* t = std::get_if<drivers::TextLine>(&e); t && t->text == "REG-KIOSK-3578-01-000123-X")
            number = t->size == drivers::TextSize::Double;
    }
    EXPECT_EQ(codes, 1);
    EXPECT_TRUE(number);
}

TEST(ReceiptPrintout, PlaceholdersAreFilledAndUnknownOnesLeftVisible) {
    EXPECT_EQ(receipt::fillPlaceholders("{a} dan {b}", {{"a", "1"}, {"b", "2"}}), "1 dan 2");
    EXPECT_EQ(receipt::fillPlaceholders("{a} {c}", {{"a", "1"}}), "1 {c}");
    EXPECT_EQ(receipt::fillPlaceholders("no { close", {}), "no { close");
    EXPECT_EQ(receipt::fillPlaceholders("", {}), "");
}

}  // namespace
}  // namespace kiosk::core
