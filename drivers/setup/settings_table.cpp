#include "drivers/setup/settings_table.h"

#include <cmath>
#include <cstdio>

namespace kiosk::drivers {

namespace {

template <class Items>
std::string list(const Items& items, bool quoted) {
    std::string out;
    for (const auto item : items) {
        if (!out.empty()) out += ", ";
        out += quoted ? "\"" + std::string(item) + "\"" : std::string(item);
    }
    return out;
}

}  // namespace

Error SettingsTable::error(const toml::node* node, const std::string& message) const {
    const toml::node* at = node ? node : table_;
    const auto line = at ? at->source().begin.line : 0;
    return Error{"devices.settings",
                 file_->string() + (line ? ":" + std::to_string(line) : "") + ": [" + name_ + "] " + message};
}

Error SettingsTable::missing(std::string_view key, std::string_view example) const {
    return error(nullptr, "needs " + std::string(key) + ", e.g. " + std::string(example));
}

Result<void> SettingsTable::onlyKeys(const std::vector<std::string_view>& known, std::string_view why) const {
    if (!table_) return {};
    for (const auto& [key, node] : *table_) {
        bool found = false;
        for (const auto k : known) found = found || key.str() == k;
        if (!found)
            return error(&node, "has no key \"" + std::string(key.str()) + "\"" +
                                    (why.empty() ? "" : " " + std::string(why)) + "; the keys are " +
                                    list(known, false));
    }
    return {};
}

Result<std::optional<std::string>> SettingsTable::text(std::string_view key, std::string_view example) const {
    const auto* n = node(key);
    if (!n) return std::optional<std::string>{};
    const auto* value = n->as_string();
    if (!value || value->get().empty())
        return error(n, std::string(key) + " must be a non-empty string, e.g. " + std::string(example));
    return std::optional<std::string>{value->get()};
}

Result<std::optional<std::filesystem::path>> SettingsTable::path(std::string_view key, std::string_view example) const {
    auto value = text(key, example);
    if (!value) return value.error();
    if (!*value) return std::optional<std::filesystem::path>{};
    std::filesystem::path p(**value);
    if (p.is_relative() && file_->has_parent_path()) p = file_->parent_path() / p;
    return std::optional<std::filesystem::path>{p};
}

Result<std::optional<std::int64_t>> SettingsTable::integer(std::string_view key, std::int64_t min, std::int64_t max,
                                                           std::int64_t example) const {
    const auto* n = node(key);
    if (!n) return std::optional<std::int64_t>{};
    const auto value = n->value_exact<std::int64_t>();
    if (!value || *value < min || *value > max)
        return error(n, std::string(key) + " must be an integer from " + std::to_string(min) + " to " +
                            std::to_string(max) + ", e.g. " + std::string(key) + " = " + std::to_string(example));
    return std::optional<std::int64_t>{*value};
}

Result<std::optional<double>> SettingsTable::number(std::string_view key, double min, double max,
                                                    std::string_view example) const {
    const auto* n = node(key);
    if (!n) return std::optional<double>{};
    std::optional<double> value;
    if (const auto i = n->value_exact<std::int64_t>()) value = static_cast<double>(*i);
    if (const auto d = n->value_exact<double>()) value = *d;
    if (!value || !std::isfinite(*value) || *value < min || *value > max) {
        char range[64];
        std::snprintf(range, sizeof range, "%g to %g", min, max);
        return error(n, std::string(key) + " must be a number from " + range + ", e.g. " + std::string(key) + " = " +
                            std::string(example));
    }
    return value;
}

Result<std::optional<bool>> SettingsTable::boolean(std::string_view key) const {
    const auto* n = node(key);
    if (!n) return std::optional<bool>{};
    const auto value = n->value_exact<bool>();
    if (!value) return error(n, std::string(key) + " must be true or false, e.g. " + std::string(key) + " = true");
    return std::optional<bool>{*value};
}

Result<std::optional<std::chrono::milliseconds>> SettingsTable::milliseconds(std::string_view key, std::int64_t min,
                                                                             std::int64_t max,
                                                                             std::int64_t example) const {
    auto value = integer(key, min, max, example);
    if (!value) return value.error();
    if (!*value) return std::optional<std::chrono::milliseconds>{};
    return std::optional<std::chrono::milliseconds>{std::chrono::milliseconds(**value)};
}

Result<std::optional<std::string>> SettingsTable::choice(std::string_view key,
                                                         std::initializer_list<std::string_view> choices) const {
    const auto* n = node(key);
    if (!n) return std::optional<std::string>{};
    const auto* value = n->as_string();
    if (value)
        for (const auto c : choices)
            if (value->get() == c) return std::optional<std::string>{value->get()};
    return error(n, std::string(key) + " must be one of " + list(choices, true) + ", e.g. " + std::string(key) +
                        " = \"" + std::string(*choices.begin()) + "\"");
}

}  // namespace kiosk::drivers
