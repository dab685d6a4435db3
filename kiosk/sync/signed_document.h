#pragma once
// Signed documents (docs/api.md §6): {"document": base64 of the exact JSON bytes, "signature":
// base64 Ed25519 of those bytes}. The server signs configuration and catalogues with its signing
// key; the kiosk signs export bundles (§9) with its device key. Pure functions.

#include <string>
#include <string_view>

#include "kiosk/base/result.h"
#include "kiosk/sync/device_key.h"

namespace kiosk::sync {

// The document's bytes, once the signature over them verified with `signer`; nothing is parsed
// before that. Errors: "sync.document_malformed" (not the shape above), "sync.signature_invalid".
Result<std::string> verifySignedDocument(std::string_view body, const PublicKey& signer);

// The signed form of `document`, signed by this kiosk.
Result<std::string> signDocument(std::string_view document, const DeviceKey& signer);

}  // namespace kiosk::sync
