#include "kiosk/receipt/receipt_printout.h"

#include <algorithm>

namespace kiosk::receipt {

using core::ReceiptStyle;

std::string fillPlaceholders(std::string_view pattern, const std::vector<std::pair<std::string, std::string>>& values) {
    std::string out;
    while (!pattern.empty()) {
        const auto open = pattern.find('{');
        const auto close = open == std::string_view::npos ? open : pattern.find('}', open);
        if (close == std::string_view::npos) break;
        out += pattern.substr(0, open);
        const auto name = pattern.substr(open + 1, close - open - 1);
        const auto value = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
        out += value == values.end() ? pattern.substr(open, close - open + 1) : std::string_view(value->second);
        pattern.remove_prefix(close + 1);
    }
    out += pattern;
    return out;
}

std::vector<ReceiptTextLine> receiptText(const core::ReceiptContent& content, const TextLookup& texts) {
    std::vector<ReceiptTextLine> out;
    for (const auto& line : content.lines) {
        ReceiptTextLine shown{line.style, {}};
        switch (line.style) {
        case ReceiptStyle::Number:
        case ReceiptStyle::Code: shown.text = line.literal; break;
        case ReceiptStyle::Gap: break;
        default: {
            std::vector<std::pair<std::string, std::string>> values;
            for (const auto& v : line.values) values.emplace_back(v.name, v.isKey ? texts(v.text) : v.text);
            shown.text = fillPlaceholders(texts(line.key), values);
            if (line.style == ReceiptStyle::Bullet) shown.text = "- " + shown.text;
        }
        }
        out.push_back(std::move(shown));
    }
    return out;
}

drivers::ReceiptDocument receiptDocument(const core::ReceiptContent& content, const TextLookup& texts) {
    using namespace drivers;
    ReceiptDocument paper;
    for (auto& line : receiptText(content, texts)) {
        switch (line.style) {
        case ReceiptStyle::Title:
        case ReceiptStyle::Number:
        case ReceiptStyle::Warning:
            paper.add(TextLine{std::move(line.text), TextSize::Double, true, Alignment::Centre});
            break;
        case ReceiptStyle::Centred:
            paper.add(TextLine{std::move(line.text), TextSize::Normal, false, Alignment::Centre});
            break;
        case ReceiptStyle::Code: paper.add(QrCode{std::move(line.text), Alignment::Centre}); break;
        case ReceiptStyle::Heading:
            paper.add(TextLine{std::move(line.text), TextSize::Normal, true, Alignment::Left});
            break;
        case ReceiptStyle::Body:
        case ReceiptStyle::Bullet: paper.add(TextLine{std::move(line.text)}); break;
        case ReceiptStyle::Gap: paper.add(PaperFeed{1}); break;
        }
    }
    paper.add(Cut{});
    return paper;
}

}  // namespace kiosk::receipt
