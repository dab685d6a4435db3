#include "kiosk/sync/signed_document.h"

#include <sodium.h>
#include <nlohmann/json.hpp>

#include "kiosk/sync/wire_format.h"

namespace kiosk::sync {

Result<std::string> verifySignedDocument(std::string_view body, const PublicKey& signer) {
    const auto outer = nlohmann::json::parse(body, nullptr, false);
    if (outer.is_discarded() || !outer.is_object())
        return Error{"sync.document_malformed", "the answer is not a JSON object"};
    const auto document = outer.find("document");
    const auto signature = outer.find("signature");
    if (document == outer.end() || !document->is_string() || signature == outer.end() || !signature->is_string())
        return Error{"sync.document_malformed", "a signed document needs string members document and signature"};
    const auto bytes = base64Decode(document->get_ref<const std::string&>());
    const auto sig = base64Decode(signature->get_ref<const std::string&>());
    if (!bytes || !sig) return Error{"sync.document_malformed", "document or signature is not valid base64"};
    if (sig->size() != crypto_sign_BYTES) return Error{"sync.signature_invalid", "the signature is not 64 bytes long"};
    if (crypto_sign_verify_detached(sig->data(), bytes->data(), bytes->size(), signer.data()) != 0)
        return Error{"sync.signature_invalid", "the signature does not verify with the expected key"};
    return std::string(bytes->begin(), bytes->end());
}

Result<std::string> signDocument(std::string_view document, const DeviceKey& signer) {
    auto signature = signer.sign(asBytes(document));
    if (!signature) return signature.error();
    return nlohmann::json{{"document", base64Encode(document)}, {"signature", base64Encode(*signature)}}.dump();
}

}  // namespace kiosk::sync
