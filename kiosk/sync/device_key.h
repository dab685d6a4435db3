#pragma once
// The kiosk's Ed25519 signing key (libsodium crypto_sign): it signs every request and every
// submission envelope, and the server knows its public half from enrolment (docs/api.md §2, §10).
// Behind an interface so that a TPM-held key can replace the file without the sync code noticing.

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "kiosk/base/result.h"

namespace kiosk::sync {

// An Ed25519 or X25519 public key: 32 bytes.
using PublicKey = std::array<std::uint8_t, 32>;
using Signature = std::array<std::uint8_t, 64>;

// Standard base64 of exactly 32 bytes; `what` names the key in the error.
Result<PublicKey> publicKeyFromBase64(std::string_view text, std::string_view what);

// Immutable once opened: the UI thread (receipts) and the sync thread may share one.
class DeviceKey {
public:
    virtual ~DeviceKey() = default;
    // A detached Ed25519 signature of `message`. A hardware key may fail; a file key never does.
    virtual Result<Signature> sign(std::span<const std::uint8_t> message) const = 0;
    virtual const PublicKey& publicKey() const = 0;
};

std::string publicKeyBase64(const DeviceKey& key);
// What the technician reads out by phone at enrolment: the first 8 bytes of the SHA-256 of the
// public key as four dash-separated groups of hex, e.g. "3f0c-9a8e-5b7d-4c21".
std::string fingerprint(const PublicKey& key);

// The key's 32-byte seed in a file only the kiosk's user can read: created (0600, O_EXCL, no
// symlinks) on first start; a file readable or writable by group or others, a symbolic link, or a
// file of another owner is refused. The secret half is wiped from memory when the key is destroyed.
class FileDeviceKey final : public DeviceKey {
public:
    static Result<std::unique_ptr<FileDeviceKey>> openOrCreate(const std::filesystem::path& file);
    // Opens an existing key; "sync.device_key_missing" when there is none (commands that must not
    // sign with a key the server has never seen use this).
    static Result<std::unique_ptr<FileDeviceKey>> openExisting(const std::filesystem::path& file);

    Result<Signature> sign(std::span<const std::uint8_t> message) const override;
    const PublicKey& publicKey() const override { return public_; }

private:
    struct Wipe {
        void operator()(std::array<std::uint8_t, 64>* p) const noexcept;
    };
    using SecretHalf = std::unique_ptr<std::array<std::uint8_t, 64>, Wipe>;
    FileDeviceKey(SecretHalf secret, PublicKey publicKey) : secret_(std::move(secret)), public_(publicKey) {}
    static Result<std::unique_ptr<FileDeviceKey>> open(const std::filesystem::path& file, bool create);

    SecretHalf secret_;
    PublicKey public_;
};

}  // namespace kiosk::sync
