#include "tests/national_server/bundle_import.h"

namespace kiosk::sim {

namespace {

Error invalid(std::string why) { return Error{"bundle_invalid", std::move(why)}; }

}  // namespace

Result<nlohmann::json> importBundle(std::string_view file, const KioskRegistry& kiosks, SubmissionIntake& intake,
                                    TimePoint now) {
    const auto outer = nlohmann::json::parse(file, nullptr, false);
    if (!outer.is_object() || !outer.contains("document") || !outer["document"].is_string() ||
        !outer.contains("signature") || !outer["signature"].is_string())
        return invalid("the bundle is not a signed document {\"document\", \"signature\"}");
    const auto bytes = fromBase64(outer["document"].get<std::string>());
    const auto signature = fromBase64(outer["signature"].get<std::string>());
    if (!bytes || !signature || signature->size() != crypto_sign_BYTES)
        return invalid("document or signature is not base64 of the right size");
    // The server cannot know whose key to check with before reading the kiosk id inside, so it parses
    // first and trusts nothing it read until the signature has verified.
    const auto document = nlohmann::json::parse(bytes->begin(), bytes->end(), nullptr, false);
    if (!document.is_object() || document.value("format", "") != "loket-export" || !document.contains("version") ||
        document["version"] != 1 || !document.contains("kiosk_id") || !document["kiosk_id"].is_string() ||
        !document.contains("submissions") || !document["submissions"].is_array())
        return invalid("the document is not a loket-export version 1 with kiosk_id and submissions");
    const auto kiosk = kiosks.find(document["kiosk_id"].get<std::string>());
    if (!kiosk) return Error{"bundle_kiosk_unknown", "no signing key is registered for the bundle's kiosk"};
    if (crypto_sign_verify_detached(signature->data(), bytes->data(), bytes->size(), kiosk->key.data()) != 0)
        return Error{"bundle_signature_invalid", "the bundle signature does not verify with its kiosk's key"};

    auto results = nlohmann::json::array();
    for (const auto& envelope : document["submissions"])
        results.push_back(intake.take(envelope, *kiosk, "import", now).batchResult());
    return nlohmann::json{{"results", std::move(results)}};
}

}  // namespace kiosk::sim
