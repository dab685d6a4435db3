#include "kiosk/core/province_table.h"

#include <cassert>

namespace kiosk::embedded {
extern const std::string_view kProvinceTable;
}

namespace kiosk::core {

namespace {

bool isTwoDigits(std::string_view s) {
    return s.size() == 2 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9';
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    return s;
}

}  // namespace

Result<ProvinceTable> ProvinceTable::parse(std::string_view text) {
    ProvinceTable table;
    std::size_t lineNo = 0;
    while (!text.empty()) {
        const auto end = text.find('\n');
        const auto line = trimmed(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        ++lineNo;
        if (line.empty() || line.front() == '#') continue;
        const auto tab = line.find('\t');
        const auto where = "line " + std::to_string(lineNo);
        if (tab == std::string_view::npos) return makeError("provinces.format", where + ": expected CODE<TAB>Name");
        const auto code = trimmed(line.substr(0, tab));
        const auto name = trimmed(line.substr(tab + 1));
        if (!isTwoDigits(code)) return makeError("provinces.code", where + ": code must be two digits");
        if (name.empty()) return makeError("provinces.name", where + ": name is empty");
        if (!table.names_.emplace(code, name).second)
            return makeError("provinces.duplicate", where + ": code " + std::string(code) + " twice");
    }
    if (table.names_.empty()) return makeError("provinces.empty", "no provinces in the table");
    return table;
}

const ProvinceTable& ProvinceTable::builtIn() {
    static const ProvinceTable table = [] {
        auto parsed = parse(embedded::kProvinceTable);
        // The shipped file is checked by a unit test; a broken one is a build defect.
        assert(parsed.ok());
        return parsed.ok() ? std::move(parsed).value() : ProvinceTable{};
    }();
    return table;
}

std::optional<std::string_view> ProvinceTable::name(std::string_view code) const {
    if (const auto it = names_.find(code); it != names_.end()) return it->second;
    return std::nullopt;
}

}  // namespace kiosk::core
