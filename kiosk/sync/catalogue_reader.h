#pragma once
// The verified catalogue and configuration documents (docs/api.md §6, as DocumentCache keeps
// them) turned into the domain's values. A malformed item fails the whole document with an error
// naming the item's index, its id where it has one, and the field: a catalogue with a hole in it
// would hide an opening or a training programme without anyone noticing. The caller then keeps
// using its last good values. Unknown members are ignored (docs/api.md §1). Pure functions.
//
// Errors: "catalogue.not_json" (not a JSON object), "catalogue.wrong_name" (a `name` member naming
// another catalogue), "catalogue.no_items", "catalogue.item_invalid", "catalogue.duplicate_id";
// "config.not_json", "config.minimum_ages_invalid", "age_policy.below_law", "config.staff_invalid",
// "config.duplicate_staff".

#include <string_view>
#include <vector>

#include "kiosk/base/result.h"
#include "kiosk/core/eligibility.h"
#include "kiosk/core/placement.h"
#include "kiosk/core/staff.h"

namespace kiosk::sync {

Result<std::vector<core::JobOpening>> readJobOpenings(std::string_view document);
Result<std::vector<core::TrainingProgramme>> readTrainingProgrammes(std::string_view document);
Result<std::vector<core::Regency>> readRegencies(std::string_view document);

// `settings.minimum_ages` of the config document. "*" matches any destination or sector; the rule
// with both "*" is the site default; without any rule the legal minimum applies. Destinations are
// taken as written.
Result<core::AgePolicy> readMinimumAges(std::string_view configDocument);

// `settings.hotline` of the config document: the official complaints line printed on every
// receipt, as people dial it (digits, spaces, '-', '+', 3 to 24 characters). nullopt when the
// document has none (the receipt then says it is not set, never a made-up number).
Result<std::optional<std::string>> readHotline(std::string_view configDocument);

// The `staff` list of the config document, in its order. Every `pin_hash` must be a libsodium
// password hash string (argon2id or argon2i).
Result<std::vector<core::StaffMember>> readStaff(std::string_view configDocument);

}  // namespace kiosk::sync
