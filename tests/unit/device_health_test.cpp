#include "drivers/api/device_health.h"

#include <gtest/gtest.h>

using namespace kiosk::drivers;

namespace {

TEST(DeviceHealth, AllReadyIsInService) {
    EXPECT_EQ(serviceState({{Component::Camera, true, DeviceState::Ready, ""},
                            {Component::ReceiptPrinter, false, DeviceState::Ready, ""}}),
              KioskService::InService);
}

TEST(DeviceHealth, RequiredComponentFailingIsOutOfService) {
    EXPECT_EQ(serviceState({{Component::Camera, false, DeviceState::Degraded, "dim"},
                            {Component::ReceiptPrinter, true, DeviceState::Failed, "paper out"}}),
              KioskService::OutOfService);
}

TEST(DeviceHealth, OptionalFailingOrRequiredDegradedIsDegraded) {
    EXPECT_EQ(serviceState({{Component::MrzReader, false, DeviceState::Failed, "unplugged"}}), KioskService::Degraded);
    EXPECT_EQ(serviceState({{Component::ReceiptPrinter, true, DeviceState::Degraded, "paper low"}}),
              KioskService::Degraded);
}

}  // namespace
