#pragma once
// Province names by the two-digit code that opens a NIK. The table ships in
// assets/regions/provinces.tsv and is compiled in; the full regency and district table is master
// data that arrives later by sync.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/base/result.h"

namespace kiosk::core {

class ProvinceTable {
public:
    // Lines "CODE<TAB>Name"; '#' starts a comment line; blank lines are skipped.
    static Result<ProvinceTable> parse(std::string_view text);
    // The table shipped with the kiosk.
    static const ProvinceTable& builtIn();

    std::optional<std::string_view> name(std::string_view code) const;
    std::size_t size() const { return names_.size(); }

private:
    std::map<std::string, std::string, std::less<>> names_;
};

}  // namespace kiosk::core
