#pragma once
// The OCR-B characters of the MRZ as coverage maps, generated at build time from Debian's
// fonts-ocr-b by make_ocrb_glyphs. Private to kiosk/vision.

#include <string_view>
#include <vector>

namespace kiosk::vision {

struct OcrbGlyphs {
    int width;                       // one character's advance (the font is fixed pitch)
    int height;                      // the rows any character inks, the same for all
    std::string_view alphabet;       // "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<"
    std::vector<unsigned char> ink;  // alphabet.size() cells of width x height, 0 paper .. 255 ink
};

extern const OcrbGlyphs kOcrbGlyphs;

}  // namespace kiosk::vision
