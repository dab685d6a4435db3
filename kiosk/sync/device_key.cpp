#include "kiosk/sync/device_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "kiosk/store/master_key.h"
#include "kiosk/sync/wire_format.h"

namespace kiosk::sync {

namespace {

constexpr std::size_t kSeedSize = crypto_sign_SEEDBYTES;

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

struct WipedSeed {
    std::array<std::uint8_t, kSeedSize> bytes{};
    ~WipedSeed() { sodium_memzero(bytes.data(), bytes.size()); }
};

Error fileError(std::string_view what, const std::filesystem::path& file, int err) {
    return Error{"sync.device_key_io", std::string(what) + " " + file.string() + ": " + std::strerror(err)};
}

// First start: a fresh random seed, written to a file nobody else can open, and flushed with its folder.
Result<void> createKeyFile(const std::filesystem::path& file) {
    Fd out{::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600)};
    if (out.fd < 0) {
        if (errno == EEXIST) return {};  // someone else created it first: read theirs
        return fileError("cannot create device key file", file, errno);
    }
    WipedSeed seed;
    randombytes_buf(seed.bytes.data(), seed.bytes.size());
    const std::uint8_t* data = seed.bytes.data();
    std::size_t left = seed.bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(out.fd, data, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return fileError("cannot write device key file", file, errno);
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(out.fd) != 0) return fileError("cannot flush device key file", file, errno);
    Fd dir{::open(file.parent_path().empty() ? "." : file.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (dir.fd >= 0) ::fsync(dir.fd);
    return {};
}

std::string octal(mode_t mode) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04o", static_cast<unsigned>(mode & 07777));
    return buffer;
}

}  // namespace

Result<PublicKey> publicKeyFromBase64(std::string_view text, std::string_view what) {
    const auto bytes = base64Decode(text);
    if (!bytes || bytes->size() != PublicKey{}.size())
        return Error{"sync.bad_public_key",
                     std::string(what) + " must be standard base64 (with padding) of exactly 32 bytes"};
    PublicKey key{};
    std::memcpy(key.data(), bytes->data(), key.size());
    return key;
}

std::string publicKeyBase64(const DeviceKey& key) { return base64Encode(key.publicKey()); }

std::string fingerprint(const PublicKey& key) {
    const auto hex = sha256Hex(std::span<const std::uint8_t>(key));
    return hex.substr(0, 4) + "-" + hex.substr(4, 4) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4);
}

void FileDeviceKey::Wipe::operator()(std::array<std::uint8_t, 64>* p) const noexcept {
    sodium_memzero(p->data(), p->size());
    delete p;
}

Result<std::unique_ptr<FileDeviceKey>> FileDeviceKey::openOrCreate(const std::filesystem::path& file) {
    return open(file, true);
}

Result<std::unique_ptr<FileDeviceKey>> FileDeviceKey::openExisting(const std::filesystem::path& file) {
    return open(file, false);
}

Result<std::unique_ptr<FileDeviceKey>> FileDeviceKey::open(const std::filesystem::path& file, bool create) {
    if (auto r = store::initSodium(); !r) return r.error();
    Fd in{::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)};
    if (in.fd < 0 && errno == ENOENT) {
        if (!create)
            return Error{"sync.device_key_missing", "there is no device key at " + file.string() +
                                                        "; create it with `kioskctl device-key` and enrol the kiosk"};
        if (auto r = createKeyFile(file); !r) return r.error();
        in.fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    }
    if (in.fd < 0) {
        if (errno == ELOOP) return Error{"sync.device_key_symlink", file.string() + " is a symbolic link; refused"};
        return fileError("cannot open device key file", file, errno);
    }
    struct stat st {};
    if (::fstat(in.fd, &st) != 0) return fileError("cannot stat device key file", file, errno);
    if (!S_ISREG(st.st_mode)) return Error{"sync.device_key_type", file.string() + " is not a regular file"};
    if ((st.st_mode & 077) != 0)
        return Error{"sync.device_key_permissions",
                     file.string() + " has mode " + octal(st.st_mode) +
                         ": group or others may read or write it; it must be readable only by the kiosk's user "
                         "(chmod 600), and since it may have leaked, have the kiosk's key revoked and re-enrol"};
    if (st.st_uid != ::geteuid())
        return Error{"sync.device_key_owner", file.string() + " belongs to uid " + std::to_string(st.st_uid) +
                                                  ", not to the kiosk's user (uid " + std::to_string(::geteuid()) +
                                                  ")"};
    if (st.st_size != static_cast<off_t>(kSeedSize))
        return Error{"sync.device_key_corrupt", file.string() + " is " + std::to_string(st.st_size) +
                                                    " bytes, expected " + std::to_string(kSeedSize)};
    WipedSeed seed;
    std::size_t got = 0;
    while (got < kSeedSize) {
        const ssize_t n = ::read(in.fd, seed.bytes.data() + got, kSeedSize - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return fileError("cannot read device key file", file, n < 0 ? errno : EIO);
        got += static_cast<std::size_t>(n);
    }
    SecretHalf secret(new std::array<std::uint8_t, 64>{});
    PublicKey publicKey{};
    crypto_sign_seed_keypair(publicKey.data(), secret->data(), seed.bytes.data());
    return std::unique_ptr<FileDeviceKey>(new FileDeviceKey(std::move(secret), publicKey));
}

Result<Signature> FileDeviceKey::sign(std::span<const std::uint8_t> message) const {
    Signature signature{};
    crypto_sign_detached(signature.data(), nullptr, message.data(), message.size(), secret_->data());
    return signature;
}

}  // namespace kiosk::sync
