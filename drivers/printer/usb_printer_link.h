#pragma once
// An ESC/POS printer through the kernel's USB printer class driver (/dev/usb/lp0). Status replies
// are read back from the same file; a printer without a back channel never answers, so turn
// status polling off for it (EscPosPrinterConfig::pollStatus).

#include <filesystem>

#include "drivers/printer/fd_printer_link.h"

namespace kiosk::drivers {

// Lives on the devices thread.
class UsbPrinterLink final : public FdPrinterLink {
public:
    explicit UsbPrinterLink(std::filesystem::path device, const Waker* waker = nullptr)
        : FdPrinterLink(waker, false), device_(std::move(device)) {}

    std::string describe() const override { return device_.string(); }

protected:
    Result<UniqueFd> connect() override;

private:
    std::filesystem::path device_;
};

}  // namespace kiosk::drivers
