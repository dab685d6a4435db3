#pragma once
// The visitor's journeys (DOMAIN.md "Flows and fields") as data: registration (CPMI) and the
// returnee's check-in (purna PMI). Their steps are in the order a counter would take them, each
// with the kind of screen it is, the field it fills and the rule for "next". visit_flow.cpp
// drives them; the UI draws a step from its kind, so a step is one row of the table in
// registration.cpp plus its texts. Both journeys share the consent and the review; every other
// step belongs to one of them (applies()).
//
// The answers live in a RegistrationForm inside the visit: typed text in zeroing buffers, choices
// as indexes into option lists, so wiping the visit leaves nothing of the person behind.

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/date.h"
#include "kiosk/core/documents.h"
#include "kiosk/core/eligibility.h"
#include "kiosk/core/flow/secret_text.h"
#include "kiosk/core/placement.h"

namespace kiosk::flow {

enum class RegStep : std::uint8_t {
    Consent,
    Nik,
    Passport,
    FamilyCard,
    Photo,
    Checks,
    Name,
    BirthPlace,
    Marital,
    HomeRegion,
    Address,
    RtRw,
    Phone,
    KinName,
    KinPhone,
    Education,
    SmkMajor,
    School,
    GraduationYear,
    Skills,
    Experience,
    PreviousWork,
    Bpjs,
    Medical,
    Destination,
    Sector,
    Scheme,
    Opening,
    PromisedSalary,
    FeeAsked,
    Documents,
    // The returnee's check-in.
    ReturnNik,
    ReturnIdentify,
    ReturnName,
    ReturnRegion,
    ReturnPhone,
    ReturnChildren,
    ReturnCountry,
    ReturnCity,
    ReturnEmployer,
    ReturnAgency,
    ReturnPosition,
    ReturnContractStart,
    ReturnContractEnd,
    ReturnArrival,
    ReturnPort,
    ReturnReason,
    ReturnRights,
    ReturnComplaint,
    ReturnComplaintText,
    ReturnNeeds,
    ReturnInterests,
    Review,
};
inline constexpr std::size_t kRegSteps = static_cast<std::size_t>(RegStep::Review) + 1;

enum class StepKind {
    Consent,    // the purposes, the mandatory one and the optional ones
    Digits,     // a number on the keypad
    Letters,    // a name or a place on the letter keyboard
    Choice,     // one of a list
    Chips,      // several of a list
    Scan,       // a document held to the reader or the camera
    Camera,     // the face photo
    Checks,     // the automatic checks, in plain words
    Documents,  // the eight Art. 13 documents
    Review,     // everything at once, each part with "change"
};

enum class TextField : std::uint8_t {
    Nik,
    Name,
    BirthPlace,
    Address,
    RtRw,
    Phone,
    KinName,
    KinPhone,
    SmkMajor,
    School,
    GraduationYear,
    Bpjs,
    PromisedSalary,
    FeeAsked,
    WorkCity,
    Employer,
    Agency,
    Position,
    ContractStart,  // MMYYYY
    ContractEnd,    // MMYYYY
    ArrivalDate,    // DDMMYYYY
    ComplaintText,
};
inline constexpr std::size_t kTextFields = static_cast<std::size_t>(TextField::ComplaintText) + 1;

enum class ChoiceField : std::uint8_t {
    Marital,
    HomeRegion,
    Education,
    Experience,
    PreviousWork,
    Medical,
    Destination,
    Sector,
    Scheme,
    Opening,
    WorkCountry,
    ArrivalPort,
    ReturnReason,
    Complaint,
    Children,
};
inline constexpr std::size_t kChoiceFields = static_cast<std::size_t>(ChoiceField::Children) + 1;

// The lists of which a step may tick several.
enum class ChipField : std::uint8_t {
    Skills,     // certificates and languages
    Rights,     // rights not honoured abroad
    Needs,      // health, transport, shelter
    Interests,  // what the returnee wants to do next
};
inline constexpr std::size_t kChipFields = static_cast<std::size_t>(ChipField::Interests) + 1;

enum class Journey : std::uint8_t { Registration, Returnee };

// What the step indicator counts: "Langkah 5 dari 8". Both journeys have eight sections, the
// review last.
inline constexpr int kSections = 8;

struct StepSpec {
    RegStep step;
    StepKind kind;
    int section;            // 1..kSections
    std::string_view name;  // "nik": scenario scripts, screenshot names, i18n keys "reg.nik.title"
    std::optional<TextField> text;
    std::optional<ChoiceField> choice;
    std::optional<ChipField> chips;
    std::size_t minLength = 0;  // for text steps
    std::size_t maxLength = 0;
    bool skippable = false;  // the step has a second button ("I do not have one yet")
    std::optional<Journey> journey;  // the journey it belongs to; both for the consent and the review
};

const StepSpec& specOf(RegStep step);
std::span<const StepSpec> allSteps();
std::optional<RegStep> stepNamed(std::string_view name);

// Options of the choice steps whose list is fixed: codes, each with a text "option.<code>".
// The regions and the job openings come from the server's catalogues (Catalogue below).
std::span<const std::string_view> fixedOptions(ChoiceField field);
// The chips of a several-of step, each with a text "option.<code>". The skills are certificate
// codes as in the job-openings catalogue ("cert.caregiver") and languages ("lang.zh").
std::span<const std::string_view> chipOptions(ChipField field);
inline std::span<const std::string_view> skillOptions() { return chipOptions(ChipField::Skills); }
// Every option code any list can show, for the catalogue completeness test.
std::vector<std::string_view> allOptionCodes();

// Destinations as the catalogue names them (ISO 3166 alpha-2) and as an MRZ and the age rules
// name them (alpha-3).
std::string_view alpha3Of(std::string_view alpha2);

// The parts of the server's catalogues the journey shows (the app reads them from the signed
// documents the kiosk keeps, and gives only the openings still valid).
struct Catalogue {
    std::vector<core::Regency> regions;
    std::vector<core::JobOpening> openings;
    std::vector<core::TrainingProgramme> training;
    friend bool operator==(const Catalogue&, const Catalogue&) = default;
};

struct Consent {
    bool registration = false;     // mandatory: registration and placement protection
    bool updates = false;          // optional: news about openings and training by SMS
    bool trainingReferral = false;  // optional: the name and phone go to training providers
    friend bool operator==(const Consent&, const Consent&) = default;
};
// The consent text's version; the app hashes the exact text shown.
inline constexpr std::string_view kConsentVersion = "2026-11";

struct RegistrationForm {
    Journey journey = Journey::Registration;
    Consent consent;
    std::array<LongSecretText, kTextFields> texts;
    std::array<std::optional<std::uint16_t>, kChoiceFields> choices;
    std::array<std::bitset<32>, kChipFields> chips;
    LongSecretText passportMrz;  // the lines joined by '\n', after any correction
    CodeSecretText familyCard;   // the family card's QR text, kept as evidence
    CodeSecretText receiptCode;  // a returnee's registration receipt, scanned to identify them
    std::array<core::DocumentState, core::kAllDocuments.size()> documents{};
    std::bitset<kRegSteps> skipped;  // steps answered with "not yet"
    bool photoTaken = false;          // the JPEG itself is in the app's visit buffers
    bool nikPendingHere = false;      // the store knows a registration with this NIK waiting here
    std::optional<int> editingSection;  // came from the review to change this section

    std::string_view text(TextField f) const { return texts[static_cast<std::size_t>(f)].view(); }
    std::optional<std::uint16_t> choice(ChoiceField f) const { return choices[static_cast<std::size_t>(f)]; }
    const std::bitset<32>& ticked(ChipField f) const { return chips[static_cast<std::size_t>(f)]; }
    std::bitset<32>& ticked(ChipField f) { return chips[static_cast<std::size_t>(f)]; }
    friend bool operator==(const RegistrationForm&, const RegistrationForm&) = default;
};

// The options a choice step shows now: fixed ones, the regions, or the openings for the chosen
// destination and sector followed by "not in the list" (the empty code).
struct OptionList {
    std::vector<std::string> codes;   // option codes, region codes or opening ids
    std::vector<std::string> labels;  // catalogue names for regions and openings; empty for fixed options
};
OptionList optionsFor(ChoiceField field, const RegistrationForm& form, const Catalogue& catalogue);
// The code chosen for `field`, or empty.
std::string chosenCode(ChoiceField field, const RegistrationForm& form, const Catalogue& catalogue);
const core::JobOpening* chosenOpening(const RegistrationForm& form, const Catalogue& catalogue);

// An Indonesian mobile number as people write it: 08 and 10 to 13 digits in all.
bool isCompletePhone(std::string_view digits);

// Whether a step is asked at all for this form: only the steps of its journey, the SMK major only
// after SMK, the complaint's words only after a complaint's category.
bool applies(RegStep step, const RegistrationForm& form);
// Whether the step offers "I do not have it": a returnee may skip their NIK or the scan, not both.
bool canSkip(RegStep step, const RegistrationForm& form);

// A step's validation: nullopt when "next" may go on, else the problem's code for the screen
// ("nik.invalid", "phone.incomplete", "choice.none", ...).
std::optional<std::string> problemWith(RegStep step, const RegistrationForm& form, Date today);

// The automatic checks as they stand: NIK structure, MRZ check digits (a passport is only
// accepted when they pass), NIK against passport, age against the minimum for the chosen
// destination and sector, passport validity, a duplicate NIK pending here.
core::Eligibility checksFor(const RegistrationForm& form, const core::AgePolicy& policy, Date today,
                            const Catalogue& catalogue);

// The offer against the official openings (core::checkOffer, codes in placement.h), and
// "offer.not_listed" when the person's offer is not among them. Warnings for staff, explained to
// the person.
std::vector<core::Finding> offerFindings(const RegistrationForm& form, const Catalogue& catalogue, Date today);

// What the chosen opening needs that the person did not tick, with the training nearest home.
std::vector<core::TrainingSuggestion> missingSkills(const RegistrationForm& form, const Catalogue& catalogue,
                                                    Date today);

// The payload the server receives (docs/api.md §4, kind "registration", schema 1): every answer,
// the checks, the consent. JSON text; `photoBase64` is the JPEG, `consentSha256` the hash of the
// text shown, `createdAt` an ISO 8601 UTC time.
struct PayloadExtras {
    std::string photoBase64;
    std::string consentSha256;
    std::string createdAt;
    std::string kioskId;
    std::string siteId;
    // The pictures taken of the documents marked scanned, base64 JPEG, in core::kAllDocuments order
    // (empty for the others).
    std::array<std::string, core::kAllDocuments.size()> documentImagesBase64{};
};
std::string registrationPayload(const RegistrationForm& form, const Catalogue& catalogue, const core::AgePolicy& policy,
                                Date today, const PayloadExtras& extras);

// The returnee's check-in (kind "returnee_checkin", schema 1): who they are, where they worked, why
// and when they came back, what went wrong, what they need and want. JSON text.
std::string returneePayload(const RegistrationForm& form, const Catalogue& catalogue, Date today,
                            const PayloadExtras& extras);

// A complaint that staff must see first: a category other than "none".
bool hasComplaint(const RegistrationForm& form);

// The desks of the centre (PP 59/2021 Art. 31) a returnee's answers send them to, in the order to
// go: the complaints desk first when something went wrong, the employment desk when nothing else.
std::vector<core::Desk> returneeDesks(const RegistrationForm& form);

// The documents still missing, for the receipt.
std::vector<core::DocumentKind> missingDocuments(const RegistrationForm& form);

}  // namespace kiosk::flow
