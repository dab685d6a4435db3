#include "kiosk/store/record_crypto.h"

#include <sodium.h>

#include <array>
#include <cctype>

namespace kiosk::store {

namespace {

constexpr std::uint64_t kIndexSubkeyId = 1;
constexpr std::string_view kIndexContext = "LoketIdx";

}  // namespace

Result<SealedRecord> sealRecord(const MasterKey& master, std::span<const std::uint8_t> payload) {
    const auto recordKey = SecretKey::random();
    SealedRecord sealed;
    sealed.ciphertext.resize(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + payload.size());
    randombytes_buf(sealed.ciphertext.data(), crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(sealed.ciphertext.data() + crypto_secretbox_NONCEBYTES, payload.data(), payload.size(),
                          sealed.ciphertext.data(), recordKey.data());
    auto wrapped = master.wrap(recordKey);
    if (!wrapped) return wrapped.error();
    sealed.wrappedKey = std::move(*wrapped);
    return sealed;
}

Result<Bytes> openRecord(const MasterKey& master, std::span<const std::uint8_t> wrappedKey,
                         std::span<const std::uint8_t> ciphertext) {
    auto recordKey = master.unwrap(wrappedKey);
    if (!recordKey) return recordKey.error();
    if (ciphertext.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
        return Error{"store.record_corrupt", "ciphertext is too short"};
    Bytes plain(ciphertext.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES);
    if (crypto_secretbox_open_easy(plain.data(), ciphertext.data() + crypto_secretbox_NONCEBYTES,
                                   ciphertext.size() - crypto_secretbox_NONCEBYTES, ciphertext.data(),
                                   recordKey->data()) != 0)
        return Error{"store.record_corrupt", "ciphertext failed authentication"};
    return plain;
}

std::string_view toString(IndexKind kind) { return kind == IndexKind::Nik ? "nik" : "passport"; }

Result<IndexHasher> IndexHasher::create(const MasterKey& master) {
    auto key = master.derive(kIndexSubkeyId, kIndexContext);
    if (!key) return key.error();
    return IndexHasher(std::move(*key));
}

Bytes IndexHasher::hash(IndexKind kind, std::string_view value) const {
    // The kind is part of the input so that a NIK and a passport number never share a hash.
    std::string normal(toString(kind));
    normal += ':';
    for (const char c : value) {
        if (c == ' ' || c == '.' || c == '-') continue;
        normal += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    Bytes out(crypto_generichash_BYTES);
    crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(normal.data()), normal.size(),
                       key_.data(), SecretKey::kSize);
    sodium_memzero(normal.data(), normal.size());
    return out;
}

std::string newUuidV4() {
    std::array<std::uint8_t, 16> b{};
    randombytes_buf(b.data(), b.size());
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0f) | 0x40);  // version 4
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
    const auto hex = toHex(b);
    return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' + hex.substr(16, 4) + '-' +
           hex.substr(20);
}

std::string sha256Hex(std::span<const std::uint8_t> data) {
    std::array<std::uint8_t, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), data.data(), data.size());
    return toHex(digest);
}

std::string toHex(std::span<const std::uint8_t> data) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(data.size() * 2);
    for (const auto byte : data) {
        out += kDigits[byte >> 4];
        out += kDigits[byte & 0x0f];
    }
    return out;
}

}  // namespace kiosk::store
