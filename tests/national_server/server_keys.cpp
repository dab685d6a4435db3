#include "tests/national_server/server_keys.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace kiosk::sim {

namespace {

Result<void> writeKeyFile(const std::filesystem::path& path, std::span<const std::uint8_t> key, bool secret) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, secret ? 0600 : 0644);
    if (fd < 0) return Error{"keys.write", path.string() + ": " + std::strerror(errno)};
    const std::string line = toBase64(key) + "\n";
    const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!written || !synced) return Error{"keys.write", path.string() + ": write failed"};
    return {};
}

template <std::size_t N>
Result<void> readKeyFile(const std::filesystem::path& path, std::array<std::uint8_t, N>& into) {
    std::ifstream in(path);
    std::string line;
    if (!in || !std::getline(in, line)) return Error{"keys.read", path.string() + ": cannot read"};
    const auto bytes = fromBase64(line);
    if (!bytes || bytes->size() != N)
        return Error{"keys.read", path.string() + ": not base64 of " + std::to_string(N) + " bytes"};
    std::copy(bytes->begin(), bytes->end(), into.begin());
    return {};
}

}  // namespace

ServerKeys ServerKeys::generate() {
    ServerKeys keys;
    crypto_box_keypair(keys.sealPublic_.data(), keys.sealSecret_.data());
    crypto_sign_keypair(keys.signPublic_.data(), keys.signSecret_.data());
    return keys;
}

Result<ServerKeys> ServerKeys::load(const std::filesystem::path& dir) {
    ServerKeys keys;
    if (auto r = readKeyFile(dir / kSealPublicFile, keys.sealPublic_); !r) return r.error();
    if (auto r = readKeyFile(dir / kSealSecretFile, keys.sealSecret_); !r) return r.error();
    if (auto r = readKeyFile(dir / kSignPublicFile, keys.signPublic_); !r) return r.error();
    if (auto r = readKeyFile(dir / kSignSecretFile, keys.signSecret_); !r) return r.error();
    // A public file that does not belong to its private file would make every kiosk fail later.
    std::array<std::uint8_t, crypto_box_PUBLICKEYBYTES> derived{};
    crypto_scalarmult_base(derived.data(), keys.sealSecret_.data());
    if (derived != keys.sealPublic_) return Error{"keys.mismatch", "the seal public key is not the secret key's"};
    std::array<std::uint8_t, crypto_sign_PUBLICKEYBYTES> signDerived{};
    crypto_sign_ed25519_sk_to_pk(signDerived.data(), keys.signSecret_.data());
    if (signDerived != keys.signPublic_)
        return Error{"keys.mismatch", "the signing public key is not the secret key's"};
    return keys;
}

Result<void> ServerKeys::save(const std::filesystem::path& dir) const {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return Error{"keys.write", dir.string() + ": " + ec.message()};
    if (auto r = writeKeyFile(dir / kSealSecretFile, sealSecret_, true); !r) return r;
    if (auto r = writeKeyFile(dir / kSealPublicFile, sealPublic_, false); !r) return r;
    if (auto r = writeKeyFile(dir / kSignSecretFile, signSecret_, true); !r) return r;
    return writeKeyFile(dir / kSignPublicFile, signPublic_, false);
}

std::string ServerKeys::sign(std::span<const std::uint8_t> message) const {
    std::array<std::uint8_t, crypto_sign_BYTES> signature{};
    crypto_sign_detached(signature.data(), nullptr, message.data(), message.size(), signSecret_.data());
    return toBase64(signature);
}

std::optional<Bytes> ServerKeys::unseal(std::span<const std::uint8_t> sealed) const {
    if (sealed.size() < crypto_box_SEALBYTES) return std::nullopt;
    Bytes plain(sealed.size() - crypto_box_SEALBYTES);
    if (crypto_box_seal_open(plain.data(), sealed.data(), sealed.size(), sealPublic_.data(), sealSecret_.data()) != 0)
        return std::nullopt;
    return plain;
}

}  // namespace kiosk::sim
