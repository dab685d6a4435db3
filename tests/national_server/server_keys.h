#pragma once
// The national server's two key pairs (docs/api.md §2): the seal key (X25519, crypto_box_seal)
// that payloads are sealed to, and the signing key (Ed25519) for configuration and catalogues.
// On disk, `keygen` writes one base64 line per file; the private halves are created 0600.

#include <array>
#include <filesystem>
#include <optional>
#include <span>
#include <string>

#include <sodium.h>

#include "kiosk/base/result.h"
#include "tests/national_server/wire_format.h"

namespace kiosk::sim {

class ServerKeys {
public:
    static ServerKeys generate();
    static Result<ServerKeys> load(const std::filesystem::path& dir);
    // Refuses to overwrite: a key file that exists is an operator's key.
    Result<void> save(const std::filesystem::path& dir) const;

    std::string sealPublicKeyBase64() const { return toBase64(sealPublic_); }
    std::string signingPublicKeyBase64() const { return toBase64(signPublic_); }

    std::string sign(std::span<const std::uint8_t> message) const;  // base64 detached Ed25519 signature
    // nullopt when the box does not open with the server's seal key.
    std::optional<Bytes> unseal(std::span<const std::uint8_t> sealed) const;

    static constexpr const char* kSealPublicFile = "server_seal.pub";
    static constexpr const char* kSealSecretFile = "server_seal.key";
    static constexpr const char* kSignPublicFile = "server_signing.pub";
    static constexpr const char* kSignSecretFile = "server_signing.key";

private:
    std::array<std::uint8_t, crypto_box_PUBLICKEYBYTES> sealPublic_{};
    std::array<std::uint8_t, crypto_box_SECRETKEYBYTES> sealSecret_{};
    std::array<std::uint8_t, crypto_sign_PUBLICKEYBYTES> signPublic_{};
    std::array<std::uint8_t, crypto_sign_SECRETKEYBYTES> signSecret_{};
};

}  // namespace kiosk::sim
