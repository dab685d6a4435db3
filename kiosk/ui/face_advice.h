#pragma once
// The camera's advice on the photo step ("come a little closer"), drawn over the preview's fixed
// hint line after the screen, while the photo is still to be taken and no dialog covers it. The
// app chooses the text from the camera's latest FaceHint. Like the screens it keeps no state.

#include "kiosk/core/flow/visit_flow.h"
#include "kiosk/ui/catalog.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/text_keys.h"

namespace kiosk::ui {

void drawFaceAdvice(Painter& p, const Catalogs& texts, const flow::FlowState& state, Text advice);

}  // namespace kiosk::ui
