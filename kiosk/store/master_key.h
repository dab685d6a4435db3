#pragma once
// The kiosk master key wraps every record key. It sits behind an interface so that a TPM-sealed key
// can replace the file without the store noticing: the store only asks it to wrap, unwrap and derive.

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string_view>

#include "kiosk/base/result.h"
#include "kiosk/store/database.h"

namespace kiosk::store {

// 32 secret bytes, wiped when destroyed. Move-only; owned by one thread at a time.
class SecretKey {
public:
    static constexpr std::size_t kSize = 32;
    SecretKey();  // all zero
    static SecretKey random();

    std::uint8_t* data() { return bytes_->data(); }
    const std::uint8_t* data() const { return bytes_->data(); }
    std::span<const std::uint8_t, kSize> bytes() const { return *bytes_; }

private:
    struct Wipe {
        void operator()(std::array<std::uint8_t, kSize>* p) const noexcept;
    };
    std::unique_ptr<std::array<std::uint8_t, kSize>, Wipe> bytes_;
};

// Immutable after construction, so the UI and sync threads may share one.
class MasterKey {
public:
    virtual ~MasterKey() = default;
    virtual Result<Bytes> wrap(const SecretKey& recordKey) const = 0;
    virtual Result<SecretKey> unwrap(std::span<const std::uint8_t> wrapped) const = 0;
    // A key for one purpose (e.g. keyed hashes for index lookups), never equal to the wrapping key.
    // `context` is exactly 8 characters.
    virtual Result<SecretKey> derive(std::uint64_t subkeyId, std::string_view context) const = 0;
};

// The master key in a file only the kiosk's user may read: created (0600, O_EXCL, no symlinks) with
// random bytes on first start; a file readable or writable by group or others is refused.
// Immutable once opened: the UI and sync threads may share one.
class FileMasterKey final : public MasterKey {
public:
    static Result<std::unique_ptr<FileMasterKey>> openOrCreate(const std::filesystem::path& file);

    Result<Bytes> wrap(const SecretKey& recordKey) const override;
    Result<SecretKey> unwrap(std::span<const std::uint8_t> wrapped) const override;
    Result<SecretKey> derive(std::uint64_t subkeyId, std::string_view context) const override;

private:
    explicit FileMasterKey(SecretKey key) : key_(std::move(key)) {}
    SecretKey key_;
};

// libsodium must be initialised before any use; safe to call from any thread, any number of times.
Result<void> initSodium();

}  // namespace kiosk::store
