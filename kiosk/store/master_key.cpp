#include "kiosk/store/master_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace kiosk::store {

namespace {

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

std::string octal(mode_t mode) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04o", static_cast<unsigned>(mode & 07777));
    return buffer;
}

Error fileError(std::string_view what, const std::filesystem::path& file, int err) {
    return Error{"store.master_key_io", std::string(what) + " " + file.string() + ": " + std::strerror(err)};
}

Result<void> writeAll(int fd, const std::uint8_t* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return Error{"store.master_key_io", std::string("write: ") + std::strerror(errno)};
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return {};
}

// First start: a fresh random key, written to a file nobody else can open, and flushed.
Result<void> createKeyFile(const std::filesystem::path& file) {
    Fd out{::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600)};
    if (out.fd < 0) {
        if (errno == EEXIST) return {};  // someone else created it first: read theirs
        return fileError("cannot create master key file", file, errno);
    }
    const auto key = SecretKey::random();
    if (auto r = writeAll(out.fd, key.data(), SecretKey::kSize); !r) return r.error();
    if (::fsync(out.fd) != 0) return fileError("cannot flush master key file", file, errno);
    Fd dir{::open(file.parent_path().empty() ? "." : file.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (dir.fd >= 0) ::fsync(dir.fd);
    return {};
}

}  // namespace

Result<void> initSodium() {
    if (sodium_init() < 0) return Error{"store.crypto_init", "libsodium failed to initialise"};
    return {};
}

void SecretKey::Wipe::operator()(std::array<std::uint8_t, kSize>* p) const noexcept {
    sodium_memzero(p->data(), p->size());
    delete p;
}

SecretKey::SecretKey() : bytes_(new std::array<std::uint8_t, kSize>{}) {}

SecretKey SecretKey::random() {
    SecretKey key;
    randombytes_buf(key.data(), kSize);
    return key;
}

Result<std::unique_ptr<FileMasterKey>> FileMasterKey::openOrCreate(const std::filesystem::path& file) {
    if (auto r = initSodium(); !r) return r.error();
    Fd in{::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)};
    if (in.fd < 0 && errno == ENOENT) {
        if (auto r = createKeyFile(file); !r) return r.error();
        in.fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    }
    if (in.fd < 0) {
        if (errno == ELOOP) return Error{"store.master_key_symlink", file.string() + " is a symbolic link; refused"};
        return fileError("cannot open master key file", file, errno);
    }
    struct stat st {};
    if (::fstat(in.fd, &st) != 0) return fileError("cannot stat master key file", file, errno);
    if (!S_ISREG(st.st_mode)) return Error{"store.master_key_type", file.string() + " is not a regular file"};
    if ((st.st_mode & 077) != 0)
        return Error{"store.master_key_permissions",
                     file.string() + " has mode " + octal(st.st_mode) +
                         ": group or others may read or write it; it must be readable only by the kiosk's user "
                         "(chmod 600), and since it may have leaked, consider the records it protects exposed"};
    if (st.st_uid != ::geteuid())
        return Error{"store.master_key_owner", file.string() + " belongs to uid " + std::to_string(st.st_uid) +
                                                   ", not to the kiosk's user (uid " + std::to_string(::geteuid()) +
                                                   ")"};
    if (st.st_size != static_cast<off_t>(SecretKey::kSize))
        return Error{"store.master_key_corrupt", file.string() + " is " + std::to_string(st.st_size) +
                                                     " bytes, expected " + std::to_string(SecretKey::kSize)};
    SecretKey key;
    std::size_t got = 0;
    while (got < SecretKey::kSize) {
        const ssize_t n = ::read(in.fd, key.data() + got, SecretKey::kSize - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return fileError("cannot read master key file", file, n < 0 ? errno : EIO);
        got += static_cast<std::size_t>(n);
    }
    return std::unique_ptr<FileMasterKey>(new FileMasterKey(std::move(key)));
}

Result<Bytes> FileMasterKey::wrap(const SecretKey& recordKey) const {
    Bytes out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + SecretKey::kSize);
    randombytes_buf(out.data(), crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(out.data() + crypto_secretbox_NONCEBYTES, recordKey.data(), SecretKey::kSize, out.data(),
                          key_.data());
    return out;
}

Result<SecretKey> FileMasterKey::unwrap(std::span<const std::uint8_t> wrapped) const {
    if (wrapped.size() != crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + SecretKey::kSize)
        return Error{"store.key_unwrap", "wrapped key has the wrong length"};
    SecretKey key;
    if (crypto_secretbox_open_easy(key.data(), wrapped.data() + crypto_secretbox_NONCEBYTES,
                                   wrapped.size() - crypto_secretbox_NONCEBYTES, wrapped.data(), key_.data()) != 0)
        return Error{"store.key_unwrap", "wrapped key failed authentication (wrong master key or tampered)"};
    return key;
}

Result<SecretKey> FileMasterKey::derive(std::uint64_t subkeyId, std::string_view context) const {
    if (context.size() != crypto_kdf_CONTEXTBYTES)
        return Error{"store.key_derive", "a key derivation context is exactly 8 characters"};
    SecretKey subkey;
    char ctx[crypto_kdf_CONTEXTBYTES + 1] = {};
    std::memcpy(ctx, context.data(), crypto_kdf_CONTEXTBYTES);
    if (crypto_kdf_derive_from_key(subkey.data(), SecretKey::kSize, subkeyId, ctx, key_.data()) != 0)
        return Error{"store.key_derive", "key derivation failed"};
    return subkey;
}

}  // namespace kiosk::store
