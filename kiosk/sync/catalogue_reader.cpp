#include "kiosk/sync/catalogue_reader.h"

#include <sodium.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

namespace kiosk::sync {

namespace {

using Json = nlohmann::json;
using core::Money;
using core::PayPeriod;

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }

bool allOf(std::string_view s, std::size_t size, bool (*test)(char)) {
    return s.size() == size && std::all_of(s.begin(), s.end(), test);
}

// Reads the members of one item, remembering the first thing wrong with it; every reading after
// that returns an empty value, so a caller reads all fields and checks `error` once at the end.
class Fields {
public:
    Fields(std::string code, std::string where) : code_(std::move(code)), where_(std::move(where)) {}

    void fail(std::string_view path, std::string_view what) {
        if (!error) error = Error{code_, where_ + ": " + std::string(path) + " " + std::string(what)};
    }

    // The member `key` of `object` (already known to be an object); nullptr, and an error when
    // `required`, where it is missing or null.
    const Json* member(const Json& object, std::string_view path, bool required = true) {
        const auto key = path.substr(path.rfind('.') + 1);
        const auto it = object.find(key);
        if (it == object.end() || it->is_null()) {
            if (required) fail(path, "is missing");
            return nullptr;
        }
        return &*it;
    }

    const Json* object(const Json& parent, std::string_view path, bool required = true) {
        const auto* m = member(parent, path, required);
        if (m && !m->is_object()) {
            fail(path, "is not an object");
            return nullptr;
        }
        return m;
    }

    std::string text(const Json& object, std::string_view path) {
        const auto* m = member(object, path);
        if (!m) return {};
        if (!m->is_string() || m->get_ref<const std::string&>().empty()) {
            fail(path, "is not a non-empty string");
            return {};
        }
        return m->get<std::string>();
    }

    // A string of `size` characters each passing `test` (isDigit, isUpper).
    std::string code(const Json& object, std::string_view path, std::size_t size, bool (*test)(char),
                     std::string_view expected) {
        auto value = text(object, path);
        if (!error && !allOf(value, size, test)) {
            fail(path, "is not " + std::string(expected));
            return {};
        }
        return value;
    }

    Date date(const Json& object, std::string_view path) {
        const auto value = text(object, path);
        if (error) return {};
        const auto parsed = parseIsoDate(value);
        if (!parsed) fail(path, "is not a date YYYY-MM-DD");
        return parsed.value_or(Date{});
    }

    std::int64_t integer(const Json& object, std::string_view path, std::int64_t minimum) {
        const auto* m = member(object, path);
        if (!m) return 0;
        if (!m->is_number_integer()) {
            fail(path, "is not a whole number");
            return 0;
        }
        // Above INT64_MAX nlohmann stores an unsigned number; it is out of range all the same.
        if (m->is_number_unsigned() && m->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
            fail(path, "is out of range");
            return 0;
        }
        const auto value = m->get<std::int64_t>();
        if (value < minimum) fail(path, "is below " + std::to_string(minimum));
        return value;
    }

    std::vector<std::string> texts(const Json& object, std::string_view path, bool needsOne) {
        const auto* m = member(object, path);
        if (!m) return {};
        if (!m->is_array() || (needsOne && m->empty())) {
            fail(path, needsOne ? "is not a non-empty array" : "is not an array");
            return {};
        }
        std::vector<std::string> out;
        for (std::size_t i = 0; i < m->size(); ++i) {
            const auto& v = (*m)[i];
            if (!v.is_string() || v.get_ref<const std::string&>().empty()) {
                fail(std::string(path) + "[" + std::to_string(i) + "]", "is not a non-empty string");
                return {};
            }
            out.push_back(v.get<std::string>());
        }
        return out;
    }

    // {amount, currency} and, for a wage, period.
    Money money(const Json& parent, std::string_view path, bool wage) {
        const auto* m = object(parent, path);
        if (!m) return {};
        const auto prefix = std::string(path) + ".";
        Money out;
        out.amount = integer(*m, prefix + "amount", wage ? 1 : 0);
        out.currency = code(*m, prefix + "currency", 3, isUpper, "an ISO 4217 currency code");
        if (wage) {
            const auto period = text(*m, prefix + "period");
            const auto parsed = core::payPeriodFromCode(period);
            if (!error && !parsed) fail(prefix + "period", "is not hour, day, week, month or year");
            out.period = parsed.value_or(PayPeriod::None);
        }
        return out;
    }

    std::optional<Error> error;

private:
    std::string code_;
    std::string where_;
};

// The items array of a catalogue document.
Result<Json> itemsOf(std::string_view document, std::string_view name) {
    auto json = Json::parse(document, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return Error{"catalogue.not_json", std::string(name) + ": the document is not a JSON object"};
    if (const auto it = json.find("name"); it != json.end() && (!it->is_string() || it->get<std::string>() != name))
        return Error{"catalogue.wrong_name", std::string(name) + ": the document is another catalogue"};
    const auto items = json.find("items");
    if (items == json.end() || !items->is_array())
        return Error{"catalogue.no_items", std::string(name) + ": the document has no items array"};
    return std::move(*items);
}

// "job_openings item 3 (JO-2026-MY-0004)"; the id only where it is a non-empty string.
std::string itemName(std::string_view catalogue, std::size_t index, const Json& item, const char* idField) {
    std::string out = std::string(catalogue) + " item " + std::to_string(index);
    if (!item.is_object()) return out;
    if (const auto it = item.find(idField);
        it != item.end() && it->is_string() && !it->get_ref<const std::string&>().empty())
        out += " (" + it->get<std::string>() + ")";
    return out;
}

// Every item through `read`, the first error ending it; ids must be unique.
template <class T, class Read>
Result<std::vector<T>> readItems(std::string_view document, std::string_view name, const char* idField, Read read) {
    auto items = itemsOf(document, name);
    if (!items) return items.error();
    std::vector<T> out;
    std::set<std::string, std::less<>> ids;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto& item = (*items)[i];
        Fields f("catalogue.item_invalid", itemName(name, i, item, idField));
        if (!item.is_object()) {
            f.fail("the item", "is not an object");
            return *f.error;
        }
        T value = read(f, item);
        if (f.error) return *f.error;
        if (!ids.insert(value.id).second)
            return Error{"catalogue.duplicate_id", itemName(name, i, item, idField) + ": the id appears twice"};
        out.push_back(std::move(value));
    }
    return out;
}

core::JobOpening readOpening(Fields& f, const Json& item) {
    core::JobOpening o;
    o.id = f.text(item, "id");
    o.country = f.code(item, "country", 2, isUpper, "an ISO 3166-1 alpha-2 code");
    o.city = f.text(item, "city");
    o.employer = f.text(item, "employer");
    o.agency = f.text(item, "agency");
    o.position = f.text(item, "position");
    o.sector = f.text(item, "sector");
    o.salary = f.money(item, "salary", true);
    o.placementFee = f.money(item, "placement_fee", false);
    if (const auto* req = f.object(item, "requirements")) {
        o.certificates = f.texts(*req, "requirements.certificates", false);
        if (const auto* lang = f.object(*req, "requirements.language", false))
            o.language = core::LanguageRequirement{f.text(*lang, "requirements.language.code"),
                                                   f.text(*lang, "requirements.language.level")};
    }
    o.validUntil = f.date(item, "valid_until");
    return o;
}

core::TrainingProgramme readProgramme(Fields& f, const Json& item) {
    core::TrainingProgramme p;
    p.id = f.text(item, "id");
    p.title = f.text(item, "title");
    p.provider = f.text(item, "provider");
    p.regencyCode = f.code(item, "regency_code", 4, isDigit, "4 digits");
    p.covers = f.texts(item, "covers", true);
    p.starts = f.date(item, "starts");
    p.cost = f.money(item, "cost", false);
    return p;
}

struct RegencyItem {
    core::Regency regency;
    std::string id;  // the code, for the uniqueness check
};

RegencyItem readRegency(Fields& f, const Json& item) {
    core::Regency r;
    r.code = f.code(item, "code", 4, isDigit, "4 digits");
    r.name = f.text(item, "name");
    r.provinceCode = f.code(item, "province_code", 2, isDigit, "2 digits");
    if (!f.error && r.code.substr(0, 2) != r.provinceCode)
        f.fail("province_code", "is not the first two digits of code");
    return {r, r.code};
}

Result<Json> configObject(std::string_view document) {
    auto json = Json::parse(document, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return Error{"config.not_json", "config: the document is not a JSON object"};
    return json;
}

std::string fromWildcard(std::string value) { return value == "*" ? std::string() : value; }

std::optional<core::StaffRole> roleFromCode(std::string_view role) {
    if (role == "officer") return core::StaffRole::Officer;
    if (role == "supervisor") return core::StaffRole::Supervisor;
    if (role == "admin") return core::StaffRole::Admin;
    return std::nullopt;
}

bool isPasswordHash(const std::string& hash) {
    if (sodium_init() < 0 || hash.size() >= crypto_pwhash_STRBYTES) return false;
    // -1 where the string is no hash libsodium can verify; 0 or 1 (whether to rehash) otherwise.
    return crypto_pwhash_str_needs_rehash(hash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                          crypto_pwhash_MEMLIMIT_INTERACTIVE) >= 0;
}

}  // namespace

Result<std::vector<core::JobOpening>> readJobOpenings(std::string_view document) {
    return readItems<core::JobOpening>(document, "job_openings", "id", readOpening);
}

Result<std::vector<core::TrainingProgramme>> readTrainingProgrammes(std::string_view document) {
    return readItems<core::TrainingProgramme>(document, "training_programmes", "id", readProgramme);
}

Result<std::vector<core::Regency>> readRegencies(std::string_view document) {
    auto items = readItems<RegencyItem>(document, "regencies", "code", readRegency);
    if (!items) return items.error();
    std::vector<core::Regency> out;
    for (auto& item : *items) out.push_back(std::move(item.regency));
    return out;
}

Result<core::AgePolicy> readMinimumAges(std::string_view configDocument) {
    auto config = configObject(configDocument);
    if (!config) return config.error();
    Fields top("config.minimum_ages_invalid", "config");
    const auto* settings = top.object(*config, "settings");
    if (top.error) return *top.error;
    const auto* rules = top.member(*settings, "settings.minimum_ages", false);
    if (!rules) return core::AgePolicy{};
    if (!rules->is_array())
        return Error{"config.minimum_ages_invalid", "config: settings.minimum_ages is not an array"};

    int defaultMinimum = core::kLegalMinimumAge;
    std::vector<core::AgeRule> out;
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t i = 0; i < rules->size(); ++i) {
        const auto& rule = (*rules)[i];
        Fields f("config.minimum_ages_invalid", "config settings.minimum_ages[" + std::to_string(i) + "]");
        if (!rule.is_object()) {
            f.fail("the rule", "is not an object");
            return *f.error;
        }
        auto destination = fromWildcard(f.text(rule, "destination"));
        auto sector = fromWildcard(f.text(rule, "sector"));
        const auto age = f.integer(rule, "age", 0);
        if (f.error) return *f.error;
        if (age < core::kLegalMinimumAge || age > 100)
            return Error{age < core::kLegalMinimumAge ? "age_policy.below_law" : "config.minimum_ages_invalid",
                         "config settings.minimum_ages[" + std::to_string(i) + "]: age " + std::to_string(age) +
                             (age < core::kLegalMinimumAge ? " is below 18 (UU 18/2017 Art. 5a)" : " is not an age")};
        if (!seen.emplace(destination, sector).second)
            return Error{"config.minimum_ages_invalid", "config settings.minimum_ages[" + std::to_string(i) +
                                                            "]: a second rule for the same destination and sector"};
        if (destination.empty() && sector.empty()) {
            defaultMinimum = static_cast<int>(age);
        } else {
            out.push_back({std::move(destination), std::move(sector), static_cast<int>(age)});
        }
    }
    return core::AgePolicy::make(defaultMinimum, std::move(out));
}

Result<std::optional<std::string>> readHotline(std::string_view configDocument) {
    auto config = configObject(configDocument);
    if (!config) return config.error();
    Fields top("config.hotline_invalid", "config");
    const auto* settings = top.object(*config, "settings");
    if (top.error) return *top.error;
    const auto* hotline = top.member(*settings, "settings.hotline", false);
    if (!hotline) return std::optional<std::string>{};
    const std::string value = hotline->is_string() ? hotline->get<std::string>() : std::string();
    const bool dialable = value.size() >= 3 && value.size() <= 24 &&
                          std::all_of(value.begin(), value.end(), [](char c) {
                              return (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '+';
                          }) &&
                          std::any_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!dialable)
        return Error{"config.hotline_invalid",
                     "config: settings.hotline must be a number as people dial it (digits, spaces, '-', '+'; "
                     "3 to 24 characters), e.g. \"hotline\": \"0800 1000\""};
    return std::optional<std::string>{value};
}

Result<std::vector<core::StaffMember>> readStaff(std::string_view configDocument) {
    auto config = configObject(configDocument);
    if (!config) return config.error();
    const auto staff = config->find("staff");
    if (staff == config->end() || !staff->is_array())
        return Error{"config.staff_invalid", "config: staff is not an array"};
    std::vector<core::StaffMember> out;
    for (std::size_t i = 0; i < staff->size(); ++i) {
        const auto& item = (*staff)[i];
        Fields f("config.staff_invalid", itemName("config staff", i, item, "staff_id"));
        if (!item.is_object()) {
            f.fail("the member", "is not an object");
            return *f.error;
        }
        core::StaffMember m;
        m.staffId = f.text(item, "staff_id");
        m.badgeId = f.text(item, "badge_id");
        m.displayName = f.text(item, "display_name");
        const auto role = roleFromCode(f.text(item, "role"));
        if (!f.error && !role) f.fail("role", "is not officer, supervisor or admin");
        m.role = role.value_or(core::StaffRole::Officer);
        m.pinHash = f.text(item, "pin_hash");
        if (!f.error && !isPasswordHash(m.pinHash)) f.fail("pin_hash", "is not a crypto_pwhash_str hash");
        if (f.error) return *f.error;
        const bool duplicate = std::any_of(out.begin(), out.end(), [&](const core::StaffMember& other) {
            return other.staffId == m.staffId || other.badgeId == m.badgeId;
        });
        if (duplicate)
            return Error{"config.duplicate_staff",
                         itemName("config staff", i, item, "staff_id") + ": the staff_id or badge_id appears twice"};
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace kiosk::sync
