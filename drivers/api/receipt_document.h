#pragma once
// What a receipt says, independent of any printer: lines of text, a QR code, feeds and a cut.
// Backends turn it into ESC/POS bytes or into a picture of the paper.

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace kiosk::drivers {

enum class TextSize {
    Normal,
    Double,  // twice as wide and twice as tall: half as many characters fit on a line
};

enum class Alignment { Left, Centre };

struct TextLine {
    // UTF-8. Printed in the printer's code page; a character it lacks prints as '?', and control
    // characters never reach the printer as commands. A line longer than the paper wraps.
    std::string text;
    TextSize size = TextSize::Normal;
    bool bold = false;
    Alignment alignment = Alignment::Left;
};

struct QrCode {
    std::string payload;  // the exact bytes the QR carries (the receipt QR is plain ASCII)
    Alignment alignment = Alignment::Centre;
};

struct PaperFeed {
    int lines = 1;  // blank lines
};

// Feeds the paper past the cutter, then cuts (a partial cut leaves a hinge the person tears).
struct Cut {};

using ReceiptElement = std::variant<TextLine, QrCode, PaperFeed, Cut>;

struct ReceiptDocument {
    std::vector<ReceiptElement> elements;

    ReceiptDocument& add(ReceiptElement element) {
        elements.push_back(std::move(element));
        return *this;
    }
};

}  // namespace kiosk::drivers
