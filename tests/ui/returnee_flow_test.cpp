// The returnee's check-in as a state machine: only its own steps, in order; identified by NIK,
// passport or registration receipt (never by none); its dates checked; the complaint's words asked
// only after a complaint; no under-age stop; and the payload and the desks it leads to.

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kiosk/core/flow/visit_flow.h"
#include "tests/ui/flow_test_support.h"
#include "kiosk/core/mrz_correction.h"
#include "kiosk/core/receipt_token.h"
#include "tests/ui/sample_catalogue.h"

namespace kiosk::flow {
namespace {

using testing::find;
using testing::has;

using namespace std::chrono_literals;
using nlohmann::json;

constexpr Date kToday{std::chrono::year{2026} / 11 / 29};

FlowSettings settings() {
    FlowSettings s;
    s.agePolicy = *core::AgePolicy::make(18, {});
    s.catalogue = testing::sampleCatalogue();
    return s;
}

// A made-up passport of the person in this file.
std::vector<std::string> passport(std::string number, std::string birth, char sex, std::string expiry) {
    return testing::passport("CONTOH<<DEWI<LESTARI", std::move(number), std::move(birth), sex, std::move(expiry));
}

// A registration receipt's QR text, as another kiosk printed it (the signature is not checked here).
std::string receiptQr() {
    core::ReceiptClaim claim;
    claim.number = *core::makeReceiptNumber(core::ReceiptKind::Registration, "KIOSK-TEST-01", 42);
    claim.payloadSha256 = std::string(64, 'a');
    claim.issuedAt = std::chrono::sys_seconds{std::chrono::seconds{1790000000}};
    core::ReceiptSignature signature{};
    signature.fill(7);
    return core::encodeReceiptToken(claim, signature);
}

class Returnee {
public:
    Returnee() : state_(startState(settings())) {
        apply(Tick{now_, kToday});
        tap(StartTapped{});
        tap(NextTapped{});
        tap(ReturnTapped{});
    }
    Step tap(Action a) {
        now_ += 1s;
        return apply(Tap{state_.view, now_, a});
    }
    Step type(std::string text) {
        now_ += 1s;
        return apply(KeysTyped{now_, std::move(text)});
    }
    Step apply(const Event& e) {
        auto step = onEvent(state_, e);
        state_ = step.state;
        return step;
    }
    Step next() { return tap(NextTapped{}); }
    std::optional<RegStep> step() const {
        const auto* r = std::get_if<RegistrationScreen>(&state_.screen);
        return r ? std::optional<RegStep>(r->step) : std::nullopt;
    }
    bool at(RegStep s) const { return step() == s; }
    const FlowState& state() const { return state_; }
    Instant now() const { return now_; }

    // Answers every step as a woman home from Hong Kong with unpaid wages would, up to `stop`;
    // returns the steps shown on the way.
    std::vector<RegStep> fillUpTo(RegStep stop) {
        std::vector<RegStep> shown;
        for (int guard = 0; guard < 60; ++guard) {
            const auto s = step();
            if (!s || *s == stop) return shown;
            shown.push_back(*s);
            switch (*s) {
            case RegStep::Consent: tap(ConsentTapped{0}); break;
            case RegStep::ReturnNik: type("3329015508900007"); break;
            case RegStep::ReturnIdentify: apply(MrzScanned{now_, passport("Y7654321", "900815", 'F', "300101")}); break;
            case RegStep::ReturnName: type("Dewi Lestari"); break;
            case RegStep::ReturnPhone: type("085712345678"); break;
            case RegStep::ReturnChildren: tap(ChoiceTapped{1}); break;
            case RegStep::ReturnCountry: tap(ChoiceTapped{2}); break;  // Hong Kong
            case RegStep::ReturnCity: type("Kowloon"); break;
            case RegStep::ReturnEmployer: type("Keluarga Contoh"); break;
            case RegStep::ReturnAgency: type("PT Penempatan Uji Tiga"); break;
            case RegStep::ReturnPosition: type("Pengasuh Lansia"); break;
            case RegStep::ReturnContractStart: type("082022"); break;
            case RegStep::ReturnContractEnd: type("072026"); break;
            case RegStep::ReturnArrival: type("20112026"); break;
            case RegStep::ReturnReason: tap(ChoiceTapped{2}); break;  // let go early
            case RegStep::ReturnRights:
                tap(ChoiceTapped{0});  // unpaid wages
                tap(ChoiceTapped{2});  // documents held
                break;
            case RegStep::ReturnComplaint: tap(ChoiceTapped{1}); break;  // unpaid wages
            case RegStep::ReturnComplaintText: type("Gaji tiga bulan tidak dibayar"); break;
            case RegStep::ReturnNeeds: tap(ChoiceTapped{0}); break;  // a health check
            case RegStep::ReturnInterests:
                tap(ChoiceTapped{1});  // KUR credit
                tap(ChoiceTapped{3});  // a job at home
                break;
            default: tap(ChoiceTapped{0}); break;
            }
            next();
        }
        ADD_FAILURE() << "the check-in did not reach its step";
        return shown;
    }

private:
    FlowState state_;
    Instant now_ = Instant{} + 1h;
};

TEST(ReturneeFlow, ShowsOnlyItsOwnStepsInOrderAndSubmitsOnce) {
    Returnee r;
    const auto shown = r.fillUpTo(RegStep::Review);
    ASSERT_TRUE(r.at(RegStep::Review));
    std::vector<RegStep> expected{RegStep::Consent};
    for (const auto& spec : allSteps())
        if (spec.journey == Journey::Returnee) expected.push_back(spec.step);
    EXPECT_EQ(shown, expected);
    EXPECT_EQ(r.state().visit.form.journey, Journey::Returnee);
    const auto submit = r.tap(SubmitTapped{});
    EXPECT_TRUE(has<SaveRegistration>(submit));
    EXPECT_TRUE(std::holds_alternative<SavingScreen>(r.state().screen));
    // A second tap on the submit button is aimed at the review, no longer shown.
    EXPECT_FALSE(has<SaveRegistration>(r.tap(SubmitTapped{})));
}

TEST(ReturneeFlow, RegistrationNeverShowsAReturneeStep) {
    FlowState s = startState(settings());
    for (const auto& spec : allSteps()) {
        if (spec.journey == Journey::Returnee) {
            EXPECT_FALSE(applies(spec.step, s.visit.form)) << spec.name;
        }
    }
}

TEST(ReturneeFlow, NeedsANikOrADocumentButNotBoth) {
    Returnee r;
    r.fillUpTo(RegStep::ReturnNik);
    EXPECT_TRUE(canSkip(RegStep::ReturnNik, r.state().visit.form));
    r.tap(SkipTapped{});
    ASSERT_TRUE(r.at(RegStep::ReturnIdentify));
    // Without a NIK the scan can no longer be skipped, and "next" says what is missing.
    EXPECT_FALSE(canSkip(RegStep::ReturnIdentify, r.state().visit.form));
    r.tap(SkipTapped{});
    EXPECT_TRUE(r.at(RegStep::ReturnIdentify));
    r.next();
    EXPECT_TRUE(r.at(RegStep::ReturnIdentify));
    EXPECT_EQ(r.state().problem, "return-identify.none");
    // Back to type the NIK after all: then the scan may be skipped.
    r.tap(BackTapped{});
    ASSERT_TRUE(r.at(RegStep::ReturnNik));
    r.type("3329015508900007");
    r.next();
    ASSERT_TRUE(r.at(RegStep::ReturnIdentify));
    EXPECT_TRUE(canSkip(RegStep::ReturnIdentify, r.state().visit.form));
    r.tap(SkipTapped{});
    EXPECT_TRUE(r.at(RegStep::ReturnName));
}

TEST(ReturneeFlow, ARegistrationReceiptIdentifiesAndAnythingElseIsRefused) {
    Returnee r;
    r.fillUpTo(RegStep::ReturnNik);
    r.tap(SkipTapped{});
    const auto junk = r.apply(CodeScanned{r.now(), "https://example.invalid/not-a-receipt"});
    EXPECT_EQ(r.state().problem, "return-identify.unreadable");
    EXPECT_TRUE(has<Beep>(junk));
    EXPECT_TRUE(r.state().visit.form.receiptCode.empty());
    // The scanner's lower case and line end are forgiven; the receipt is kept as it was printed.
    std::string scanned = receiptQr();
    std::transform(scanned.begin(), scanned.end(), scanned.begin(),
                   [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    r.apply(CodeScanned{r.now(), scanned + "\r\n"});
    EXPECT_TRUE(r.state().problem.empty());
    EXPECT_EQ(r.state().visit.form.receiptCode.view(), receiptQr());
    r.next();
    EXPECT_TRUE(r.at(RegStep::ReturnName));
}

TEST(ReturneeFlow, APassportReplacesAReceiptAndAWrongMrzIsRefused) {
    Returnee r;
    r.fillUpTo(RegStep::ReturnIdentify);
    r.apply(CodeScanned{r.now(), receiptQr()});
    auto lines = passport("Y7654321", "900815", 'F', "300101");
    auto broken = lines;
    broken[1][9] = broken[1][9] == '0' ? '1' : '0';  // the number's check digit
    r.apply(MrzScanned{r.now(), broken});
    EXPECT_EQ(r.state().problem, "return-identify.unreadable");
    EXPECT_FALSE(r.state().visit.form.receiptCode.empty());
    r.apply(MrzScanned{r.now(), lines});
    EXPECT_TRUE(r.state().problem.empty());
    EXPECT_TRUE(r.state().visit.form.receiptCode.empty());
    EXPECT_FALSE(r.state().visit.form.passportMrz.empty());
}

TEST(ReturneeFlow, DatesMustBeRealAndInOrder) {
    Returnee r;
    r.fillUpTo(RegStep::ReturnContractStart);
    r.type("132022");
    r.next();
    EXPECT_EQ(r.state().problem, "return-contract-start.invalid");
    for (int i = 0; i < 6; ++i) r.tap(DeleteTapped{});
    r.type("122027");  // not yet come
    r.next();
    EXPECT_EQ(r.state().problem, "return-contract-start.invalid");
    for (int i = 0; i < 6; ++i) r.tap(DeleteTapped{});
    r.type("082022");
    r.next();
    ASSERT_TRUE(r.at(RegStep::ReturnContractEnd));
    r.type("072022");
    r.next();
    EXPECT_EQ(r.state().problem, "return-contract-end.before_start");
    for (int i = 0; i < 6; ++i) r.tap(DeleteTapped{});
    r.type("072026");
    r.next();
    ASSERT_TRUE(r.at(RegStep::ReturnArrival));
    r.type("31022026");  // no such day
    r.next();
    EXPECT_EQ(r.state().problem, "return-arrival.invalid");
    for (int i = 0; i < 8; ++i) r.tap(DeleteTapped{});
    r.type("30112026");  // tomorrow
    r.next();
    EXPECT_EQ(r.state().problem, "return-arrival.invalid");
    for (int i = 0; i < 8; ++i) r.tap(DeleteTapped{});
    r.type("01072022");  // before the contract began
    r.next();
    EXPECT_EQ(r.state().problem, "return-arrival.before_contract");
    for (int i = 0; i < 8; ++i) r.tap(DeleteTapped{});
    r.type("29112026");
    r.next();
    EXPECT_TRUE(r.at(RegStep::ReturnPort));
}

TEST(ReturneeFlow, TheComplaintsWordsAreAskedOnlyAfterAComplaint) {
    Returnee r;
    r.fillUpTo(RegStep::ReturnComplaint);
    r.tap(ChoiceTapped{0});  // no complaint
    r.next();
    EXPECT_TRUE(r.at(RegStep::ReturnNeeds));
    EXPECT_FALSE(hasComplaint(r.state().visit.form));
    r.tap(BackTapped{});
    ASSERT_TRUE(r.at(RegStep::ReturnComplaint));
    r.tap(ChoiceTapped{6});  // deceived or forced to work
    r.next();
    ASSERT_TRUE(r.at(RegStep::ReturnComplaintText));
    r.type("Tipu");
    r.next();
    EXPECT_EQ(r.state().problem, "return-complaint-text.incomplete");
    r.type(" kerja");
    r.next();
    EXPECT_TRUE(r.at(RegStep::ReturnNeeds));
    EXPECT_TRUE(hasComplaint(r.state().visit.form));
}

TEST(ReturneeFlow, AYoungReturneeIsHelpedNotStopped) {
    // Born in 2010: sixteen. A child who was sent abroad needs help, so the check-in goes on.
    Returnee r;
    r.fillUpTo(RegStep::ReturnNik);
    r.type("3329015508100007");
    const auto step = r.next();
    EXPECT_TRUE(r.at(RegStep::ReturnIdentify));
    EXPECT_FALSE(has<RecordUnderAge>(step));
    EXPECT_FALSE(has<LookUpNik>(step));
}

TEST(ReturneeFlow, ThePayloadHoldsEveryAnswerAndTheDesks) {
    Returnee r;
    r.fillUpTo(RegStep::Review);
    const auto& form = r.state().visit.form;
    PayloadExtras extras{"", std::string(64, 'c'), "2026-11-29T05:04:00Z", "KIOSK-TEST-01", "LTSA-TEST"};
    const auto payload = json::parse(returneePayload(form, r.state().settings.catalogue, kToday, extras));
    EXPECT_EQ(payload["kind"], "returnee_checkin");
    EXPECT_EQ(payload["schema"], 1);
    EXPECT_EQ(payload["consent"]["purposes"], json::array({"checkin"}));
    EXPECT_EQ(payload["identity"]["nik"], "3329015508900007");
    EXPECT_EQ(payload["identity"]["passport"]["number"], "Y7654321");
    EXPECT_EQ(payload["identity"]["passport"]["given_names"], "DEWI LESTARI");
    EXPECT_TRUE(payload["identity"]["registration_receipt"].is_null());
    EXPECT_EQ(payload["personal"],
              json::parse(R"({"name":"DEWI LESTARI","regency_code":")" +
                          chosenCode(ChoiceField::HomeRegion, form, r.state().settings.catalogue) +
                          R"(","phone":"085712345678","children_left_behind":"one"})"));
    EXPECT_EQ(payload["work"], json::parse(R"({"country":"HK","city":"KOWLOON","employer":"KELUARGA CONTOH",
        "agency":"PT PENEMPATAN UJI TIGA","position":"PENGASUH LANSIA","contract_start":"2022-08",
        "contract_end":"2026-07"})"));
    EXPECT_EQ(payload["return"], json::parse(R"({"arrival_date":"2026-11-20","port":"cgk","reason":"early_termination"})"));
    EXPECT_EQ(payload["rights_issues"], json::parse(R"(["unpaid_wages","documents_held"])"));
    EXPECT_EQ(payload["complaint"],
              json::parse(R"({"category":"unpaid_wages","text":"GAJI TIGA BULAN TIDAK DIBAYAR","priority":true})"));
    EXPECT_EQ(payload["needs"], json::parse(R"(["health_check"])"));
    EXPECT_EQ(payload["interests"], json::parse(R"(["kur_credit","domestic_job"])"));
    EXPECT_EQ(payload["desks"],
              json::parse(R"(["complaints_information","immigration","health","banking","employment"])"));
    EXPECT_FALSE(payload.contains("placement"));
    EXPECT_FALSE(payload.contains("photo_jpeg_base64"));
}

TEST(ReturneeFlow, DesksFollowTheAnswers) {
    RegistrationForm form;
    form.journey = Journey::Returnee;
    // Nothing went wrong and nothing asked for: the employment desk, for what comes next.
    EXPECT_EQ(returneeDesks(form), std::vector<core::Desk>{core::Desk::Employment});
    // A trafficking complaint goes to the complaints desk and the police.
    form.choices[static_cast<std::size_t>(ChoiceField::Complaint)] = 6;
    EXPECT_EQ(returneeDesks(form),
              (std::vector<core::Desk>{core::Desk::ComplaintsInformation, core::Desk::Police}));
    // An insurance claim adds social security.
    form.choices[static_cast<std::size_t>(ChoiceField::Complaint)] = 0;
    form.ticked(ChipField::Rights).set(6);
    EXPECT_EQ(returneeDesks(form),
              (std::vector<core::Desk>{core::Desk::ComplaintsInformation, core::Desk::SocialSecurity}));
}

}  // namespace
}  // namespace kiosk::flow
