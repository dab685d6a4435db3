#pragma once
// Everything national-server-sim is started with; filled by the command line or by a test that
// runs the server in its own process.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tests/national_server/fault_plan.h"

namespace kiosk::sim {

struct KioskArgument {
    std::string kioskId;
    std::string signingPublicKey;  // base64
    std::string siteId;            // empty: KioskRegistry::kDefaultSite
};

struct SimConfig {
    std::string host = "127.0.0.1";  // loopback only: 127.0.0.1, ::1 or localhost
    bool http = true;
    // HTTPS is served when both are given; a test makes them a bad certificate on purpose.
    std::filesystem::path tlsCert;  // PEM chain, leaf first
    std::filesystem::path tlsKey;
    std::filesystem::path tlsClientCa;  // when given, a client certificate from this CA is required
    std::filesystem::path database;
    std::optional<std::filesystem::path> keysDir;  // none: a fresh key pair for this run only
    std::filesystem::path dataDir;
    std::string basePath;  // the path part of the kiosks' base URL, e.g. "/api"; empty: "/v1/..." at the root
    std::vector<KioskArgument> kiosks;
    std::vector<std::string> enrolmentTokens;
    std::optional<FaultPlan::Mix> faultMix;
    std::chrono::milliseconds hangFor{30000};
    std::uint64_t staffPinSeed = 1;
    std::size_t threads = 24;  // a hung request holds one; keep-alive connections hold one each
};

}  // namespace kiosk::sim
