#pragma once
// Expected failures as values: every fallible call in the domain returns Result<T>.
// An Error carries a stable machine code (also the i18n key suffix for the screen) and a
// precise detail for logs. Misuse (reading the value of a failed Result) is a bug and asserts.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace kiosk {

struct Error {
    std::string code;    // stable, dotted: "nik.length", "mrz.check_digit"
    std::string detail;  // for logs and operators; never personal data

    friend bool operator==(const Error&, const Error&) = default;
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design, like std::expected
    Result(Error error) : v_(std::move(error)) {}  // NOLINT

    explicit operator bool() const noexcept { return v_.index() == 0; }
    bool ok() const noexcept { return v_.index() == 0; }

    T& value() & {
        assert(ok());
        return std::get<0>(v_);
    }
    const T& value() const& {
        assert(ok());
        return std::get<0>(v_);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(v_));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const {
        assert(!ok());
        return std::get<1>(v_);
    }

private:
    std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), failed_(true) {}  // NOLINT

    explicit operator bool() const noexcept { return !failed_; }
    bool ok() const noexcept { return !failed_; }
    const Error& error() const {
        assert(failed_);
        return error_;
    }

private:
    Error error_;
    bool failed_ = false;
};

inline Error makeError(std::string code, std::string detail = {}) { return Error{std::move(code), std::move(detail)}; }

}  // namespace kiosk
