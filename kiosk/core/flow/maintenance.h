#pragma once
// What the maintenance screen shows of the kiosk, and what its tests found: values the app
// gathers (KioskCondition) and the flow keeps while an admin has the screen open. Ids, codes,
// counts and times only: nothing about a visitor is ever in here.

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::flow {

// What the kiosk's queue holds, for the staff: numbers only.
struct QueueFigures {
    std::int64_t unsent = 0;
    std::int64_t acknowledged = 0;
    std::int64_t rejected = 0;
    std::optional<std::int64_t> oldestUnsentMinutes;
    std::int64_t underAgeStops = 0;
    friend bool operator==(const QueueFigures&, const QueueFigures&) = default;
};

// The devices a technician can test, in the order the screen lists them.
enum class Part { Camera, CodeScanner, MrzReader, ReceiptPrinter };
inline constexpr std::array<Part, 4> kParts{Part::Camera, Part::CodeScanner, Part::MrzReader, Part::ReceiptPrinter};
// "camera", "code_scanner", "mrz_reader", "receipt_printer": the devices' own component codes.
std::string_view partCode(Part part);
// "camera", "scanner", "mrz", "printer": in the names of screens and controls ("test-scanner").
std::string_view partName(Part part);

struct PartCondition {
    Part part = Part::Camera;
    std::string state = "not_fitted";  // "ready", "degraded", "failed" or "not_fitted"
    bool required = false;             // the site cannot serve without it
    std::string detail;                // the device's last error in the driver's words
    friend bool operator==(const PartCondition&, const PartCondition&) = default;
};

// The sync thread's last word, as times on the wall clock.
struct SyncCondition {
    bool configured = false;                              // the server's address and keys are known: the kiosk sends
    std::optional<std::chrono::sys_seconds> lastSent;     // the last upload the server took
    std::optional<std::chrono::sys_seconds> lastFailed;   // the last upload or pull that failed
    std::optional<std::chrono::sys_seconds> nextTry;      // when unsent records go next
    std::optional<std::chrono::sys_seconds> pausedUntil;  // the server refused this kiosk
    std::string lastFailure;                              // what went wrong, in the sync thread's words
    friend bool operator==(const SyncCondition&, const SyncCondition&) = default;
};

// A removable medium mounted now: where, and whether the kiosk may write to it.
struct MediumCondition {
    std::string mountPoint;
    bool writable = false;
    std::optional<std::uint64_t> freeBytes;
    friend bool operator==(const MediumCondition&, const MediumCondition&) = default;
};

// A warning or an error the kiosk met: its code (the screen has words for the ones it knows) and
// the operator's detail.
struct LoggedProblem {
    std::chrono::sys_seconds at{};
    std::string code;
    std::string detail;
    friend bool operator==(const LoggedProblem&, const LoggedProblem&) = default;
};

struct KioskCondition {
    std::string version;
    std::string kioskId;
    std::string siteId;
    std::vector<PartCondition> parts;  // one a Part, in kParts order
    QueueFigures queue;
    SyncCondition sync;
    std::optional<std::uint64_t> diskFree;  // where the database lives
    std::optional<std::uint64_t> diskTotal;
    std::vector<MediumCondition> media;
    bool mediaUnknown = false;            // the mount table could not be read
    std::vector<LoggedProblem> problems;  // the newest first
    friend bool operator==(const KioskCondition&, const KioskCondition&) = default;
};

// The condition of `part`; a part the app did not report is not fitted.
PartCondition partOf(const KioskCondition& condition, Part part);

// A live test of a camera, scanner or MRZ reader: what came in since the test screen opened.
struct PartTest {
    enum class Outcome { Waiting, Passed, Failed };
    Part part = Part::Camera;
    Outcome outcome = Outcome::Waiting;
    std::size_t characters = 0;  // the scanner's code's length (its text is not kept)
    bool testPage = false;       // the code was the QR of the kiosk's own test receipt
    std::string format;          // an MRZ's format: "TD3", ...
    static PartTest waitingFor(Part part) {
        PartTest test;
        test.part = part;
        return test;
    }
    friend bool operator==(const PartTest&, const PartTest&) = default;
};

// The QR text a test receipt starts with: scanning it proves printer and scanner end to end.
inline constexpr std::string_view kTestPagePrefix = "LOKET-PRINT-TEST ";

// A bundle written for the USB stick.
struct ExportDone {
    std::int64_t count = 0;
    std::string file;  // its name on the stick
    friend bool operator==(const ExportDone&, const ExportDone&) = default;
};

}  // namespace kiosk::flow
