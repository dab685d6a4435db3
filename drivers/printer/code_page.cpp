#include "drivers/printer/code_page.h"

#include <array>
#include <cstdint>
#include <optional>

namespace kiosk::drivers {

namespace {

// WPC1252 bytes 0x80..0x9F; 0 where the table has no character.
constexpr std::array<char32_t, 32> kHighBlock = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                                 0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::optional<unsigned char> wpc1252Byte(char32_t c) {
    if (c == U'\t') return static_cast<unsigned char>(' ');
    if (c >= 0x20 && c < 0x7F) return static_cast<unsigned char>(c);
    if (c >= 0xA0 && c <= 0xFF) return static_cast<unsigned char>(c);
    for (std::size_t i = 0; i < kHighBlock.size(); ++i)
        if (kHighBlock[i] != 0 && kHighBlock[i] == c) return static_cast<unsigned char>(0x80 + i);
    return std::nullopt;
}

// Decodes one UTF-8 character at the front of `s`; nullopt (and one byte consumed) when the
// bytes are not well-formed UTF-8: overlong forms, surrogates and values past U+10FFFF included.
std::optional<char32_t> decodeOne(std::string_view& s) {
    const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(s[i]); };
    const std::uint8_t lead = byte(0);
    std::size_t length = 0;
    char32_t c = 0;
    char32_t minimum = 0;
    if (lead < 0x80) {
        s.remove_prefix(1);
        return lead;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2, c = lead & 0x1Fu, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, c = lead & 0x0Fu, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, c = lead & 0x07u, minimum = 0x10000;
    } else {
        s.remove_prefix(1);
        return std::nullopt;
    }
    if (s.size() < length) {
        s.remove_prefix(1);
        return std::nullopt;
    }
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80) {
            s.remove_prefix(1);
            return std::nullopt;
        }
        c = (c << 6) | (byte(i) & 0x3Fu);
    }
    if (c < minimum || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        s.remove_prefix(1);
        return std::nullopt;
    }
    s.remove_prefix(length);
    return c;
}

void appendUtf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

}  // namespace

std::string toWpc1252(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    while (!utf8.empty()) {
        const auto c = decodeOne(utf8);
        if (c && *c >= 0x300 && *c <= 0x36F) continue;
        const auto b = c ? wpc1252Byte(*c) : std::nullopt;
        out.push_back(static_cast<char>(b.value_or('?')));
    }
    return out;
}

char32_t wpc1252Char(unsigned char byte) {
    if (byte < 0x20 || byte == 0x7F) return U'?';
    if (byte >= 0x80 && byte < 0xA0) return kHighBlock[byte - 0x80u] ? kHighBlock[byte - 0x80u] : U'?';
    return byte;
}

std::string fromWpc1252(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    for (const char ch : bytes) appendUtf8(out, wpc1252Char(static_cast<unsigned char>(ch)));
    return out;
}

}  // namespace kiosk::drivers
