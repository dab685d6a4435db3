#include "kiosk/receipt/test_page.h"

#include <ctime>

#include "kiosk/core/flow/maintenance.h"

namespace kiosk::receipt {
namespace {

// The operator's local time, as on the kiosk's other receipts.
std::string localTime(Clock::TimePoint t, const char* format) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
    std::tm local{};
    ::localtime_r(&seconds, &local);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, format, &local);
    return buffer;
}

}  // namespace

std::string testPageCode(std::string_view kioskId, Clock::TimePoint now) {
    return std::string(flow::kTestPagePrefix) + std::string(kioskId) + " " + localTime(now, "%Y%m%dT%H%M%S");
}

drivers::ReceiptDocument testPage(std::string_view kioskId, std::string_view backend, Clock::TimePoint now) {
    using namespace drivers;
    ReceiptDocument r;
    r.add(TextLine{"LOKET", TextSize::Double, true, Alignment::Centre});
    r.add(TextLine{"Tes printer berhasil", TextSize::Normal, true, Alignment::Centre});
    r.add(PaperFeed{1});
    r.add(TextLine{"Kiosk  : " + std::string(kioskId)});
    r.add(TextLine{"Waktu  : " + localTime(now, "%Y-%m-%d %H:%M:%S %Z")});
    r.add(TextLine{"Printer: " + std::string(backend)});
    r.add(TextLine{"ABCDEFGHIJKLMNOPQRSTUVWXYZ"});
    r.add(TextLine{"abcdefghijklmnopqrstuvwxyz 0123456789"});
    r.add(PaperFeed{1});
    r.add(QrCode{testPageCode(kioskId, now), Alignment::Centre});
    r.add(TextLine{"Pindai kode QR ini untuk menguji pemindai.", TextSize::Normal, false, Alignment::Centre});
    r.add(Cut{});
    return r;
}

}  // namespace kiosk::receipt
