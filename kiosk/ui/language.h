#pragma once
// The languages the kiosk speaks, as the screens name them. They belong to the visit, so the flow
// (kiosk/core/flow) defines them; Bahasa Indonesia is the default, every screen offers the switch.

#include "kiosk/core/flow/language.h"

namespace kiosk::ui {

using flow::kDefaultLanguage;
using flow::kLanguages;
using flow::Language;
using flow::languageCode;
using flow::languageFromCode;

}  // namespace kiosk::ui
