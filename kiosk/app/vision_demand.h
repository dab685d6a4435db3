#pragma once
// What the camera should look for on the screen the flow is on: the MRZ on the passport step, the
// family card's QR code on its step, the face photo on the photo step, the picture alone while a
// document is photographed, and nothing anywhere else
// (frames are then dropped unread). Pure; used on the UI thread.

#include "kiosk/core/flow/visit_flow.h"
#include "kiosk/vision/frame_pipeline.h"

namespace kiosk::app {

vision::Demand demandFor(const flow::FlowState& state);

}  // namespace kiosk::app
