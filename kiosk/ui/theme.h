#pragma once
// The kiosk's colours: calm, high contrast (text on its background is at least 7:1), and never
// the only signal: a selected choice also shows a mark and a word, a pressed button also moves.

#include <cstdint>

namespace kiosk::ui {

struct Color {
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;
    std::uint8_t a = 255;
    friend bool operator==(const Color&, const Color&) = default;
};

namespace colors {
inline constexpr Color kBackground{0xF4, 0xF6, 0xF5};
inline constexpr Color kInk{0x17, 0x1D, 0x1C};      // body text
inline constexpr Color kInkSoft{0x3B, 0x46, 0x44};  // secondary text, still > 9:1
inline constexpr Color kHeader{0x0E, 0x3B, 0x43};   // deep teal band
inline constexpr Color kOnHeader{0xFF, 0xFF, 0xFF};
inline constexpr Color kOnHeaderSoft{0xD4, 0xE7, 0xE6};
inline constexpr Color kPrimary{0x0B, 0x6B, 0x4F};  // the main action: white text, 6.6:1
inline constexpr Color kPrimaryPressed{0x07, 0x4A, 0x37};
inline constexpr Color kOnPrimary{0xFF, 0xFF, 0xFF};
inline constexpr Color kSurface{0xFF, 0xFF, 0xFF};  // secondary buttons
inline constexpr Color kSurfacePressed{0xDD, 0xE5, 0xE3};
inline constexpr Color kOutline{0x0E, 0x3B, 0x43};
inline constexpr Color kSelected{0xE1, 0xF1, 0xEC};  // with a check mark and a word
inline constexpr Color kNotice{0xFF, 0xF3, 0xD1};    // the "it is free" panel
inline constexpr Color kNoticeEdge{0xB7, 0x79, 0x00};
inline constexpr Color kNoticeInk{0x3A, 0x2A, 0x00};
inline constexpr Color kShadow{0x0E, 0x3B, 0x43, 0x30};
inline constexpr Color kError{0xA1, 0x1D, 0x1D};        // a field's problem, with a warning mark: 7.2:1
inline constexpr Color kErrorTint{0xFD, 0xEC, 0xEC};    // behind a field that has a problem
inline constexpr Color kScrim{0x0E, 0x1A, 0x1C, 0xB0};  // dims the screen behind a dialog or over a camera picture
inline constexpr Color kGuide{0xFF, 0xFF, 0xFF};        // camera guides, drawn over a dimmed picture
inline constexpr Color kQrDark{0x00, 0x00, 0x00};       // QR codes: pure black on white scans best
}  // namespace colors

}  // namespace kiosk::ui
