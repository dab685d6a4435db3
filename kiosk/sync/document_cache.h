#pragma once
// The last good configuration and catalogues (docs/api.md §6), kept on disk so that a restart or a
// long outage does not lose them. A new document replaces the old only once its signature verified
// with the server signing key, it parsed, it is for this kiosk and it is no older than the one held;
// otherwise the old one stays in use. Lives on the sync thread.

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/result.h"
#include "kiosk/sync/device_key.h"

namespace kiosk::sync {

inline constexpr std::string_view kConfigDocument = "config";
inline constexpr std::array<std::string_view, 4> kCatalogues{"job_openings", "training_programmes", "regencies",
                                                             "document_issuers"};

struct CachedDocument {
    std::string name;      // "config" or a catalogue name
    std::string document;  // the verified JSON bytes, exactly as signed
    std::string etag;
    std::int64_t version = 0;
};

class DocumentCache {
public:
    DocumentCache(std::filesystem::path folder, const PublicKey& serverSigningKey, std::string kioskId)
        : folder_(std::move(folder)), signingKey_(serverSigningKey), kioskId_(std::move(kioskId)) {}

    // Reads what the folder holds. A file that no longer verifies or parses is left out and named
    // in the returned errors; a missing folder is simply empty.
    std::vector<Error> load();

    const CachedDocument* find(std::string_view name) const;

    // A fresh answer body for `name`. On success it is the last good document, on disk too.
    // "sync.signature_invalid" and "sync.document_malformed" from verifySignedDocument,
    // "sync.document_invalid" (not the documented shape, or for another kiosk or catalogue),
    // "sync.document_downgrade" (older than the one held), or a file error.
    Result<const CachedDocument*> accept(std::string_view name, std::string_view body, std::string etag);

    std::filesystem::path fileFor(std::string_view name) const;

private:
    Result<CachedDocument> check(std::string_view name, std::string_view body, std::string etag) const;

    std::filesystem::path folder_;
    PublicKey signingKey_;
    std::string kioskId_;
    std::map<std::string, CachedDocument, std::less<>> documents_;
};

}  // namespace kiosk::sync
