#pragma once
// Shared by the sync tests: the national server's key pairs made up for the test, a scripted
// ServerApi that records every call, and helpers that open envelopes the way the server would.

#include <gtest/gtest.h>
#include <sodium.h>
#include <nlohmann/json.hpp>

#include <deque>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/sync/device_key.h"
#include "kiosk/sync/server_api.h"
#include "kiosk/sync/wire_format.h"
#include "tests/unit/store_test_support.h"

namespace kiosk::test {

// The server's seal (X25519) and signing (Ed25519) key pairs, fresh for each test.
struct ServerKeyPairs {
    sync::PublicKey sealPublic{};
    std::array<std::uint8_t, crypto_box_SECRETKEYBYTES> sealSecret{};
    sync::PublicKey signingPublic{};
    std::array<std::uint8_t, crypto_sign_SECRETKEYBYTES> signingSecret{};

    ServerKeyPairs() {
        if (sodium_init() < 0) throw std::runtime_error("sodium_init failed");
        crypto_box_keypair(sealPublic.data(), sealSecret.data());
        crypto_sign_keypair(signingPublic.data(), signingSecret.data());
    }

    // A §6 signed document over `document`, signed with `secret` (the server's key by default).
    std::string sign(const std::string& document, const std::uint8_t* secret = nullptr) const {
        std::array<std::uint8_t, crypto_sign_BYTES> sig{};
        crypto_sign_detached(sig.data(), nullptr, reinterpret_cast<const std::uint8_t*>(document.data()),
                             document.size(), secret ? secret : signingSecret.data());
        return nlohmann::json{{"document", sync::base64Encode(document)}, {"signature", sync::base64Encode(sig)}}
            .dump();
    }

    // The payload inside `sealedBase64`, as the server unseals it; nullopt when it does not open.
    std::optional<store::Bytes> unseal(const std::string& sealedBase64) const {
        const auto sealed = sync::base64Decode(sealedBase64);
        if (!sealed || sealed->size() < crypto_box_SEALBYTES) return std::nullopt;
        store::Bytes plain(sealed->size() - crypto_box_SEALBYTES);
        if (crypto_box_seal_open(plain.data(), sealed->data(), sealed->size(), sealPublic.data(), sealSecret.data()) !=
            0)
            return std::nullopt;
        return plain;
    }
};

inline sync::ServerAnswer answer(int status, std::string body = {}) {
    sync::ServerAnswer a;
    a.status = status;
    a.body = std::move(body);
    return a;
}

inline sync::ServerAnswer unreachable(bool requestSent = false) {
    sync::ServerAnswer a;
    a.failure = sync::TransportFailure{7, "could not connect to the server (test)", requestSent};
    return a;
}

inline std::string ackBody(const std::string& id, const std::string& hash,
                           const std::string& reference = "PMI-2026-000123") {
    return nlohmann::json{{"id", id}, {"payload_sha256", hash}, {"reference", reference}, {"status", "received"}}
        .dump();
}

inline std::string errorBody(const std::string& code) {
    return nlohmann::json{{"error", {{"code", code}, {"message", "test"}}}}.dump();
}

// A scripted national server. Each endpoint answers from its queue of answers, or, when the queue
// is empty, from its default function. Every call is recorded.
class FakeServerApi final : public sync::ServerApi {
public:
    struct Call {
        std::string endpoint;  // "submission", "batch", "config", "catalogue/<name>", "heartbeat", "status"
        std::string body;
        std::string idempotencyKey;
        std::optional<std::string> etag;
    };
    using Respond = std::function<sync::ServerAnswer(const Call&)>;

    std::vector<Call> calls;
    std::map<std::string, std::deque<sync::ServerAnswer>> queued;
    std::map<std::string, Respond> responders;

    // By default the server acknowledges every envelope with 201 and has nothing else.
    FakeServerApi() {
        responders["submission"] = [](const Call& c) {
            const auto e = nlohmann::json::parse(c.body);
            return answer(201, ackBody(e["id"], e["payload_sha256"]));
        };
        responders["batch"] = [](const Call& c) {
            auto results = nlohmann::json::array();
            const auto batch = nlohmann::json::parse(c.body);
            for (const auto& e : batch["submissions"])
                results.push_back({{"id", e["id"]},
                                   {"status", 201},
                                   {"payload_sha256", e["payload_sha256"]},
                                   {"reference", "PMI-2026-000001"}});
            return answer(200, nlohmann::json{{"results", results}}.dump());
        };
        responders["heartbeat"] = [](const Call&) { return answer(200, R"({"server_time":"2026-03-01T00:00:00Z"})"); };
        responders["status"] = [](const Call&) { return answer(200, R"({"statuses":[]})"); };
    }

    std::size_t count(const std::string& endpoint) const {
        std::size_t n = 0;
        for (const auto& c : calls) n += c.endpoint == endpoint ? 1u : 0u;
        return n;
    }

    sync::ServerAnswer postSubmission(std::string_view id, std::string_view envelope) override {
        return reply({"submission", std::string(envelope), std::string(id), {}});
    }
    sync::ServerAnswer postBatch(std::string_view batch) override {
        return reply({"batch", std::string(batch), {}, {}});
    }
    sync::ServerAnswer getConfig(std::string_view, std::optional<std::string_view> etag) override {
        return reply({"config", {}, {}, etag ? std::optional<std::string>(std::string(*etag)) : std::nullopt});
    }
    sync::ServerAnswer getCatalogue(std::string_view name, std::optional<std::string_view> etag) override {
        return reply({"catalogue/" + std::string(name),
                      {},
                      {},
                      etag ? std::optional<std::string>(std::string(*etag)) : std::nullopt});
    }
    sync::ServerAnswer postHeartbeat(std::string_view, std::string_view body) override {
        return reply({"heartbeat", std::string(body), {}, {}});
    }
    sync::ServerAnswer postStatusQuery(std::string_view body) override {
        return reply({"status", std::string(body), {}, {}});
    }

private:
    sync::ServerAnswer reply(Call call) {
        calls.push_back(call);
        auto& queue = queued[call.endpoint];
        if (!queue.empty()) {
            auto a = queue.front();
            queue.pop_front();
            return a;
        }
        const auto it = responders.find(call.endpoint);
        if (it != responders.end()) return it->second(call);
        // Anything not scripted (configuration, catalogues) is unavailable.
        return answer(503);
    }
};

}  // namespace kiosk::test
