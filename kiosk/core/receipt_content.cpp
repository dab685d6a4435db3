#include "kiosk/core/receipt_content.h"

#include <algorithm>
#include <cstdio>

namespace kiosk::core {

namespace {

constexpr std::array kAllDesks{Desk::Employment, Desk::ComplaintsInformation, Desk::PopulationRegistry,
                               Desk::Health,     Desk::Immigration,           Desk::Police,
                               Desk::Banking,    Desk::SocialSecurity};

// The names of documents, desks and consent purposes are the ones the registration screens show
// (kiosk/ui/journey_texts.h), so the paper says exactly what the person saw.
std::string documentKey(DocumentKind kind) { return "document." + std::string(documentCode(kind)); }
std::string deskKey(Desk desk) { return "desk." + std::string(deskCode(desk)); }
std::string purposeKey(std::string_view purpose) { return "reg.consent." + std::string(purpose); }

bool isKnownPurpose(std::string_view purpose) {
    return std::find(kConsentPurposes.begin(), kConsentPurposes.end(), purpose) != kConsentPurposes.end();
}

class Lines {
public:
    Lines& text(ReceiptStyle style, std::string key, std::vector<ReceiptValue> values = {}) {
        lines_.push_back(ReceiptLine{style, std::move(key), std::move(values), {}});
        return *this;
    }
    Lines& literal(ReceiptStyle style, std::string literal) {
        lines_.push_back(ReceiptLine{style, {}, {}, std::move(literal)});
        return *this;
    }
    Lines& gap() {
        lines_.push_back(ReceiptLine{ReceiptStyle::Gap, {}, {}, {}});
        return *this;
    }
    std::vector<ReceiptLine> take() { return std::move(lines_); }

private:
    std::vector<ReceiptLine> lines_;
};

void addDocuments(Lines& out, const ReceiptFacts& facts) {
    if (facts.missingDocuments.empty()) {
        out.text(ReceiptStyle::Body, "receipt.documents_complete").gap();
        return;
    }
    out.text(ReceiptStyle::Heading, "receipt.missing_heading");
    for (const auto kind : facts.missingDocuments)
        out.text(ReceiptStyle::Bullet, "receipt.missing_item",
                 {{"item", std::to_string(articleItem(kind)), false}, {"document", documentKey(kind), true}});
    // The one document no desk gives: it comes from home.
    if (std::find(facts.missingDocuments.begin(), facts.missingDocuments.end(), DocumentKind::FamilyPermission) !=
        facts.missingDocuments.end())
        out.text(ReceiptStyle::Body, "receipt.family_permission_note");
    out.gap();
}

void addDesks(Lines& out, const ReceiptFacts& facts) {
    if (facts.desks.empty()) return;
    out.text(ReceiptStyle::Heading, "receipt.desks_heading");
    for (const auto& visit : facts.desks) {
        if (visit.counter.empty())
            out.text(ReceiptStyle::Bullet, deskKey(visit.desk));
        else
            out.text(ReceiptStyle::Bullet, "receipt.desk_with_counter",
                     {{"desk", deskKey(visit.desk), true}, {"counter", visit.counter, false}});
    }
    out.gap();
}

void addConsent(Lines& out, const ReceiptFacts& facts) {
    if (facts.consentPurposes.empty()) return;
    out.text(ReceiptStyle::Heading, "receipt.consent_heading");
    for (const auto& purpose : facts.consentPurposes) {
        if (isKnownPurpose(purpose))
            out.text(ReceiptStyle::Bullet, purposeKey(purpose));
        else
            out.text(ReceiptStyle::Bullet, "receipt.consent_other", {{"purpose", purpose, false}});
    }
    if (!facts.consentVersion.empty())
        out.text(ReceiptStyle::Body, "receipt.consent_version", {{"version", facts.consentVersion, false}});
    out.text(ReceiptStyle::Body, "receipt.consent_withdraw").gap();
}

}  // namespace

bool hotlineIsPlaceholder(const ReceiptSettings& settings) {
    return settings.hotline.empty() || settings.hotline == kHotlinePlaceholder;
}

std::string formatReceiptTime(std::chrono::sys_seconds at, const ReceiptSettings& settings) {
    using namespace std::chrono;
    const auto local = at + settings.utcOffset;
    const auto day = floor<days>(local);
    const year_month_day date{day};
    const hh_mm_ss clock{local - day};
    char text[32];
    std::snprintf(text, sizeof text, "%02u-%02u-%04d %02d:%02d", static_cast<unsigned>(date.day()),
                  static_cast<unsigned>(date.month()), static_cast<int>(date.year()),
                  static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()));
    return std::string(text) + (settings.zoneName.empty() ? "" : " " + settings.zoneName);
}

ReceiptContent receiptContent(const ReceiptFacts& facts, const ReceiptSettings& settings) {
    const bool registration = facts.kind == ReceiptKind::Registration;
    Lines out;
    out.text(ReceiptStyle::Title, registration ? "receipt.title.registration" : "receipt.title.checkin")
        .text(ReceiptStyle::Centred, "receipt.agency")
        .gap()
        .text(ReceiptStyle::Centred,
              registration ? "receipt.number_label.registration" : "receipt.number_label.checkin")
        .literal(ReceiptStyle::Number, facts.number)
        .text(ReceiptStyle::Centred, "receipt.issued_at",
              {{"time", formatReceiptTime(facts.issuedAt, settings), false}})
        .literal(ReceiptStyle::Code, facts.token)
        .text(ReceiptStyle::Centred, "receipt.qr_caption")
        .gap();
    if (registration) addDocuments(out, facts);
    addDesks(out, facts);
    if (!registration && facts.complaintFiled) out.text(ReceiptStyle::Body, "receipt.complaint_priority").gap();
    addConsent(out, facts);
    out.text(ReceiptStyle::Warning, "receipt.no_broker_title")
        .text(ReceiptStyle::Body, "receipt.no_broker_body")
        .text(ReceiptStyle::Heading, "receipt.hotline", {{"hotline", settings.hotline, false}})
        .gap()
        .text(ReceiptStyle::Centred, "receipt.keep");
    return ReceiptContent{facts.language, out.take()};
}

const std::vector<std::string>& receiptTextKeys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k{"receipt.title.registration",
                                   "receipt.title.checkin",
                                   "receipt.agency",
                                   "receipt.number_label.registration",
                                   "receipt.number_label.checkin",
                                   "receipt.issued_at",
                                   "receipt.qr_caption",
                                   "receipt.documents_complete",
                                   "receipt.missing_heading",
                                   "receipt.missing_item",
                                   "receipt.family_permission_note",
                                   "receipt.desks_heading",
                                   "receipt.desk_with_counter",
                                   "receipt.complaint_priority",
                                   "receipt.consent_heading",
                                   "receipt.consent_other",
                                   "receipt.consent_version",
                                   "receipt.consent_withdraw",
                                   "receipt.no_broker_title",
                                   "receipt.no_broker_body",
                                   "receipt.hotline",
                                   "receipt.keep"};
        for (const auto kind : kAllDocuments) k.push_back(documentKey(kind));
        for (const auto desk : kAllDesks) k.push_back(deskKey(desk));
        for (const auto purpose : kConsentPurposes) k.push_back(purposeKey(purpose));
        return k;
    }();
    return keys;
}

}  // namespace kiosk::core
