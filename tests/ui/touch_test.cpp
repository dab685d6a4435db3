// Taps count on release, inside the control where they began, one pointer at a time.

#include "kiosk/ui/touch.h"

#include <gtest/gtest.h>

namespace kiosk::ui {
namespace {

constexpr Rect kButton{100, 100, 200, 120};
constexpr Rect kOther{400, 100, 200, 120};

TEST(Touch, PressAndReleaseInsideIsATapOnRelease) {
    TouchTracker tracker;
    tracker.press(1, {150, 150});
    const Touch held = tracker.frame();
    EXPECT_FALSE(held.tappedInside(kButton));
    EXPECT_TRUE(held.pressingInside(kButton));
    tracker.release(1, {160, 150});
    const Touch released = tracker.frame();
    EXPECT_TRUE(released.tappedInside(kButton));
    EXPECT_FALSE(released.pressingInside(kButton));
}

TEST(Touch, ATapIsReportedInOneFrameOnly) {
    TouchTracker tracker;
    tracker.press(1, {150, 150});
    tracker.release(1, {150, 150});
    EXPECT_TRUE(tracker.frame().tappedInside(kButton));
    EXPECT_FALSE(tracker.frame().tappedInside(kButton));
}

TEST(Touch, SlidingOffTheButtonBeforeReleaseIsNoTap) {
    TouchTracker tracker;
    tracker.press(1, {150, 150});
    tracker.move(1, {450, 150});
    EXPECT_FALSE(tracker.frame().pressingInside(kButton));
    tracker.release(1, {450, 150});
    const Touch t = tracker.frame();
    EXPECT_FALSE(t.tappedInside(kButton));
    EXPECT_FALSE(t.tappedInside(kOther));
}

TEST(Touch, ASecondFingerIsIgnoredWhileTheFirstIsDown) {
    TouchTracker tracker;
    tracker.press(1, {150, 150});
    tracker.press(2, {450, 150});
    tracker.release(2, {450, 150});
    EXPECT_FALSE(tracker.frame().tappedInside(kOther));
    tracker.release(1, {150, 150});
    EXPECT_TRUE(tracker.frame().tappedInside(kButton));
}

TEST(Touch, APressAfterAnUnseenReleaseWaitsForTheNextFrame) {
    TouchTracker tracker;
    tracker.press(1, {150, 150});
    tracker.release(1, {150, 150});
    tracker.press(1, {450, 150});  // the display stops reading events at a release; this is a safety net
    EXPECT_TRUE(tracker.released());
    EXPECT_TRUE(tracker.frame().tappedInside(kButton));
}

TEST(Touch, CancelForgetsThePress) {
    TouchTracker tracker;
    tracker.press(1, {150, 150});
    tracker.cancel();
    tracker.release(1, {150, 150});
    EXPECT_FALSE(tracker.frame().tappedInside(kButton));
}

TEST(Touch, TapAtIsATapAtThatPoint) {
    EXPECT_TRUE(Touch::tapAt({101, 101}).tappedInside(kButton));
    EXPECT_FALSE(Touch::tapAt({99, 101}).tappedInside(kButton));
}

}  // namespace
}  // namespace kiosk::ui
