// kioskctl verify-receipt TEXT | --image FILE: checks a receipt's QR offline, as any kiosk does,
// against this kiosk's own key and the kiosk_keys of its cached configuration:
//
//   {"valid":true,"kind":"registration","number":"REG-...","kiosk_id":"...","record":123,
//    "payload_sha256":"...","issued_at":"2026-11-29T05:04:00Z","signed_by":"config","notes":[]}
//   {"valid":false,"error":{"code":"receipt.signature_invalid","detail":"..."},"notes":[]}
//
// "notes" says what limited the check (no cached configuration, the device key not readable by
// this user). Exit code: 0 valid, 1 not valid (malformed, unknown kiosk, bad signature, no code in
// the photo), 2 misuse, unreadable settings or an unreadable photo.

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/core/receipt_token.h"
#include "kiosk/ctl/command.h"
#include "kiosk/ctl/sync_settings_file.h"
#include "kiosk/sync/receipt_signature.h"
#include "kiosk/sync/wire_format.h"
#include "kiosk/vision/barcode_reader.h"
#include "kiosk/vision/frame_file.h"

namespace kiosk::ctl {

namespace {

struct VerifyOptions {
    std::string text;
    std::string image;
    std::string config = kDefaultConfig;
};

nlohmann::ordered_json errorJson(const Error& e) { return {{"code", e.code}, {"detail", e.detail}}; }

// The QR texts in the photo, a Loket receipt's first. An unreadable photo is an error.
Result<std::vector<std::string>> codesIn(const std::string& file) {
    const auto frame = vision::readFrameFile(file, drivers::PixelFormat::Gray8);
    if (!frame) return frame.error();
    // A photo, not a live frame: no camera waits for the next one, so the reader may take far
    // longer than a frame's budget (a busy machine must not turn a good receipt into "no code").
    vision::BarcodeReaderSettings settings;
    settings.budget = std::chrono::seconds{3};
    const vision::BarcodeReader reader(settings);
    auto codes = reader.read(*frame, {vision::BarcodeFormat::QrCode});
    if (!codes) return codes.error();
    std::vector<std::string> texts;
    for (const auto& code : *codes) {
        const bool receipt = core::parseReceiptToken(code.text).ok();
        texts.insert(receipt ? texts.begin() : texts.end(), code.text);
    }
    return texts;
}

int runVerify(const VerifyOptions& o) {
    if (o.text.empty() == o.image.empty()) {
        std::cerr << "kioskctl verify-receipt: give the QR's TEXT or --image FILE, one of them\n";
        return kUsage;
    }
    auto settings = loadSettings(o.config, {"kiosk.id", "sync.state_dir", "sync.server_signing_public_key"});
    if (!settings) return printFailure(settings.error());

    std::vector<Error> notes;
    std::unique_ptr<sync::FileDeviceKey> own;
    if (!settings->deviceKey.empty()) {
        // Another user than the kiosk's cannot read the key: the configuration may still list it.
        auto key = sync::FileDeviceKey::openExisting(settings->deviceKey);
        if (key)
            own = std::move(*key);
        else
            notes.push_back(key.error());
    }
    std::vector<Error> keyNotes;
    auto keys = sync::loadReceiptKeyring(*settings, own.get(), &keyNotes);
    if (!keys) return printFailure(keys.error());
    notes.insert(notes.end(), keyNotes.begin(), keyNotes.end());

    std::string text = o.text;
    nlohmann::ordered_json out;
    if (!o.image.empty()) {
        auto codes = codesIn(o.image);
        if (!codes) return printFailure(codes.error());
        out["image"] = o.image;
        if (codes->empty()) {
            out["valid"] = false;
            out["error"] = errorJson({"receipt.no_code", "no QR code was found in the photo"});
        } else {
            text = codes->front();
        }
    }
    if (!out.contains("error")) {
        const auto verified = sync::verifyReceipt(text, *keys);
        out["valid"] = verified.ok();
        if (verified) {
            const auto& claim = verified->token.claim;
            out["kind"] = std::string(core::receiptKindCode(claim.number.kind));
            out["number"] = claim.number.text();
            out["kiosk_id"] = claim.number.kioskId;
            out["record"] = claim.number.sequence;
            out["payload_sha256"] = claim.payloadSha256;
            out["issued_at"] = sync::formatRfc3339(claim.issuedAt);
            out["signed_by"] = std::string(sync::keySourceCode(verified->signer));
        } else {
            out["error"] = errorJson(verified.error());
        }
    }
    auto noteList = nlohmann::ordered_json::array();
    for (const auto& n : notes) noteList.push_back(errorJson(n));
    out["notes"] = noteList;
    std::cout << out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    return out["valid"].get<bool>() ? kValid : kInvalid;
}

}  // namespace

void addVerifyReceiptCommand(CLI::App& app, Runner& run) {
    auto options = std::make_shared<VerifyOptions>();
    auto* cmd = app.add_subcommand(
        "verify-receipt",
        "Check a receipt's QR offline against this kiosk's key and the kiosk keys of its cached configuration. "
        "Exit code 0: valid, 1: not valid, 2: misuse or unreadable input");
    cmd->add_option("TEXT", options->text, "the QR's text, as a scanner reads it");
    cmd->add_option("--image", options->image, "a photo of the receipt's QR instead of its text");
    cmd->add_option("--config", options->config, "the kiosk's settings file")->capture_default_str();
    cmd->callback([options, &run] { run = [options] { return runVerify(*options); }; });
}

}  // namespace kiosk::ctl
