// The registration journey as a state machine: every step in order with its validation, the
// under-age stops (at the NIK, the passport and the sector), the review with changes, submitting
// once, and what stays of the person afterwards (nothing on the kiosk's screen).

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "kiosk/core/flow/visit_flow.h"
#include "tests/ui/flow_test_support.h"
#include "kiosk/core/mrz_correction.h"
#include "tests/ui/sample_catalogue.h"

namespace kiosk::flow {
namespace {

using testing::find;
using testing::has;

using namespace std::chrono_literals;

constexpr Date kToday{std::chrono::year{2026} / 11 / 29};

FlowSettings settings() {
    FlowSettings s;
    s.agePolicy = *core::AgePolicy::make(18, {{"", "domestic_work", 21}});
    s.catalogue = testing::sampleCatalogue();
    return s;
}

// A made-up passport of the person in this file.
std::vector<std::string> passport(std::string number, std::string birth, char sex, std::string expiry) {
    return testing::passport("CONTOH<<SITI<AMINAH", std::move(number), std::move(birth), sex, std::move(expiry));
}

// A visitor in the registration journey, a second per tap; the app's answers are given by hand.
class Registrant {
public:
    Registrant() : state_(startState(settings())) {
        apply(Tick{now_, kToday});
        tap(StartTapped{});
        tap(NextTapped{});
        tap(RegisterTapped{});
    }
    Step tap(Action a, std::chrono::milliseconds after = 1s) {
        now_ += after;
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
    bool at(RegStep step) const {
        const auto* r = std::get_if<RegistrationScreen>(&state_.screen);
        return r && r->step == step;
    }
    const FlowState& state() const { return state_; }
    Instant now() const { return now_; }

    // Fills every step with a grown-up going to Hong Kong as a caregiver, up to `stop`.
    void fillUpTo(RegStep stop, const std::string& nik = "3578015506950001") {
        const auto answer = [&](RegStep step) {
            switch (step) {
            case RegStep::Consent: tap(ConsentTapped{0}); break;
            case RegStep::Nik: type(nik); break;
            case RegStep::Passport: apply(MrzScanned{now_, passport("X1234567", "950615", 'F', "310101")}); break;
            case RegStep::FamilyCard: tap(SkipTapped{}); return;
            case RegStep::Photo: apply(PhotoTaken{now_}); break;
            case RegStep::Name: type("Siti Aminah"); break;
            case RegStep::BirthPlace: type("Surabaya"); break;
            case RegStep::Address: type("Jalan Contoh 1"); break;
            case RegStep::RtRw: type("003005"); break;
            case RegStep::Phone: type("081234567890"); break;
            case RegStep::KinName: type("Budi"); break;
            case RegStep::KinPhone: type("081298765432"); break;
            case RegStep::Education: tap(ChoiceTapped{2}); break;
            case RegStep::School: type("SMA Contoh"); break;
            case RegStep::GraduationYear: type("2013"); break;
            case RegStep::Skills: tap(ChoiceTapped{1}); break;  // cert.caregiver
            case RegStep::Bpjs: tap(SkipTapped{}); return;
            case RegStep::Destination: tap(ChoiceTapped{2}); break;  // HK
            case RegStep::Sector: tap(ChoiceTapped{0}); break;       // domestic work
            case RegStep::Opening: tap(ChoiceTapped{0}); break;
            case RegStep::PromisedSalary: type("4990"); break;
            case RegStep::FeeAsked: type("0"); break;
            case RegStep::Documents: tap(DocumentTapped{0, core::DocumentState::Have}); break;
            case RegStep::Marital:
            case RegStep::HomeRegion:
            case RegStep::Experience:
            case RegStep::PreviousWork:
            case RegStep::Medical:
            case RegStep::Scheme: tap(ChoiceTapped{0}); break;
            default: break;
            }
            next();
        };
        for (int guard = 0; guard < 60; ++guard) {
            const auto* r = std::get_if<RegistrationScreen>(&state_.screen);
            if (!r || r->step == stop) return;
            answer(r->step);
        }
        FAIL() << "the journey did not reach its step";
    }

private:
    FlowState state_;
    Instant now_ = Instant{} + 1h;
};

TEST(Registration, EveryStepIsNamedAndTheTableIsInOrder) {
    const auto steps = allSteps();
    ASSERT_EQ(steps.size(), kRegSteps);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        EXPECT_EQ(static_cast<std::size_t>(steps[i].step), i);
        EXPECT_EQ(stepNamed(steps[i].name), steps[i].step);
        EXPECT_GE(steps[i].section, 1);
        EXPECT_LE(steps[i].section, kSections);
        EXPECT_EQ(steps[i].text.has_value(), steps[i].kind == StepKind::Digits || steps[i].kind == StepKind::Letters);
        EXPECT_EQ(steps[i].choice.has_value(), steps[i].kind == StepKind::Choice);
        EXPECT_EQ(steps[i].chips.has_value(), steps[i].kind == StepKind::Chips);
    }
    // Within each journey the sections only go forward, and the shared review is the last step.
    for (const auto journey : {Journey::Registration, Journey::Returnee}) {
        int section = 0;
        for (const auto& spec : steps) {
            if (spec.journey && *spec.journey != journey) continue;
            EXPECT_GE(spec.section, section) << spec.name;
            section = spec.section;
        }
    }
    EXPECT_EQ(steps.back().step, RegStep::Review);
    EXPECT_FALSE(steps.back().journey.has_value());
    EXPECT_FALSE(steps.front().journey.has_value());
}

TEST(Registration, ConsentIsNeededBeforeAnythingIsAsked) {
    Registrant r;
    ASSERT_TRUE(r.at(RegStep::Consent));
    r.next();
    EXPECT_TRUE(r.at(RegStep::Consent));
    EXPECT_EQ(r.state().problem, "consent.required");
    r.tap(ConsentTapped{2});  // an optional purpose alone is not enough
    r.next();
    EXPECT_TRUE(r.at(RegStep::Consent));
    r.tap(ConsentTapped{0});
    EXPECT_TRUE(r.state().problem.empty());
    r.next();
    EXPECT_TRUE(r.at(RegStep::Nik));
    EXPECT_TRUE(r.state().visit.form.consent.trainingReferral);
    EXPECT_FALSE(r.state().visit.form.consent.updates);
}

TEST(Registration, AWrongNikIsSaidAndKept) {
    Registrant r;
    r.fillUpTo(RegStep::Nik);
    r.type("3578011506950");
    r.next();
    EXPECT_EQ(r.state().problem, "nik.incomplete");
    r.type("000");  // serial 0000 is not a NIK
    r.next();
    EXPECT_TRUE(r.at(RegStep::Nik));
    EXPECT_EQ(r.state().problem, "nik.invalid");
    EXPECT_EQ(r.state().visit.form.text(TextField::Nik), "3578011506950000");
    r.tap(DeleteTapped{});
    EXPECT_TRUE(r.state().problem.empty());
}

TEST(Registration, AValidNikAsksTheStoreAboutADuplicateAndGoesOn) {
    Registrant r;
    r.fillUpTo(RegStep::Nik);
    r.type("3578015506950001");
    const auto step = r.next();
    EXPECT_TRUE(has<LookUpNik>(step));
    EXPECT_TRUE(r.at(RegStep::Passport));
    r.apply(NikLookedUp{r.now(), true});
    EXPECT_TRUE(r.state().visit.form.nikPendingHere);
}

TEST(Registration, AChildIsStoppedAtTheNikAndNothingOfThemStays) {
    Registrant r;
    r.tap(LanguageTapped{Language::English});
    r.fillUpTo(RegStep::Nik);
    r.type("3578011003120002");  // born 10 March 2012: 14 years old
    const auto step = r.next();
    ASSERT_TRUE(std::holds_alternative<UnderAgeScreen>(step.state.screen));
    EXPECT_EQ(std::get<UnderAgeScreen>(step.state.screen).minimumAge, 18);
    EXPECT_TRUE(has<Wipe>(step));
    ASSERT_TRUE(find<RecordUnderAge>(step));
    EXPECT_EQ(find<RecordUnderAge>(step)->minimumAge, 18);
    EXPECT_FALSE(has<LookUpNik>(step));
    EXPECT_EQ(step.state.visit.form, RegistrationForm{});
    EXPECT_EQ(step.state.visit.language, Language::English);  // the stop is said in their language
    const auto done = r.tap(DoneTapped{});
    EXPECT_TRUE(std::holds_alternative<AttractScreen>(done.state.screen));
}

TEST(Registration, APassportShowingAChildStopsTheJourney) {
    Registrant r;
    r.fillUpTo(RegStep::Passport);
    const auto step = r.apply(MrzScanned{r.now(), passport("X7654321", "120310", 'F', "310101")});
    EXPECT_TRUE(std::holds_alternative<UnderAgeScreen>(step.state.screen));
    EXPECT_TRUE(has<RecordUnderAge>(step));
    EXPECT_EQ(step.state.visit.form, RegistrationForm{});
}

TEST(Registration, ASectorWithAHigherMinimumAgeStopsANineteenYearOld) {
    Registrant r;
    r.fillUpTo(RegStep::Sector, "3578014501070003");  // born 5 January 2007: 19
    r.tap(ChoiceTapped{2});                             // factory work: 18 is enough
    r.next();
    EXPECT_TRUE(r.at(RegStep::Scheme));
    r.tap(BackTapped{});
    r.tap(ChoiceTapped{0});  // domestic work: 21 by configuration
    const auto step = r.next();
    ASSERT_TRUE(std::holds_alternative<UnderAgeScreen>(step.state.screen));
    EXPECT_EQ(std::get<UnderAgeScreen>(step.state.screen).minimumAge, 21);
    EXPECT_EQ(find<RecordUnderAge>(step)->minimumAge, 21);
}

TEST(Registration, AnUnreadablePassportIsSaidAndTheStepWaits) {
    Registrant r;
    r.fillUpTo(RegStep::Passport);
    auto lines = passport("X1234567", "950615", 'F', "310101");
    lines[1][12] = lines[1][12] == '1' ? '2' : '1';  // the number's check digit no longer matches
    const auto step = r.apply(MrzScanned{r.now(), lines});
    EXPECT_TRUE(r.at(RegStep::Passport));
    EXPECT_EQ(r.state().problem, "passport.unreadable");
    EXPECT_TRUE(has<Beep>(step));
    EXPECT_TRUE(r.state().visit.form.passportMrz.empty());
    r.next();
    EXPECT_EQ(r.state().problem, "passport.none");
    r.tap(SkipTapped{});  // no passport yet: the immigration desk will help
    EXPECT_TRUE(r.at(RegStep::FamilyCard));
}

TEST(Registration, TheSmkMajorIsAskedOnlyAfterSmk) {
    Registrant r;
    r.fillUpTo(RegStep::Education);
    r.tap(ChoiceTapped{3});  // SMK
    r.next();
    EXPECT_TRUE(r.at(RegStep::SmkMajor));
    r.tap(BackTapped{});
    r.tap(ChoiceTapped{2});  // SMA
    r.next();
    EXPECT_TRUE(r.at(RegStep::School));
}

TEST(Registration, TheOpeningsAreTheOfficialOnesForTheDestinationAndSector) {
    Registrant r;
    r.fillUpTo(RegStep::Opening);
    const auto list = optionsFor(ChoiceField::Opening, r.state().visit.form, r.state().settings.catalogue);
    ASSERT_EQ(list.codes.size(), 2U);
    EXPECT_EQ(list.codes[0], "JO-TEST-HK-0001");
    EXPECT_EQ(list.codes[1], "opening.not_listed");
    r.tap(ChoiceTapped{1});
    r.next();
    r.type("6000");
    r.next();
    r.type("15000000");
    r.next();
    const auto findings = offerFindings(r.state().visit.form, r.state().settings.catalogue, kToday);
    ASSERT_EQ(findings.size(), 2U);
    EXPECT_EQ(findings[0].code, "offer.not_listed");
    EXPECT_EQ(findings[1].code, "offer.fee_asked");  // money asked for an offer nobody can check
}

TEST(Registration, AFeeAskedForAFreeOpeningIsFlagged) {
    Registrant r;
    r.fillUpTo(RegStep::FeeAsked);
    r.type("25000000");
    r.next();
    const auto findings = offerFindings(r.state().visit.form, r.state().settings.catalogue, kToday);
    EXPECT_TRUE(std::any_of(findings.begin(), findings.end(),
                            [](const core::Finding& f) { return f.code == "offer.fee_charged_where_free"; }));
}

TEST(Registration, MissingSkillsComeWithTrainingNearHome) {
    Registrant r;
    r.fillUpTo(RegStep::Skills);
    r.next();  // no certificate ticked
    r.fillUpTo(RegStep::PromisedSalary);
    const auto missing = missingSkills(r.state().visit.form, r.state().settings.catalogue, kToday);
    ASSERT_EQ(missing.size(), 2U);
    EXPECT_EQ(missing[0].item.key, "cert.caregiver");
    ASSERT_FALSE(missing[0].options.empty());
    EXPECT_EQ(missing[0].options[0].programme.title, "Pelatihan perawat lansia");
    EXPECT_EQ(missing[1].item.key, "lang.yue");
}

TEST(Registration, ChangingASectionFromTheReviewComesBackToTheReview) {
    Registrant r;
    r.fillUpTo(RegStep::Review);
    ASSERT_TRUE(r.at(RegStep::Review));
    r.tap(EditTapped{5});
    EXPECT_TRUE(r.at(RegStep::Name));
    r.tap(DeleteTapped{});
    r.type("H");
    for (int i = 0; i < 20 && !r.at(RegStep::Review); ++i) r.next();
    EXPECT_TRUE(r.at(RegStep::Review));
    EXPECT_EQ(r.state().visit.form.text(TextField::Name), "SITI AMINAH");
    EXPECT_FALSE(r.state().visit.form.editingSection);
}

TEST(Registration, SubmitSavesOnceAndTheReceiptShowsNothingOfTheForm) {
    Registrant r;
    r.fillUpTo(RegStep::Review);
    const auto submit = r.tap(SubmitTapped{});
    EXPECT_TRUE(std::holds_alternative<SavingScreen>(submit.state.screen));
    EXPECT_TRUE(has<SaveRegistration>(submit));
    // A second and third tap on "submit" were aimed at the review: dropped.
    const auto again = r.apply(Tap{submit.state.view - 1, r.now() + 150ms, SubmitTapped{}});
    EXPECT_FALSE(has<SaveRegistration>(again));
    EXPECT_FALSE(has<SaveRegistration>(r.tap(SubmitTapped{}, 150ms)));

    SavedRegistration saved{"REG-TEST-1", "token", {core::DocumentKind::WorkVisa}, false};
    const auto done = r.apply(RegistrationSaved{r.now(), saved});
    EXPECT_TRUE(std::holds_alternative<ReceiptScreen>(done.state.screen));
    EXPECT_TRUE(has<Wipe>(done));
    EXPECT_TRUE(has<PrintReceipt>(done));
    EXPECT_EQ(done.state.visit.form, RegistrationForm{});
    EXPECT_EQ(done.state.saved, saved);
    r.apply(ReceiptPrinted{r.now(), true});
    EXPECT_TRUE(r.state().saved->printed);
    const auto next = r.tap(DoneTapped{});
    EXPECT_TRUE(std::holds_alternative<AttractScreen>(next.state.screen));
    EXPECT_FALSE(next.state.saved);
}

TEST(Registration, AFailedSaveReturnsToTheReviewWithEverythingKept) {
    Registrant r;
    r.fillUpTo(RegStep::Review);
    const auto form = r.state().visit.form;
    r.tap(SubmitTapped{});
    r.apply(SaveFailed{r.now(), "store.disk_full"});
    EXPECT_TRUE(r.at(RegStep::Review));
    EXPECT_EQ(r.state().problem, "store.disk_full");
    EXPECT_EQ(r.state().visit.form, form);
}

TEST(Registration, ThePayloadHoldsEveryAnswer) {
    Registrant r;
    r.fillUpTo(RegStep::Review);
    PayloadExtras extras{"anBn", "ab12", "2026-11-29T03:00:00Z", "KIOSK-TEST-01", "LTSA-TEST"};
    const auto json = registrationPayload(r.state().visit.form, r.state().settings.catalogue,
                                          r.state().settings.agePolicy, kToday, extras);
    for (const auto* expected :
         {"\"nik\":\"3578015506950001\"", "\"name\":\"SITI AMINAH\"", "\"number\":\"X1234567\"",
          "\"job_order_id\":\"JO-TEST-HK-0001\"", "\"promised_salary\":4990", "\"fee_asked_idr\":0",
          "\"marital_status\":\"single\"", "\"regency_code\":\"3578\"", "\"rt\":\"003\"", "\"rw\":\"005\"",
          "\"family_card_qr\":null", "\"bpjs_number\":null", "\"certificates\":[\"caregiver\"]",
          "\"purposes\":[\"registration\"]", "\"photo_jpeg_base64\":\"anBn\""})
        EXPECT_NE(json.find(expected), std::string::npos) << expected << "\nin " << json;
    EXPECT_NE(json.find("\"documents\":{\"marital_status\":\"have\""), std::string::npos) << json;
}

TEST(Registration, ADocumentIsScannedOnlyOnceItsPictureIsKept) {
    Registrant r;
    r.fillUpTo(RegStep::Documents);
    const auto health = static_cast<std::size_t>(core::DocumentKind::Health);
    // "Photo" opens the camera; nothing is marked yet.
    auto step = r.tap(DocumentTapped{health, core::DocumentState::Scanned});
    ASSERT_TRUE(std::holds_alternative<DocumentScanScreen>(r.state().screen));
    EXPECT_EQ(std::get<DocumentScanScreen>(r.state().screen).index, health);
    EXPECT_EQ(r.state().visit.form.documents[health], core::DocumentState::NotYet);
    EXPECT_TRUE(testing::has<SpeakInstruction>(step));
    EXPECT_EQ(screenName(r.state().screen), "document-scan");

    // A blurred picture is refused with the reason; the screen waits for another try.
    step = r.tap(NextTapped{});
    const auto* capture = testing::find<CaptureDocument>(step);
    ASSERT_TRUE(capture);
    EXPECT_EQ(capture->index, health);
    step = r.apply(DocumentCaptured{r.now(), health, false, "document.blurry"});
    EXPECT_TRUE(std::holds_alternative<DocumentScanScreen>(r.state().screen));
    EXPECT_EQ(r.state().problem, "document.blurry");
    EXPECT_TRUE(testing::has<Beep>(step));
    // An answer about another document, or after the screen was left, changes nothing.
    const auto before = r.state();
    r.apply(DocumentCaptured{r.now(), health + 1, true, {}});
    EXPECT_EQ(r.state(), before);

    r.tap(NextTapped{});
    r.apply(DocumentCaptured{r.now(), health, true, {}});
    EXPECT_TRUE(r.at(RegStep::Documents));
    EXPECT_EQ(r.state().visit.form.documents[health], core::DocumentState::Scanned);
    EXPECT_TRUE(r.state().problem.empty());

    // Back from the camera leaves a document as it was.
    r.tap(DocumentTapped{0, core::DocumentState::Scanned});
    r.tap(BackTapped{});
    EXPECT_TRUE(r.at(RegStep::Documents));
    EXPECT_EQ(r.state().visit.form.documents[0], core::DocumentState::NotYet);
    r.apply(DocumentCaptured{r.now(), 0, true, {}});
    EXPECT_EQ(r.state().visit.form.documents[0], core::DocumentState::NotYet);
}

TEST(Registration, TheCameraScreenOfADocumentIsWipedWhenLeftIdle) {
    Registrant r;
    r.fillUpTo(RegStep::Documents);
    r.tap(DocumentTapped{2, core::DocumentState::Scanned});
    const auto idle = FlowSettings{}.idleTimeout;
    r.apply(Tick{r.now() + idle + 1s});
    ASSERT_TRUE(r.state().countdown);
    const auto gone = r.apply(Tick{r.now() + idle + FlowSettings{}.countdown + 2s});
    EXPECT_TRUE(std::holds_alternative<AttractScreen>(r.state().screen));
    EXPECT_TRUE(testing::has<Wipe>(gone));
    EXPECT_EQ(r.state().visit, (Visit{FlowSettings{}.home, {}}));
}

TEST(Registration, ThePayloadHoldsThePicturesOfTheDocumentsScannedOnly) {
    Registrant r;
    r.fillUpTo(RegStep::Documents);
    const auto health = static_cast<std::size_t>(core::DocumentKind::Health);
    const auto passport = static_cast<std::size_t>(core::DocumentKind::Passport);
    r.tap(DocumentTapped{health, core::DocumentState::Scanned});
    r.tap(NextTapped{});
    r.apply(DocumentCaptured{r.now(), health, true, {}});
    PayloadExtras extras{"", "ab12", "2026-11-29T03:00:00Z", "KIOSK-TEST-01", "LTSA-TEST", {}};
    extras.documentImagesBase64[health] = "/9j/SEHAT";
    extras.documentImagesBase64[passport] = "/9j/PASPOR";  // taken, then marked "have": not sent
    const auto json = registrationPayload(r.state().visit.form, r.state().settings.catalogue,
                                          r.state().settings.agePolicy, kToday, extras);
    EXPECT_NE(json.find("\"health\":\"scanned\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"document_images\":{\"health\":\"/9j/SEHAT\"}"), std::string::npos) << json;
    EXPECT_EQ(json.find("PASPOR"), std::string::npos) << json;
}

}  // namespace
}  // namespace kiosk::flow
