#pragma once
// An ESC/POS printer on the network, raw TCP (port 9100, "JetDirect"). The address is numeric
// (IPv4 or IPv6): resolving a name could block the devices thread for as long as DNS likes.

#include <chrono>
#include <cstdint>
#include <string>

#include "drivers/printer/fd_printer_link.h"

namespace kiosk::drivers {

// Lives on the devices thread.
class TcpPrinterLink final : public FdPrinterLink {
public:
    TcpPrinterLink(std::string address, std::uint16_t port = 9100,
                   std::chrono::milliseconds connectTimeout = std::chrono::seconds(3), const Waker* waker = nullptr)
        : FdPrinterLink(waker, true), address_(std::move(address)), port_(port), connectTimeout_(connectTimeout) {}

    std::string describe() const override;

protected:
    Result<UniqueFd> connect() override;

private:
    std::string address_;
    std::uint16_t port_;
    std::chrono::milliseconds connectTimeout_;
};

}  // namespace kiosk::drivers
