#pragma once
// Encryption at rest, one record at a time: each record's personal payload is sealed with its own
// random key (libsodium secretbox, random nonce), and that key is stored wrapped by the master key.
// Deleting the wrapped key makes the ciphertext unreadable wherever old copies linger.

#include <span>
#include <string>
#include <string_view>

#include "kiosk/base/result.h"
#include "kiosk/store/database.h"
#include "kiosk/store/master_key.h"

namespace kiosk::store {

struct SealedRecord {
    Bytes wrappedKey;  // the record key, sealed by the master key
    Bytes ciphertext;  // nonce || secretbox(payload)
};

Result<SealedRecord> sealRecord(const MasterKey& master, std::span<const std::uint8_t> payload);
Result<Bytes> openRecord(const MasterKey& master, std::span<const std::uint8_t> wrappedKey,
                         std::span<const std::uint8_t> ciphertext);

enum class IndexKind { Nik, Passport };
std::string_view toString(IndexKind kind);

// Keyed hashes (BLAKE2b keyed with a subkey of the master key) for lookups by NIK or passport
// number: equal values give equal hashes on this kiosk, and nobody without the key can test a
// guess. Values are normalised first (spaces, dots and dashes dropped, letters upper-cased).
// Immutable: may be shared between threads.
class IndexHasher {
public:
    static Result<IndexHasher> create(const MasterKey& master);
    Bytes hash(IndexKind kind, std::string_view value) const;

private:
    explicit IndexHasher(SecretKey key) : key_(std::move(key)) {}
    SecretKey key_;
};

std::string newUuidV4();  // from libsodium's CSPRNG
std::string sha256Hex(std::span<const std::uint8_t> data);
std::string toHex(std::span<const std::uint8_t> data);

}  // namespace kiosk::store
