#pragma once
// A made-up official opening and catalogue for the journey's tests and screens: a carer's job in
// Hong Kong that needs the caregiver certificate and Cantonese, and training for it in Surabaya.

#include <chrono>

#include "kiosk/core/flow/registration.h"

namespace kiosk::flow::testing {

inline core::JobOpening hongKongCare() {
    core::JobOpening o;
    o.id = "JO-TEST-HK-0001";
    o.country = "HK";
    o.city = "Kowloon";
    o.employer = "Keluarga Contoh";
    o.agency = "PT Penempatan Uji";
    o.position = "Pengasuh lansia di rumah";
    o.sector = "domestic_work";
    o.salary = {4990, "HKD", core::PayPeriod::Month};
    o.placementFee = {0, "IDR", core::PayPeriod::None};
    o.certificates = {"cert.caregiver"};
    o.language = core::LanguageRequirement{"yue", "basic"};
    o.validUntil = Date{std::chrono::year{2027} / 6 / 30};
    return o;
}

inline Catalogue sampleCatalogue() {
    Catalogue c;
    c.regions = {{"3578", "Kota Surabaya", "35"}, {"3507", "Kabupaten Malang", "35"}, {"3509", "Kabupaten Jember", "35"}};
    c.openings = {hongKongCare()};
    c.training = {{"TP-1", "Pelatihan perawat lansia", "LPK Contoh", "3578", {"cert.caregiver", "lang.yue"},
                   Date{std::chrono::year{2027} / 1 / 11}, {0, "IDR", core::PayPeriod::None}}};
    return c;
}

}  // namespace kiosk::flow::testing
