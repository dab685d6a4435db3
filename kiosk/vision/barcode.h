#pragma once
// What the camera's barcode reader reports: the symbologies the kiosk reads from documents and
// receipts, and one decoded code with where it was seen. Plain values, shared by every thread.

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::vision {

// The symbologies screens ask for: the receipt and KK QR codes, ID-card PDF417, DataMatrix and
// Aztec on travel and parcel documents, Code 128 on forms.
enum class BarcodeFormat : std::uint8_t { QrCode, Pdf417, DataMatrix, Aztec, Code128 };

inline constexpr std::array<BarcodeFormat, 5> kAllBarcodeFormats = {BarcodeFormat::QrCode, BarcodeFormat::Pdf417,
                                                                    BarcodeFormat::DataMatrix, BarcodeFormat::Aztec,
                                                                    BarcodeFormat::Code128};

// A set of formats; a screen asks only for what it can use, which also makes decoding faster.
class BarcodeFormats {
public:
    constexpr BarcodeFormats() = default;
    constexpr BarcodeFormats(std::initializer_list<BarcodeFormat> formats) {
        for (const auto f : formats) bits_ |= bit(f);
    }
    static constexpr BarcodeFormats all() {
        BarcodeFormats set;
        for (const auto f : kAllBarcodeFormats) set.bits_ |= bit(f);
        return set;
    }

    constexpr bool contains(BarcodeFormat f) const { return (bits_ & bit(f)) != 0; }
    constexpr bool empty() const { return bits_ == 0; }
    constexpr void insert(BarcodeFormat f) { bits_ |= bit(f); }
    friend constexpr bool operator==(BarcodeFormats, BarcodeFormats) = default;

private:
    static constexpr std::uint8_t bit(BarcodeFormat f) {
        return static_cast<std::uint8_t>(1U << static_cast<unsigned>(f));
    }
    std::uint8_t bits_ = 0;
};

// The names ZXing gives the formats ("QRCode", "PDF417", "DataMatrix", "Aztec", "Code128"), used in
// kioskctl's JSON, the manifests of generated images and the scanner scripts.
std::string_view barcodeFormatName(BarcodeFormat f);
std::optional<BarcodeFormat> barcodeFormatFromName(std::string_view name);

struct PixelPoint {
    int x = 0;
    int y = 0;
    friend bool operator==(const PixelPoint&, const PixelPoint&) = default;
};

struct Barcode {
    BarcodeFormat format = BarcodeFormat::QrCode;
    // The content as ZXing renders it in UTF-8 (valid UTF-8 whatever the symbol held) ...
    std::string text;
    // ... and the symbol's bytes as encoded, which may be any binary data.
    std::vector<std::uint8_t> bytes;
    // Corners in frame pixels: top-left, top-right, bottom-right, bottom-left of the symbol as read
    // (for the overlay that shows the person which code was taken).
    std::array<PixelPoint, 4> corners{};
};

}  // namespace kiosk::vision
