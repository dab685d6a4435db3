#include <nlohmann/json.hpp>

#include <iostream>

#include "kiosk/core/nik.h"
#include "kiosk/ctl/command.h"
#include "kiosk/ctl/local_date.h"

namespace kiosk::ctl {

namespace {

nlohmann::json problems(const std::vector<Error>& list) {
    auto out = nlohmann::json::array();
    for (const auto& e : list) out.push_back({{"code", e.code}, {"detail", e.detail}});
    return out;
}

nlohmann::json toJson(const core::NikCheck& check) {
    nlohmann::json out{
        {"valid", check.valid()}, {"errors", problems(check.errors)}, {"warnings", problems(check.warnings)}};
    if (check.birthDate) out["birth_date"] = formatIsoDate(*check.birthDate);
    if (check.sex) out["sex"] = std::string(core::sexLetter(*check.sex));
    if (check.provinceCode) out["province_code"] = *check.provinceCode;
    if (check.provinceName) out["province"] = *check.provinceName;
    if (check.regencyCode) out["regency_code"] = *check.regencyCode;
    if (check.districtCode) out["district_code"] = *check.districtCode;
    if (check.serial) out["serial"] = *check.serial;
    return out;
}

struct NikOptions {
    std::string nik;
    std::string on;
};

}  // namespace

void addNikCommand(CLI::App& app, Runner& run) {
    auto options = std::make_shared<NikOptions>();
    auto* cmd = app.add_subcommand("nik", "Check a NIK (16-digit population number) and read its fields");
    cmd->add_option("NIK", options->nik, "the NIK; spaces, dots and dashes are ignored")->required();
    cmd->add_option("--on", options->on, "reference day YYYY-MM-DD for the birth century (default: today)");
    cmd->callback([options, &run] {
        run = [options] {
            const auto reference = referenceDate(options->on);
            if (!reference) {
                std::cerr << "kioskctl nik: --on needs a date as YYYY-MM-DD\n";
                return int{kUsage};
            }
            const auto check = core::checkNik(options->nik, *reference);
            std::cout << toJson(check).dump() << '\n';
            return int{check.valid() ? kValid : kInvalid};
        };
    });
}

}  // namespace kiosk::ctl
