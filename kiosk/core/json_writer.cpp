#include "kiosk/core/json_writer.h"

#include <cstdio>

namespace kiosk::core {

std::string jsonQuoted(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", u);
            out += buf;
        } else {
            out += c;
        }
    }
    return out + '"';
}

void JsonWriter::open() {
    out_ += '{';
    first_ = true;
}

void JsonWriter::close() {
    out_ += '}';
    first_ = false;
}

void JsonWriter::key(std::string_view k) {
    if (!first_) out_ += ',';
    first_ = false;
    string(k);
    out_ += ':';
}

void JsonWriter::field(std::string_view k, std::string_view v) {
    key(k);
    string(v);
}

void JsonWriter::field(std::string_view k, std::int64_t v) {
    key(k);
    out_ += std::to_string(v);
}

void JsonWriter::boolean(std::string_view k, bool v) {
    key(k);
    out_ += v ? "true" : "false";
}

void JsonWriter::null(std::string_view k) {
    key(k);
    out_ += "null";
}

void JsonWriter::optionalText(std::string_view k, std::string_view v) {
    if (v.empty())
        null(k);
    else
        field(k, v);
}

void JsonWriter::object(std::string_view k) {
    key(k);
    open();
}

void JsonWriter::array(std::string_view k) {
    key(k);
    out_ += '[';
    first_ = true;
}

void JsonWriter::endArray() {
    out_ += ']';
    first_ = false;
}

void JsonWriter::item(std::string_view v) {
    if (!first_) out_ += ',';
    first_ = false;
    string(v);
}

void JsonWriter::itemObject() {
    if (!first_) out_ += ',';
    open();
}

void JsonWriter::string(std::string_view s) { out_ += jsonQuoted(s); }

}  // namespace kiosk::core
