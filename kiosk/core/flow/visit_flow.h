#pragma once
// The kiosk's screens as a pure state machine: onEvent(state, event) returns the next state and
// the commands the app carries out (speak, beep, wipe). No SDL, no clock, no I/O: time arrives
// inside the events (a Tick from the main loop, a fake clock in tests and scenario scripts).
//
// Integrity of navigation: every tap names the view it was aimed at and is dropped when that
// view is no longer the one shown, or when it lands within `settle` of the view appearing; so a
// double or triple tap never skips a step and one tap never acts twice.
//
// Idle time: after `idleTimeout` without activity a countdown asks whether the person needs more
// time; "yes" continues with nothing lost, no answer resets to the attract screen and wipes the visit.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/base/date.h"
#include "kiosk/core/day_report.h"
#include "kiosk/core/eligibility.h"
#include "kiosk/core/flow/language.h"
#include "kiosk/core/flow/maintenance.h"
#include "kiosk/core/flow/registration.h"
#include "kiosk/core/flow/secret_text.h"
#include "kiosk/core/flow/staff_review.h"
#include "kiosk/core/flow/worklist.h"

namespace kiosk::flow {

using Instant = std::chrono::steady_clock::time_point;
// Numbers the views (a screen, or a dialog over it) in the order they appear; never reused.
using ViewId = std::uint64_t;

// The welcome screen a kiosk shows between visitors.
struct AttractScreen {
    friend bool operator==(const AttractScreen&, const AttractScreen&) = default;
};
// The first step of every journey: the visitor picks the language they understand.
struct LanguageChoiceScreen {
    friend bool operator==(const LanguageChoiceScreen&, const LanguageChoiceScreen&) = default;
};
// What the visitor came for: to register, and later to check in after returning or to see a status.
struct MenuScreen {
    friend bool operator==(const MenuScreen&, const MenuScreen&) = default;
};
// One step of the registration journey (registration.h).
struct RegistrationScreen {
    RegStep step = RegStep::Consent;
    friend bool operator==(const RegistrationScreen&, const RegistrationScreen&) = default;
};
// "Submit" was tapped: the record is being written and the receipt printed.
struct SavingScreen {
    friend bool operator==(const SavingScreen&, const SavingScreen&) = default;
};
// The registration is on disk: its number, the signed QR, what is still missing.
struct ReceiptScreen {
    friend bool operator==(const ReceiptScreen&, const ReceiptScreen&) = default;
};
// The person is younger than the minimum age: the journey ends kindly, nothing about them is kept.
struct UnderAgeScreen {
    int minimumAge = core::kLegalMinimumAge;
    friend bool operator==(const UnderAgeScreen&, const UnderAgeScreen&) = default;
};
// One of the eight documents held up to the camera: "take the picture" keeps it as scanned.
struct DocumentScanScreen {
    std::size_t index = 0;  // in core::kAllDocuments
    friend bool operator==(const DocumentScanScreen&, const DocumentScanScreen&) = default;
};
// "Cek status": the person holds their receipt's QR code to the scanner or the camera.
struct StatusScanScreen {
    friend bool operator==(const StatusScanScreen&, const StatusScanScreen&) = default;
};
// What the scanned receipt says and what became of its record (FlowState::receiptStatus).
struct StatusScreen {
    friend bool operator==(const StatusScreen&, const StatusScreen&) = default;
};
// Reached by the hidden staff gesture: the staff member scans their badge and types their PIN.
struct StaffPinScreen {
    friend bool operator==(const StaffPinScreen&, const StaffPinScreen&) = default;
};
// A staff member is signed in: who, and the kiosk's queue as the day's work stands.
struct StaffHomeScreen {
    friend bool operator==(const StaffHomeScreen&, const StaffHomeScreen&) = default;
};

// A record opened from the worklist (FlowState::record): who, the automatic checks, the eight
// documents as the officer marks them, and the four decisions.
struct StaffRecordScreen {
    friend bool operator==(const StaffRecordScreen&, const StaffRecordScreen&) = default;
};
// One of the eight documents: valid, invalid for a reason, or missing.
struct StaffDocumentScreen {
    std::size_t index = 0;
    friend bool operator==(const StaffDocumentScreen&, const StaffDocumentScreen&) = default;
};
// A rejection's reason or a referral's category: no such decision goes without one.
struct StaffReasonScreen {
    core::DecisionKind kind = core::DecisionKind::Reject;
    friend bool operator==(const StaffReasonScreen&, const StaffReasonScreen&) = default;
};
// An override: a supervisor scans their badge and types their PIN to sign it off.
struct StaffSignOffScreen {
    friend bool operator==(const StaffSignOffScreen&, const StaffSignOffScreen&) = default;
};
// The end-of-day report on screen (FlowState::dayReport), to read and to print.
struct StaffReportScreen {
    friend bool operator==(const StaffReportScreen&, const StaffReportScreen&) = default;
};

// An admin's look at the kiosk itself (FlowState::condition, kept fresh while it is open): the
// devices with a test for each, the queue and "sync now", the export to a USB stick, the disk, the
// version and the last problems.
struct MaintenanceScreen {
    friend bool operator==(const MaintenanceScreen&, const MaintenanceScreen&) = default;
};
// A device tried out live (FlowState::partTest): the camera's picture, or what the scanner or the
// MRZ reader read.
struct PartTestScreen {
    Part part = Part::Camera;
    friend bool operator==(const PartTestScreen&, const PartTestScreen&) = default;
};

using Screen = std::variant<AttractScreen, LanguageChoiceScreen, MenuScreen, RegistrationScreen, DocumentScanScreen,
                            SavingScreen, ReceiptScreen, UnderAgeScreen, StatusScanScreen, StatusScreen, StaffPinScreen,
                            StaffHomeScreen, StaffRecordScreen, StaffDocumentScreen, StaffReasonScreen,
                            StaffSignOffScreen, StaffReportScreen, MaintenanceScreen, PartTestScreen>;

// "attract", "language-choice", "menu", "reg-nik", "document-scan", "receipt", "under-age", "status-scan", "status",
// "staff-pin", "staff-home", "staff-record", "staff-document", "staff-reason", "staff-sign-off",
// "staff-report", "maintenance", "test-camera", "test-scanner", "test-mrz":
// names for scenario scripts and PNGs.
std::string_view screenName(const Screen& screen);

// Everything about the person in front of the kiosk. Wiping the visit is replacing it with a
// fresh Visit; the app also clears the buffers it owns (camera frames, a pending print job).
struct Visit {
    Language language = kDefaultLanguage;
    RegistrationForm form;
    friend bool operator==(const Visit&, const Visit&) = default;
};

// What the receipt screen shows once the record is on disk. The form is wiped by then.
struct SavedRegistration {
    std::string number;                       // the registration or check-in number people read out
    std::string token;                        // the signed text in the receipt's QR
    std::vector<core::DocumentKind> missing;  // a registration's documents still to bring
    bool printed = false;
    Journey journey = Journey::Registration;
    std::vector<core::Desk> desks{};  // a check-in's desks to visit, in order
    bool complaint = false;           // a check-in's complaint went to staff first
    friend bool operator==(const SavedRegistration&, const SavedRegistration&) = default;
};

// How far a record has come, in the order a person would follow it.
enum class ReceiptProgress {
    SavedHere,  // on this kiosk's disk, waiting for the network
    Sent,       // handed to the national server, its acknowledgement not yet in
    Received,   // the server acknowledged exactly this record
    InReview,   // officers at the ministry are checking it
    Verified,   // checked and accepted
    Returned,   // sent back for a correction (reasonCode says why)
    Refused,    // the server refused it: staff must look at it
};

// What a scanned receipt is worth. Only the receipt's own claims and the record's progress: no
// personal data is looked up or shown.
struct ReceiptStatus {
    // "valid", or why the receipt is not: "receipt.malformed" (not a receipt's QR at all),
    // "receipt.signature_invalid" (changed or forged), "receipt.kiosk_unknown" (from a kiosk this one
    // has no key for), "receipt.not_found" or "receipt.mismatch" (signed here, but no record matches:
    // the staff must look at it), "receipt.unavailable" (this kiosk cannot check receipts now).
    std::string verdict;
    std::string number;
    std::string kioskId;
    std::chrono::sys_seconds issuedAt{};
    bool issuedHere = false;
    std::optional<ReceiptProgress> progress;  // known for the receipts this kiosk issued
    bool checkedAtDesk = false;               // staff at this office have checked the documents
    std::string reasonCode;                   // Returned or Refused: the server's code
    bool valid() const { return verdict == "valid"; }
    static ReceiptStatus because(std::string verdict) {
        ReceiptStatus out;
        out.verdict = std::move(verdict);
        return out;
    }
    friend bool operator==(const ReceiptStatus&, const ReceiptStatus&) = default;
};

inline constexpr std::size_t kPinMaxDigits = 8;
inline constexpr std::size_t kPinMinDigits = 4;
inline constexpr std::size_t kBadgeMaxLength = 64;

// The kiosk's answer to a badge and a PIN.
struct StaffAnswer {
    enum class Outcome { SignedIn, WrongPin, UnknownBadge, Locked, Unavailable };
    Outcome outcome = Outcome::Unavailable;
    std::string staffId;            // SignedIn
    std::string displayName;        // SignedIn
    std::string role;               // SignedIn: "officer", "supervisor", "admin"
    int triesLeft = 0;              // WrongPin: before the badge is locked
    int lockedMinutes = 0;          // Locked: until it may try again, rounded up
    QueueFigures queue;             // SignedIn
    std::vector<WorkRow> worklist;  // SignedIn: complaints first, then oldest first
    friend bool operator==(const StaffAnswer&, const StaffAnswer&) = default;
};

struct FlowSettings {
    std::chrono::seconds idleTimeout{60};        // on the visitor's screens
    std::chrono::seconds staffIdleTimeout{30};   // the PIN screen resets without asking
    std::chrono::seconds staffSessionIdle{180};  // signed in: then the warning, then sign-out
    std::chrono::seconds countdown{20};          // how long "need more time?" waits for an answer
    std::chrono::milliseconds settle{500};       // a new view ignores taps this long
    Language home = kDefaultLanguage;            // the language between visitors
    std::chrono::minutes utcOffset{7 * 60};      // the kiosk's zone (WIB): its calendar day, the times staff see
    std::chrono::seconds conditionEvery{2};      // the maintenance screen's figures are read again this often
    core::AgePolicy agePolicy;                   // minimum ages by destination and sector
    Catalogue catalogue;                         // regions and official job openings
    friend bool operator==(const FlowSettings&, const FlowSettings&) = default;
};

// "Need more time?" over the current screen.
struct Countdown {
    Instant endsAt{};
    int secondsLeft = 0;  // rounded up: what the dialog shows
    friend bool operator==(const Countdown&, const Countdown&) = default;
};

struct FlowState {
    FlowSettings settings;
    Screen screen = AttractScreen{};
    ViewId view = 0;
    Instant shownAt{};       // when `view` appeared
    Instant lastActivity{};  // the last touch, key or scan that the visit took in
    std::optional<Countdown> countdown;
    Visit visit;
    std::optional<SavedRegistration> saved;
    std::optional<ReceiptStatus> receiptStatus;   // on the status screen
    std::string problem;                          // why "next" did not go on: a code the screen turns into words
    Date today{std::chrono::year{2026} / 1 / 1};  // the kiosk's local calendar day, from the Tick
    SecretText staffPin;
    std::string staffBadge;                    // the badge scanned on the PIN screen
    std::optional<StaffAnswer> staffAnswer;    // the last answer; SignedIn while someone is signed in
    std::optional<RecordView> record;          // the record a staff member has open
    DecisionDraft draft;                       // their decision on it, until it is recorded
    std::string notice;                        // the staff home's news: "staff.decision_saved"
    WorkView work;                             // the worklist's filter and page
    std::optional<core::DayReport> dayReport;  // on the report screen: figures only, nothing personal
    std::size_t reportPage = 0;                // of the report on screen; the screen stops at its last
    std::optional<KioskCondition> condition;   // on the maintenance screens
    Instant conditionAt{};                     // when it was last asked for
    std::optional<PartTest> partTest;          // on a device's test screen
    std::optional<ExportDone> exported;        // the maintenance screen's news of an export
    friend bool operator==(const FlowState&, const FlowState&) = default;
};

// The state a kiosk starts in, and returns to between visitors.
FlowState startState(const FlowSettings& settings);

// What a tap on a control asks for; the screens' draw functions return these.
struct StartTapped {};
struct LanguageTapped {  // a language button on any screen
    Language language;
};
struct BackTapped {};
struct NextTapped {};
struct KeyTapped {  // a key of the on-screen keyboard: '0'..'9', 'A'..'Z', space, '-', '\''
    char key = '0';
};
struct RegisterTapped {};  // the menu's "register"
struct StatusTapped {};    // the menu's "check my status"
struct ReturnTapped {};    // the menu's "I have come home": the returnee's check-in
struct ChoiceTapped {      // an option of a choice step, or a chip of a several-of step
    std::size_t index = 0;
};
struct ConsentTapped {  // 0: the mandatory purpose, 1 and 2: the optional ones
    std::size_t purpose = 0;
};
struct DocumentTapped {  // one of the eight documents set to a state
    std::size_t index = 0;
    core::DocumentState state = core::DocumentState::NotYet;
};
struct SkipTapped {};    // "I do not have it yet"
struct RetakeTapped {};  // take the photo again
struct EditTapped {      // on the review: change this section
    int section = 1;
};
struct SubmitTapped {};
struct DoneTapped {};  // the receipt or the under-age screen: finished, the next person may come
struct DeleteTapped {};
struct StayTapped {};    // "Ya, saya masih di sini"
struct ListenTapped {};  // "Dengarkan lagi"
struct SignInTapped {};
struct SignOutTapped {};
struct CancelTapped {};
struct WorkTapped {  // a record of the worklist, by its place in the list shown
    std::size_t index = 0;
};
struct ReviewTapped {  // on an open record: mark this one of the eight documents
    std::size_t index = 0;
};
struct DecideTapped {  // on an open record: approve, return, reject or refer
    core::DecisionKind kind = core::DecisionKind::Approve;
};
struct FilterTapped {  // the worklist narrowed to these records, from its first page
    WorkFilter filter = WorkFilter::All;
};
struct PageTapped {  // the worklist's next or previous page, of as many rows as the screen fits
    bool forward = true;
    std::size_t perPage = 1;
};
struct ReportTapped {};       // the staff home's "today's report"
struct PrintTapped {};        // the report screen's "print"
struct MaintenanceTapped {};  // the staff home's "maintenance": admins only
struct PartTapped {           // the maintenance screen's test of one device
    Part part = Part::Camera;
};
struct SyncNowTapped {};  // the maintenance screen's "sync now"
struct ExportTapped {};   // the maintenance screen's "export to USB"
using Action =
    std::variant<StartTapped, LanguageTapped, BackTapped, NextTapped, KeyTapped, DeleteTapped, StayTapped, ListenTapped,
                 SignInTapped, CancelTapped, RegisterTapped, ChoiceTapped, ConsentTapped, DocumentTapped, SkipTapped,
                 RetakeTapped, EditTapped, SubmitTapped, DoneTapped, StatusTapped, SignOutTapped, ReturnTapped,
                 WorkTapped, ReviewTapped, DecideTapped, FilterTapped, PageTapped, ReportTapped, PrintTapped,
                 MaintenanceTapped, PartTapped, SyncNowTapped, ExportTapped>;

// A finished tap: the view the finger went down on, when it lifted, and what it hit.
struct Tap {
    ViewId view = 0;
    Instant at{};
    Action action;
};
// The main loop's heartbeat: time passes even when nobody touches the screen.
struct Tick {
    Instant now{};
    std::optional<Date> today = std::nullopt;  // the local calendar day, when the app knows it
};
// Text from a keyboard (a scenario script's "type"): goes to the field of the current screen.
struct KeysTyped {
    Instant at{};
    std::string text;
};
// Device input: a code or an MRZ fills the scan step on screen; elsewhere it only shows that
// someone is there.
struct CodeScanned {
    Instant at{};
    std::string text;
};
struct MrzScanned {
    Instant at{};
    std::vector<std::string> lines;
};
// The hidden long press in the staff corner.
struct StaffGesture {
    Instant at{};
};
// The camera took a face photo that passed the quality checks (the app keeps the JPEG).
struct PhotoTaken {
    Instant at{};
};
// The app's answers to the flow's commands.
struct NikLookedUp {
    Instant at{};
    bool pendingHere = false;
};
struct RegistrationSaved {
    Instant at{};
    SavedRegistration saved;
};
struct SaveFailed {
    Instant at{};
    std::string code;  // "store.disk_full", ...: the review says it in words, nothing is lost
};
struct ReceiptPrinted {
    Instant at{};
    bool ok = false;
};
struct ReceiptLookedUp {
    Instant at{};
    ReceiptStatus status;
};
struct StaffAnswered {
    Instant at{};
    StaffAnswer answer;
};
// The record asked for by OpenRecord; none when it cannot be read ("staff.record_unavailable").
struct RecordOpened {
    Instant at{};
    std::optional<RecordView> record;
};
// The supervisor's badge and PIN checked for a sign-off (CheckSupervisor).
struct SupervisorAnswered {
    Instant at{};
    StaffAnswer answer;
};
// RecordDecision's answer: the decision is on disk with its outbox row and audit entry, or it is
// not there at all ("store.disk_full", "store.failed", "decision.already_decided").
struct DecisionRecorded {
    Instant at{};
    bool ok = false;
    std::string code;
    QueueFigures queue;  // ok: the queue and the worklist as they are now
    std::vector<WorkRow> worklist;
};
// CaptureDocument's answer: the picture is kept, or why not ("document.blurry", "document.too_dark",
// "document.too_bright", "document.no_picture").
struct DocumentCaptured {
    Instant at{};
    std::size_t index = 0;
    bool ok = false;
    std::string code;
};
// MakeDayReport's answer: none when the figures cannot be read ("staff.report_unavailable").
struct DayReportMade {
    Instant at{};
    std::optional<core::DayReport> report;
};
// PrintDayReport's answer.
struct DayReportPrinted {
    Instant at{};
    bool ok = false;
};
// CheckKiosk's answer.
struct KioskChecked {
    Instant at{};
    KioskCondition condition;
};
// PrintTestPage's answer: printed, or the printer's problem ("print.failed", "print.no_printer").
struct TestPagePrinted {
    Instant at{};
    bool ok = false;
    std::string code;
};
// SyncNow's answer: the sync thread was woken, or there is none ("maintenance.sync_not_configured").
struct SyncRequested {
    Instant at{};
    bool ok = false;
    std::string code;
};
// ExportUnsent's answer: the bundle is on the stick, or why not ("export.no_media",
// "export.read_only", "export.media_full", "export.failed").
struct UnsentExported {
    Instant at{};
    bool ok = false;
    std::string code;
    ExportDone done;
};
using Event = std::variant<Tap, Tick, KeysTyped, CodeScanned, MrzScanned, StaffGesture, PhotoTaken, NikLookedUp,
                           RegistrationSaved, SaveFailed, ReceiptPrinted, ReceiptLookedUp, StaffAnswered, RecordOpened,
                           SupervisorAnswered, DecisionRecorded, DayReportMade, DayReportPrinted, DocumentCaptured,
                           KioskChecked, TestPagePrinted, SyncRequested, UnsentExported>;

// Commands for the app.
struct SpeakInstruction {  // read the current view's instruction aloud, interrupting any speech
    friend bool operator==(const SpeakInstruction&, const SpeakInstruction&) = default;
};
struct StopSpeaking {
    friend bool operator==(const StopSpeaking&, const StopSpeaking&) = default;
};
struct Beep {
    friend bool operator==(const Beep&, const Beep&) = default;
};
// Clear every buffer of the visit the app owns; the state that comes with it is already fresh.
struct Wipe {
    friend bool operator==(const Wipe&, const Wipe&) = default;
};
// Ask the store whether a registration with the typed NIK waits at this site (answer: NikLookedUp).
struct LookUpNik {
    friend bool operator==(const LookUpNik&, const LookUpNik&) = default;
};
// Write the visit's record from the state's form, a registration or a returnee's check-in as the
// form's journey says (answer: RegistrationSaved or SaveFailed), then print its receipt (answer:
// ReceiptPrinted).
struct SaveRegistration {
    friend bool operator==(const SaveRegistration&, const SaveRegistration&) = default;
};
struct PrintReceipt {
    friend bool operator==(const PrintReceipt&, const PrintReceipt&) = default;
};
// Count an under-age stop (nothing else about the person) and print the referral slip for staff.
struct RecordUnderAge {
    int minimumAge = core::kLegalMinimumAge;
    friend bool operator==(const RecordUnderAge&, const RecordUnderAge&) = default;
};
// Check a scanned receipt and find its record's progress (answer: ReceiptLookedUp).
struct LookUpReceipt {
    std::string text;  // the QR's text as scanned
    friend bool operator==(const LookUpReceipt&, const LookUpReceipt&) = default;
};
// Check a badge and a PIN (answer: StaffAnswered). The PIN leaves the state with this command.
struct CheckStaff {
    std::string badge;
    SecretText pin;
    friend bool operator==(const CheckStaff&, const CheckStaff&) = default;
};
// A signed-in staff member left: "staff.sign_out" (tapped) or "staff.idle_sign_out".
struct StaffSignedOut {
    std::string staffId;
    std::string action;
    friend bool operator==(const StaffSignedOut&, const StaffSignedOut&) = default;
};
// Read a record of the worklist for a staff member (answer: RecordOpened).
struct OpenRecord {
    std::int64_t recordId = 0;
    friend bool operator==(const OpenRecord&, const OpenRecord&) = default;
};
// Check a supervisor's badge and PIN for a sign-off (answer: SupervisorAnswered).
struct CheckSupervisor {
    std::string badge;
    SecretText pin;
    friend bool operator==(const CheckSupervisor&, const CheckSupervisor&) = default;
};
// Write the decision the state holds (decisionOf(record, draft, staff)) with its outbox row and
// audit entry in one transaction, print a return's list for the applicant (answer:
// DecisionRecorded).
struct RecordDecision {
    friend bool operator==(const RecordDecision&, const RecordDecision&) = default;
};
// Keep what the camera sees now as the picture of document `index` (answer: DocumentCaptured).
struct CaptureDocument {
    std::size_t index = 0;
    friend bool operator==(const CaptureDocument&, const CaptureDocument&) = default;
};
// The end-of-day report of the kiosk's local today: figures from its database (answer:
// DayReportMade).
struct MakeDayReport {
    friend bool operator==(const MakeDayReport&, const MakeDayReport&) = default;
};
// Print the report the state holds, in the staff's language (answer: DayReportPrinted).
struct PrintDayReport {
    friend bool operator==(const PrintDayReport&, const PrintDayReport&) = default;
};
// Gather the kiosk's condition for the maintenance screen (answer: KioskChecked). Reads only.
struct CheckKiosk {
    friend bool operator==(const CheckKiosk&, const CheckKiosk&) = default;
};
// Print the test receipt, audited as done by `staffId` (answer: TestPagePrinted).
struct PrintTestPage {
    std::string staffId;
    friend bool operator==(const PrintTestPage&, const PrintTestPage&) = default;
};
// Wake the sync thread now instead of at its planned time (answer: SyncRequested).
struct SyncNow {
    std::string staffId;
    friend bool operator==(const SyncNow&, const SyncNow&) = default;
};
// Write every unsent submission to a bundle on the removable medium mounted (answer:
// UnsentExported); audited with the count, nothing about the people in it.
struct ExportUnsent {
    std::string staffId;
    friend bool operator==(const ExportUnsent&, const ExportUnsent&) = default;
};
using Command =
    std::variant<SpeakInstruction, StopSpeaking, Beep, Wipe, LookUpNik, SaveRegistration, PrintReceipt, RecordUnderAge,
                 LookUpReceipt, CheckStaff, StaffSignedOut, OpenRecord, CheckSupervisor, RecordDecision, MakeDayReport,
                 PrintDayReport, CaptureDocument, CheckKiosk, PrintTestPage, SyncNow, ExportUnsent>;

struct Step {
    FlowState state;
    std::vector<Command> commands;
};

Step onEvent(const FlowState& now, const Event& event);

}  // namespace kiosk::flow
