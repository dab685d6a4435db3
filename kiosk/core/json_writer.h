#pragma once
// A minimal JSON writer for the payloads the kiosk builds itself (registration, staff decision):
// their shape is fixed by docs/api.md, so members come out in the order they are written and
// only the strings need care. Strings are escaped here; control characters become \u00XX.
// Misuse (a member outside an object, an unclosed object) is the caller's bug: nothing checks it.

#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::core {

// `text` as a JSON string, quotes included: '"' and '\\' escaped, control characters as \u00XX.
std::string jsonQuoted(std::string_view text);

class JsonWriter {
public:
    void open();
    void close();
    void key(std::string_view k);
    void field(std::string_view k, std::string_view v);
    void field(std::string_view k, std::int64_t v);
    void boolean(std::string_view k, bool v);
    void null(std::string_view k);
    // An empty text is written as null.
    void optionalText(std::string_view k, std::string_view v);
    void object(std::string_view k);
    void array(std::string_view k);
    void endArray();
    void item(std::string_view v);
    void itemObject();
    std::string take() { return std::move(out_); }

private:
    void string(std::string_view s);
    std::string out_;
    bool first_ = true;
};

}  // namespace kiosk::core
