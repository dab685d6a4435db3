#include "kiosk/ui/attract_flow.h"

namespace kiosk::ui {
namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};

}  // namespace

Visit onEvent(const Visit& now, const Event& event) {
    return std::visit(Overloaded{
                          [&](const StartTapped&) {
                              if (!std::holds_alternative<AttractScreen>(now.screen)) return now;
                              return Visit{LanguageChoiceScreen{}, now.language};
                          },
                          // Choosing stays on the language screen, marked and already in the new language; the
                          // journeys' next step will follow from here.
                          [&](const LanguageTapped& e) {
                              return Visit{now.screen, e.language};
                          },
                          [&](const BackTapped&) {
                              if (std::holds_alternative<LanguageChoiceScreen>(now.screen))
                                  return Visit{AttractScreen{}, now.language};
                              return now;
                          },
                          // Nothing of one visitor (not even their language) is left for the next one.
                          [](const IdleTimedOut& e) {
                              return Visit{AttractScreen{}, e.home};
                          },
                      },
                      event);
}

}  // namespace kiosk::ui
