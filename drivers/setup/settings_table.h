#pragma once
// Reads one table of the [devices] settings with toml++, naming the file, the line and the form a
// key takes in every error ("devices.settings"). Private to drivers/setup.

#include <toml++/toml.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/result.h"

namespace kiosk::drivers {

class SettingsTable {
public:
    // `table` may be null: every key is then missing. `name` is shown in brackets: "devices.printer".
    SettingsTable(const std::filesystem::path& file, const toml::table* table, std::string name)
        : file_(&file), table_(table), name_(std::move(name)) {}

    // "FILE:LINE: [NAME] message", the line of `node` (or of the table when null).
    Error error(const toml::node* node, const std::string& message) const;
    // Every key must be one of `known`: a misspelt key would otherwise be silently ignored.
    // `why` follows the list ("for backend \"simulated\"").
    Result<void> onlyKeys(const std::vector<std::string_view>& known, std::string_view why = {}) const;

    Result<std::optional<std::string>> text(std::string_view key, std::string_view example) const;
    // A non-empty string naming a file or folder; relative to the settings file's folder.
    Result<std::optional<std::filesystem::path>> path(std::string_view key, std::string_view example) const;
    Result<std::optional<std::int64_t>> integer(std::string_view key, std::int64_t min, std::int64_t max,
                                                std::int64_t example) const;
    Result<std::optional<double>> number(std::string_view key, double min, double max, std::string_view example) const;
    Result<std::optional<bool>> boolean(std::string_view key) const;
    Result<std::optional<std::chrono::milliseconds>> milliseconds(std::string_view key, std::int64_t min,
                                                                  std::int64_t max, std::int64_t example) const;
    // One of `choices`, e.g. backend = "simulated".
    Result<std::optional<std::string>> choice(std::string_view key,
                                              std::initializer_list<std::string_view> choices) const;
    // "[NAME] needs KEY, e.g. EXAMPLE", at the table's line.
    Error missing(std::string_view key, std::string_view example) const;

    const toml::node* node(std::string_view key) const { return table_ ? table_->get(key) : nullptr; }
    const toml::table* table() const { return table_; }
    const std::filesystem::path& file() const { return *file_; }

private:
    const std::filesystem::path* file_;
    const toml::table* table_;
    std::string name_;
};

// Keeps every error of a run of reads, so that a reader can take key after key, check once, and
// report all that is wrong with its table at once (a line each):
//
//   Mistakes e;
//   e.take(t.integer("baud", 1200, 921600, 9600), [&](std::int64_t v) { port.baud = unsigned(v); });
//   if (e) return *e;
class Mistakes {
public:
    template <class T, class Set>
    void take(Result<std::optional<T>> value, Set set) {
        if (!value)
            errors_.push_back(value.error());
        else if (*value)
            set(**value);
    }
    void take(Result<void> done) {
        if (!done) errors_.push_back(done.error());
    }
    explicit operator bool() const { return !errors_.empty(); }
    // The first error's code, and every error's detail on a line of its own.
    Error operator*() const {
        Error joined{errors_.front().code, {}};
        for (const auto& e : errors_) joined.detail += (joined.detail.empty() ? "" : "\n") + e.detail;
        return joined;
    }

private:
    std::vector<Error> errors_;
};

}  // namespace kiosk::drivers
