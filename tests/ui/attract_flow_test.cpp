// The visit's transitions, with no SDL and no display.

#include "kiosk/ui/attract_flow.h"

#include <gtest/gtest.h>

namespace kiosk::ui {
namespace {

const Visit kAttractId{AttractScreen{}, Language::Indonesian};
const Visit kAttractEn{AttractScreen{}, Language::English};
const Visit kChoiceId{LanguageChoiceScreen{}, Language::Indonesian};
const Visit kChoiceEn{LanguageChoiceScreen{}, Language::English};

TEST(AttractFlow, StartsOnTheAttractScreenInIndonesian) { EXPECT_EQ(Visit{}, kAttractId); }

TEST(AttractFlow, StartLeadsToTheLanguageChoice) {
    EXPECT_EQ(onEvent(kAttractId, StartTapped{}), kChoiceId);
    EXPECT_EQ(onEvent(kAttractEn, StartTapped{}), kChoiceEn);
}

TEST(AttractFlow, LanguageSwitchOnTheAttractScreenChangesOnlyTheLanguage) {
    EXPECT_EQ(onEvent(kAttractId, LanguageTapped{Language::English}), kAttractEn);
    EXPECT_EQ(onEvent(kAttractEn, LanguageTapped{Language::Indonesian}), kAttractId);
}

TEST(AttractFlow, ChoosingALanguageKeepsTheChoiceScreenInThatLanguage) {
    EXPECT_EQ(onEvent(kChoiceId, LanguageTapped{Language::English}), kChoiceEn);
    EXPECT_EQ(onEvent(kChoiceEn, LanguageTapped{Language::English}), kChoiceEn);
}

TEST(AttractFlow, BackFromTheLanguageChoiceKeepsTheChosenLanguage) {
    EXPECT_EQ(onEvent(kChoiceEn, BackTapped{}), kAttractEn);
}

TEST(AttractFlow, EventsThatDoNotBelongToTheScreenChangeNothing) {
    EXPECT_EQ(onEvent(kAttractEn, BackTapped{}), kAttractEn);
    EXPECT_EQ(onEvent(kChoiceEn, StartTapped{}), kChoiceEn);
}

TEST(AttractFlow, IdleTimeoutForgetsTheVisitorAndTheirLanguage) {
    EXPECT_EQ(onEvent(kChoiceEn, IdleTimedOut{}), kAttractId);
    EXPECT_EQ(onEvent(kChoiceId, IdleTimedOut{Language::English}), kAttractEn);
}

}  // namespace
}  // namespace kiosk::ui
