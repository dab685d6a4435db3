#pragma once
// Draws a receipt document as the printer would print it: the same code page (so a character
// the printer lacks shows as '?'), the same columns and wrapping, the QR from the same matrix,
// at the printer's width in dots. On SDL software surfaces only; no window, no video driver.
//
// Fonts are opened by create(). SDL_ttf shares one FreeType library between all its users, so
// create and destroy a renderer on the thread that also opens the UI's fonts (the main thread,
// before the devices thread starts); drawing with fonts already open is safe on another thread.

#include <filesystem>
#include <memory>

#include "drivers/api/receipt_document.h"
#include "drivers/printer/receipt_geometry.h"
#include "kiosk/base/result.h"

namespace kiosk::drivers {

class ReceiptRenderer {
public:
    // `fontFile` empty: Noto Sans Mono, DejaVu Sans Mono or Noto Sans, the first installed
    // ("printer.font" when none is).
    static Result<ReceiptRenderer> create(ReceiptGeometry geometry, const std::filesystem::path& fontFile = {});
    ReceiptRenderer(ReceiptRenderer&&) noexcept;
    ReceiptRenderer& operator=(ReceiptRenderer&&) noexcept;
    ~ReceiptRenderer();

    // Writes a PNG `geometry.dotsWide` pixels wide ("printer.render", "qr.*").
    Result<void> renderPng(const ReceiptDocument& receipt, const std::filesystem::path& png) const;

private:
    struct Impl;
    explicit ReceiptRenderer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk::drivers
