#include "tests/ui/screen_table.h"

#include <string>

#include "kiosk/core/flow/visit_flow.h"
#include "kiosk/ui/screens.h"
#include "kiosk/ui/video_image.h"
#include "kiosk/ui/widget_gallery.h"
#include "tests/ui/sample_catalogue.h"
#include "tests/ui/test_picture.h"

namespace kiosk::ui::testing {
namespace {

const VideoImage& cameraPicture() {
    static const VideoImage picture = [] {
        VideoImage image;
        convertFrame(makeTestPicture(1280, 720), PixelLayout::I420, image);
        return image;
    }();
    return picture;
}

ScreenCase gallery(GalleryPage page) {
    return {"gallery_" + std::string(galleryPageName(page)), [page](Painter& p, const Catalogs& t, Language l) {
                drawGallery(p, t, l, page, Touch{}, &cameraPicture());
            }};
}

// A view of the visit, drawn as the kiosk draws it: `setUp` puts the flow in the state to show.
ScreenCase visit(std::string name, std::function<void(flow::FlowState&)> setUp) {
    return {std::move(name), [setUp = std::move(setUp)](Painter& p, const Catalogs& t, Language l) {
                flow::FlowState state = flow::startState({});
                state.visit.language = l;
                setUp(state);
                drawVisit(p, t, state, Touch{});
            }};
}

// Half a NIK typed: the field shows it in groups and the message counts the digits.
void nikHalfTyped(flow::FlowState& s) {
    s.screen = flow::RegistrationScreen{flow::RegStep::Nik};
    static_cast<void>(s.visit.form.texts[static_cast<std::size_t>(flow::TextField::Nik)].append("35780155"));
}

void set(flow::RegistrationForm& f, flow::TextField field, std::string_view text) {
    static_cast<void>(f.texts[static_cast<std::size_t>(field)].assign(text));
}
void choose(flow::RegistrationForm& f, flow::ChoiceField field, std::uint16_t index) {
    f.choices[static_cast<std::size_t>(field)] = index;
}

// A made-up person far enough through the journey for every step to show something.
void filledForm(flow::FlowState& s) {
    s.today = Date{std::chrono::year{2026} / 11 / 29};
    s.settings.catalogue = flow::testing::sampleCatalogue();
    auto& f = s.visit.form;
    f.consent.registration = true;
    f.consent.updates = true;
    set(f, flow::TextField::Nik, "3578015506950001");
    static_cast<void>(
        f.passportMrz.assign("P<IDNCONTOH<<SITI<AMINAH<<<<<<<<<<<<<<<<<<<<\n"
                             "X1234567<7IDN9506158F3101012<<<<<<<<<<<<<<02"));
    f.photoTaken = true;
    set(f, flow::TextField::Name, "SITI AMINAH");
    set(f, flow::TextField::BirthPlace, "SURABAYA");
    set(f, flow::TextField::Address, "JALAN CONTOH 1");
    set(f, flow::TextField::RtRw, "003005");
    set(f, flow::TextField::Phone, "081234567890");
    set(f, flow::TextField::KinName, "BUDI");
    set(f, flow::TextField::KinPhone, "081298765432");
    set(f, flow::TextField::School, "SMA CONTOH");
    set(f, flow::TextField::GraduationYear, "2013");
    set(f, flow::TextField::PromisedSalary, "4990");
    set(f, flow::TextField::FeeAsked, "0");
    choose(f, flow::ChoiceField::Marital, 0);
    choose(f, flow::ChoiceField::HomeRegion, 0);
    choose(f, flow::ChoiceField::Education, 2);
    choose(f, flow::ChoiceField::Experience, 1);
    choose(f, flow::ChoiceField::PreviousWork, 0);
    choose(f, flow::ChoiceField::Medical, 2);
    choose(f, flow::ChoiceField::Destination, 2);
    choose(f, flow::ChoiceField::Sector, 0);
    choose(f, flow::ChoiceField::Scheme, 0);
    choose(f, flow::ChoiceField::Opening, 0);
    f.ticked(flow::ChipField::Skills).set(0);
    f.ticked(flow::ChipField::Skills).set(10);
    f.documents[4] = core::DocumentState::Have;
    f.documents[3] = core::DocumentState::Scanned;
}

// A made-up returnee at the end of her check-in: home from Hong Kong with a complaint.
void filledReturnee(flow::FlowState& s) {
    s.today = Date{std::chrono::year{2026} / 11 / 29};
    s.settings.catalogue = flow::testing::sampleCatalogue();
    auto& f = s.visit.form;
    f.journey = flow::Journey::Returnee;
    f.consent.registration = true;
    set(f, flow::TextField::Nik, "3329015508900007");
    static_cast<void>(
        f.passportMrz.assign("P<IDNCONTOH<<DEWI<LESTARI<<<<<<<<<<<<<<<<<<<\n"
                             "Y7654321<2IDN9008157F3001019<<<<<<<<<<<<<<00"));
    set(f, flow::TextField::Name, "DEWI LESTARI");
    set(f, flow::TextField::Phone, "085712345678");
    set(f, flow::TextField::WorkCity, "KOWLOON");
    set(f, flow::TextField::Employer, "KELUARGA CONTOH");
    set(f, flow::TextField::Agency, "PT PENEMPATAN UJI TIGA");
    set(f, flow::TextField::Position, "PENGASUH LANSIA");
    set(f, flow::TextField::ContractStart, "082022");
    set(f, flow::TextField::ContractEnd, "072026");
    set(f, flow::TextField::ArrivalDate, "20112026");
    set(f, flow::TextField::ComplaintText, "GAJI TIGA BULAN TIDAK DIBAYAR");
    choose(f, flow::ChoiceField::HomeRegion, 0);
    choose(f, flow::ChoiceField::Children, 1);
    choose(f, flow::ChoiceField::WorkCountry, 2);
    choose(f, flow::ChoiceField::ArrivalPort, 0);
    choose(f, flow::ChoiceField::ReturnReason, 2);
    choose(f, flow::ChoiceField::Complaint, 1);
    f.ticked(flow::ChipField::Rights).set(0);
    f.ticked(flow::ChipField::Rights).set(2);
    f.ticked(flow::ChipField::Needs).set(0);
    f.ticked(flow::ChipField::Interests).set(1);
}

// The step kinds whose first step gets a golden image; the others are checked for layout only.
bool goldenStep(flow::RegStep step) {
    using flow::RegStep;
    return step == RegStep::Consent || step == RegStep::Nik || step == RegStep::Name || step == RegStep::Marital ||
           step == RegStep::Skills || step == RegStep::Passport || step == RegStep::Photo || step == RegStep::Checks ||
           step == RegStep::Opening || step == RegStep::Documents || step == RegStep::Review;
}

}  // namespace

const std::vector<ScreenCase>& allScreens() {
    static const std::vector<ScreenCase> screens = [] {
        std::vector<ScreenCase> all = {
            {"attract", [](Painter& p, const Catalogs& t, Language l) { drawAttract(p, t, l, Touch{}); }},
            {"language_choice",
             [](Painter& p, const Catalogs& t, Language l) { drawLanguageChoice(p, t, l, Touch{}); }},
            visit("reg_nik_typing", nikHalfTyped),
            visit("staff_pin",
                  [](flow::FlowState& s) {
                      s.screen = flow::StaffPinScreen{};
                      static_cast<void>(s.staffPin.append("1234"));
                      s.staffBadge = "B-10001";
                      s.problem = "staff.pin_wrong";
                      s.staffAnswer = flow::StaffAnswer{};
                      s.staffAnswer->outcome = flow::StaffAnswer::Outcome::WrongPin;
                      s.staffAnswer->triesLeft = 3;
                  }),
            visit("countdown",
                  [](flow::FlowState& s) {
                      nikHalfTyped(s);
                      s.countdown = flow::Countdown{{}, 20};
                  }),
        };
        for (const auto page : kGalleryPages) all.push_back(gallery(page));
        all.push_back(visit("menu", [](flow::FlowState& s) { s.screen = flow::MenuScreen{}; }));
        for (const auto& spec : flow::allSteps()) {
            const bool returnee = spec.journey == flow::Journey::Returnee;
            auto view = visit("reg_" + std::string(spec.name), [step = spec.step, returnee](flow::FlowState& s) {
                if (returnee)
                    filledReturnee(s);
                else
                    filledForm(s);
                s.screen = flow::RegistrationScreen{step};
            });
            view.golden = goldenStep(spec.step);
            all.push_back(std::move(view));
        }
        all.push_back(visit("return_review", [](flow::FlowState& s) {
            filledReturnee(s);
            s.screen = flow::RegistrationScreen{flow::RegStep::Review};
        }));
        all.push_back(visit("reg_nik_problem", [](flow::FlowState& s) {
            nikHalfTyped(s);
            s.problem = "nik.invalid";
        }));
        all.push_back(visit("saving", [](flow::FlowState& s) { s.screen = flow::SavingScreen{}; }));
        all.push_back(visit("receipt", [](flow::FlowState& s) {
            s.screen = flow::ReceiptScreen{};
            s.saved = flow::SavedRegistration{};
            s.saved->number = "REG-K01-000042-7";
            s.saved->token = "LKT1.REG.TESTTOKEN-FOR-THE-SCREEN-ONLY";
            s.saved->missing = {core::DocumentKind::Competence, core::DocumentKind::WorkVisa,
                                core::DocumentKind::PlacementAgreement};
            s.saved->printed = true;
        }));
        all.push_back(visit("receipt_checkin", [](flow::FlowState& s) {
            s.screen = flow::ReceiptScreen{};
            s.saved = flow::SavedRegistration{};
            s.saved->journey = flow::Journey::Returnee;
            s.saved->number = "RET-K01-000043-2";
            s.saved->token = "LKT1.RET.TESTTOKEN-FOR-THE-SCREEN-ONLY";
            s.saved->desks = {core::Desk::ComplaintsInformation, core::Desk::Immigration, core::Desk::Health,
                              core::Desk::Banking};
            s.saved->complaint = true;
            s.saved->printed = true;
        }));
        all.push_back(visit("under_age", [](flow::FlowState& s) { s.screen = flow::UnderAgeScreen{21}; }));
        const auto staffHome = [](flow::FlowState& s) {
            s.screen = flow::StaffHomeScreen{};
            flow::StaffAnswer who;
            who.outcome = flow::StaffAnswer::Outcome::SignedIn;
            who.staffId = "STF-0001";
            who.displayName = "Petugas A";
            who.role = "officer";
            who.queue = flow::QueueFigures{3, 120, 1, 95, 2};
            const auto day = std::chrono::sys_days{std::chrono::year{2026} / 11 / 2};
            for (int i = 0; i < 12; ++i)
                who.worklist.push_back(flow::WorkRow{"REG-KIOSK-DEMO-01-0000" + std::to_string(10 + i) + "-X",
                                                     day + std::chrono::hours{1 + i / 3} + std::chrono::minutes{7 * i},
                                                     i % 9, i % 3 == 0 ? "pending" : "acknowledged"});
            // The first row: a returnee's complaint, ahead of the older registrations.
            who.worklist.front().checkIn = true;
            who.worklist.front().complaint = true;
            who.worklist.front().number = "RET-KIOSK-DEMO-01-000022-X";
            s.staffAnswer = who;
            s.notice = "staff.decision_saved";
        };
        all.push_back(visit("staff_home", staffHome));
        // The second page of the records not yet sent, one of them returned for a correction.
        all.push_back(visit("staff_home_unsent_page", [=](flow::FlowState& s) {
            staffHome(s);
            s.notice.clear();
            s.staffAnswer->worklist[6].returned = true;
            s.work = flow::WorkView{flow::WorkFilter::Unsent, 2};
        }));
        // An admin sees "maintenance" beside the title.
        all.push_back(visit("staff_home_admin", [=](flow::FlowState& s) {
            staffHome(s);
            s.staffAnswer->role = "admin";
            s.notice.clear();
        }));
        const auto admin = [](flow::FlowState& s) {
            flow::StaffAnswer who;
            who.outcome = flow::StaffAnswer::Outcome::SignedIn;
            who.staffId = "STF-0009";
            who.role = "admin";
            s.staffAnswer = who;
        };
        // A kiosk with a failed MRZ reader, a network that failed after a good send, a USB stick
        // and two problems on record.
        const auto maintenance = [=](flow::FlowState& s) {
            admin(s);
            s.screen = flow::MaintenanceScreen{};
            flow::KioskCondition c;
            c.version = "0.1.0";
            c.kioskId = "KIOSK-DEMO-01";
            c.siteId = "LTSA-DEMO";
            c.parts = {flow::PartCondition{flow::Part::Camera, "ready", true, {}},
                       flow::PartCondition{flow::Part::CodeScanner, "ready", false, {}},
                       flow::PartCondition{flow::Part::MrzReader, "failed", false, "no answer on /dev/ttyUSB1"},
                       flow::PartCondition{flow::Part::ReceiptPrinter, "degraded", true, "paper low"}};
            c.queue = flow::QueueFigures{3, 120, 1, 95, 2};
            const auto at = std::chrono::sys_days{std::chrono::year{2026} / 11 / 2} + std::chrono::hours{2};
            c.sync.configured = true;
            c.sync.lastSent = at;
            c.sync.lastFailed = at + std::chrono::minutes{35};
            c.sync.nextTry = at + std::chrono::minutes{40};
            c.sync.lastFailure = "the server did not answer (curl_7)";
            c.diskFree = 12ull * 1024 * 1024 * 1024 + 300ull * 1024 * 1024;
            c.diskTotal = 29ull * 1024 * 1024 * 1024;
            c.media = {flow::MediumCondition{"/media/loket-usb", true, 3ull * 1024 * 1024 * 1024}};
            c.problems = {
                flow::LoggedProblem{at + std::chrono::minutes{35}, "sync.failed", "the server did not answer (curl_7)"},
                flow::LoggedProblem{at + std::chrono::minutes{3}, "print.paper_low", "paper low"}};
            s.condition = c;
            s.notice = "maintenance.exported";
            s.exported = flow::ExportDone{3, "loket-KIOSK-DEMO-01-20261102T023500Z.lkb"};
        };
        all.push_back(visit("maintenance", maintenance));
        // No server yet, no stick, a nearly full disk, and the export refused.
        all.push_back(visit("maintenance_offline", [=](flow::FlowState& s) {
            maintenance(s);
            s.condition->sync = flow::SyncCondition{};
            s.condition->media.clear();
            s.condition->diskFree = 1ull * 1024 * 1024 * 1024;
            s.condition->problems.clear();
            s.condition->parts[2] = flow::PartCondition{flow::Part::MrzReader, "not_fitted", false, {}};
            s.notice.clear();
            s.exported.reset();
            s.problem = "export.no_media";
        }));
        all.push_back(visit("test_code_scanner", [=](flow::FlowState& s) {
            admin(s);
            s.screen = flow::PartTestScreen{flow::Part::CodeScanner};
            s.partTest = flow::PartTest::waitingFor(flow::Part::CodeScanner);
            s.partTest->outcome = flow::PartTest::Outcome::Passed;
            s.partTest->characters = 41;
            s.partTest->testPage = true;
        }));
        ScreenCase mrzTest = visit("test_mrz_reader", [=](flow::FlowState& s) {
            admin(s);
            s.screen = flow::PartTestScreen{flow::Part::MrzReader};
            s.partTest = flow::PartTest::waitingFor(flow::Part::MrzReader);
            s.partTest->outcome = flow::PartTest::Outcome::Failed;
            s.partTest->format = "TD3";
        });
        mrzTest.golden = false;
        all.push_back(mrzTest);
        ScreenCase cameraTest = visit("test_camera", [=](flow::FlowState& s) {
            admin(s);
            s.screen = flow::PartTestScreen{flow::Part::Camera};
        });
        cameraTest.golden = false;
        all.push_back(cameraTest);
        all.push_back(visit("staff_report", [](flow::FlowState& s) {
            s.screen = flow::StaffReportScreen{};
            flow::StaffAnswer who;
            who.outcome = flow::StaffAnswer::Outcome::SignedIn;
            who.staffId = "STF-0003";
            who.role = "supervisor";
            s.staffAnswer = who;
            core::DayReport r;
            r.siteId = "SITE-DEMO";
            r.kioskId = "KIOSK-DEMO-01";
            r.day = std::chrono::year{2026} / 11 / 2;
            r.generatedAt = std::chrono::sys_days{std::chrono::year{2026} / 11 / 2} + std::chrono::hours{10};
            auto& f = r.figures;
            f.records = {14, 3, 6};
            f.registrations = {0, 9, 4, 1};
            f.outbox = {2, 0, 1, 19, 1, 0};
            f.queue.unsent = 3;
            f.queue.oldestCreatedAt = r.generatedAt - std::chrono::minutes{95};
            f.queue.oldestAge = std::chrono::minutes{95};
            f.underAgeStops = {1, 2};
            f.decisions = {{"approve", 3}, {"refer", 1}, {"reject", 1}, {"return_for_correction", 1}};
            f.devices = {{"camera", "ready", "", r.generatedAt - std::chrono::hours{2}, 1},
                         {"receipt_printer", "degraded", "paper low", r.generatedAt - std::chrono::minutes{20}, 3}};
            s.dayReport = r;
            s.notice = "staff.report_printed";
        }));
        // A registration opened by an officer: some documents marked, one of them not valid.
        const auto openRecord = [](flow::FlowState& s, bool checkIn) {
            flow::StaffAnswer who;
            who.outcome = flow::StaffAnswer::Outcome::SignedIn;
            who.staffId = "STF-0001";
            who.role = "officer";
            s.staffAnswer = who;
            flow::RecordView r;
            r.recordId = 42;
            r.checkIn = checkIn;
            r.number = checkIn ? "RET-KIOSK-DEMO-01-000043-2" : "REG-KIOSK-DEMO-01-000042-7";
            static_cast<void>(r.name.assign(checkIn ? "DEWI LESTARI" : "SITI AMINAH"));
            static_cast<void>(r.nik.assign(checkIn ? "3329015508900007" : "3578015506950001"));
            static_cast<void>(r.passportNumber.assign(checkIn ? "Y7654321" : "X1234567"));
            r.birthDate = checkIn ? "1990-08-15" : "1995-06-15";
            r.plan = checkIn ? "HK early_termination" : "HK domestic_work";
            if (!checkIn) r.checks = {"offer.fee_asked"};
            r.declared[0] = core::DocumentState::Have;
            r.declared[4] = core::DocumentState::Have;
            if (checkIn) {
                r.complaint = "unpaid_wages";
                static_cast<void>(r.complaintText.assign("GAJI TIGA BULAN TIDAK DIBAYAR"));
            }
            s.record = r;
            s.draft.documents[0] = {core::DocumentVerdict::Valid, ""};
            s.draft.documents[4] = {core::DocumentVerdict::Invalid, "doc.expired"};
            s.draft.documents[2] = {core::DocumentVerdict::Missing, "doc.missing"};
        };
        all.push_back(visit("staff_record", [=](flow::FlowState& s) {
            openRecord(s, false);
            s.screen = flow::StaffRecordScreen{};
            s.problem = "decision.documents_incomplete";
        }));
        all.push_back(visit("staff_record_checkin", [=](flow::FlowState& s) {
            openRecord(s, true);
            s.screen = flow::StaffRecordScreen{};
        }));
        auto document = visit("staff_document", [=](flow::FlowState& s) {
            openRecord(s, false);
            s.screen = flow::StaffDocumentScreen{4};
        });
        document.golden = false;  // a grid of choices, like the reason's
        all.push_back(std::move(document));
        all.push_back(visit("staff_reason", [=](flow::FlowState& s) {
            openRecord(s, false);
            s.screen = flow::StaffReasonScreen{core::DecisionKind::Reject};
        }));
        all.push_back(visit("staff_sign_off", [=](flow::FlowState& s) {
            openRecord(s, false);
            s.screen = flow::StaffSignOffScreen{};
            s.draft.supervisorBadge = "B-10003";
            static_cast<void>(s.draft.supervisorPin.append("12"));
        }));
        all.push_back(visit("document_scan", [](flow::FlowState& s) {
            filledForm(s);
            s.screen = flow::DocumentScanScreen{5};
            s.problem = "document.blurry";
        }));
        auto scan = visit("status_scan", [](flow::FlowState& s) {
            s.screen = flow::StatusScanScreen{};
            s.problem = "receipt.malformed";
        });
        scan.golden = false;  // the camera step's golden covers the same parts
        all.push_back(std::move(scan));
        const auto receiptStatus = [](flow::ReceiptProgress progress) {
            auto status = flow::ReceiptStatus::because("valid");
            status.number = "REG-KIOSK-DEMO-01-000042-7";
            status.kioskId = "KIOSK-DEMO-01";
            status.issuedAt = std::chrono::sys_days{std::chrono::year{2026} / 11 / 2} + std::chrono::hours{3};
            status.issuedHere = true;
            status.progress = progress;
            return status;
        };
        all.push_back(visit("status_in_review", [=](flow::FlowState& s) {
            s.screen = flow::StatusScreen{};
            s.receiptStatus = receiptStatus(flow::ReceiptProgress::InReview);
            s.receiptStatus->checkedAtDesk = true;
        }));
        auto returned = visit("status_returned", [=](flow::FlowState& s) {
            s.screen = flow::StatusScreen{};
            s.receiptStatus = receiptStatus(flow::ReceiptProgress::Returned);
        });
        returned.golden = false;
        all.push_back(std::move(returned));
        auto waiting = visit("status_saved_here", [=](flow::FlowState& s) {
            s.screen = flow::StatusScreen{};
            s.receiptStatus = receiptStatus(flow::ReceiptProgress::SavedHere);
        });
        waiting.golden = false;
        all.push_back(std::move(waiting));
        all.push_back(visit("status_forged", [=](flow::FlowState& s) {
            s.screen = flow::StatusScreen{};
            s.receiptStatus = receiptStatus(flow::ReceiptProgress::Verified);
            s.receiptStatus->verdict = "receipt.signature_invalid";
            s.receiptStatus->progress.reset();
        }));
        return all;
    }();
    return screens;
}

}  // namespace kiosk::ui::testing
