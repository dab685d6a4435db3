#include "kiosk/app/vision_demand.h"

namespace kiosk::app {

vision::Demand demandFor(const flow::FlowState& state) {
    // Under "need more time?" the screen is still there, and so is the person in front of it.
    // "Cek status": a receipt's QR held to the camera when the kiosk has no scanner.
    if (std::holds_alternative<flow::StatusScanScreen>(state.screen))
        return vision::Demand::barcodes({vision::BarcodeFormat::QrCode});
    // A document to photograph: the picture only, taken when the person presses the button.
    if (std::holds_alternative<flow::DocumentScanScreen>(state.screen)) return vision::Demand::picture();
    // The camera's test on the maintenance screen: its picture, nothing looked for in it.
    if (const auto* test = std::get_if<flow::PartTestScreen>(&state.screen); test && test->part == flow::Part::Camera)
        return vision::Demand::picture();
    const auto* reg = std::get_if<flow::RegistrationScreen>(&state.screen);
    if (!reg) return vision::Demand::nothing();
    switch (reg->step) {
    case flow::RegStep::Passport: return vision::Demand::mrz();
    case flow::RegStep::FamilyCard: return vision::Demand::barcodes({vision::BarcodeFormat::QrCode});
    case flow::RegStep::Photo: return vision::Demand::facePhoto();
    default: return vision::Demand::nothing();
    }
}

}  // namespace kiosk::app
