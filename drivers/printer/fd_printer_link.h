#pragma once
// What the USB and TCP printer links share: one descriptor, opened on demand by the concrete
// link, written and read with deadlines, closed on any failure.

#include <chrono>
#include <optional>
#include <string>

#include "drivers/posix/unique_fd.h"
#include "drivers/posix/waker.h"
#include "drivers/printer/printer_link.h"

namespace kiosk::drivers {

// Lives on the devices thread.
class FdPrinterLink : public PrinterLink {
public:
    Result<void> open() override;
    Result<void> send(std::string_view bytes, std::chrono::milliseconds timeout) override;
    std::optional<std::uint8_t> ask(std::string_view request, std::chrono::milliseconds timeout) override;
    std::string lastError() const override { return lastError_; }
    bool connected() const { return static_cast<bool>(fd_); }

protected:
    FdPrinterLink(const Waker* waker, bool socket) : waker_(waker), socket_(socket) {}
    // Opens the device or connection; the detail of an error is plain words for staff.
    virtual Result<UniqueFd> connect() = 0;
    const Waker* waker() const { return waker_; }

private:
    void fail(std::string reason);
    void drainInput();

    const Waker* waker_;
    bool socket_;
    UniqueFd fd_;
    std::string lastError_;
};

}  // namespace kiosk::drivers
