#include "drivers/printer/usb_printer_link.h"

#include <fcntl.h>

#include <cerrno>

#include "drivers/posix/fd_io.h"

namespace kiosk::drivers {

Result<UniqueFd> UsbPrinterLink::connect() {
    UniqueFd fd{::open(device_.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)};
    if (!fd) return makeError("printer.open", "cannot open " + device_.string() + ": " + errnoText(errno));
    return fd;
}

}  // namespace kiosk::drivers
