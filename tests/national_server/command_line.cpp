#include "tests/national_server/command_line.h"

#include <signal.h>
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

#include "tests/national_server/api_error.h"
#include "tests/national_server/bundle_import.h"
#include "tests/national_server/national_server.h"

namespace kiosk::sim {

namespace {

constexpr int kFailed = 1;
constexpr int kUsage = 2;

int fail(const Error& error) {
    std::cout << errorJson(error).dump() << std::endl;
    return kFailed;
}

Result<std::vector<KioskArgument>> parseKiosks(const std::vector<std::string>& args) {
    std::vector<KioskArgument> out;
    for (const auto& arg : args) {
        const auto eq = arg.find('=');
        if (eq == std::string::npos) return Error{"sim.config", "--kiosk is ID=BASE64_PUBLIC_KEY[,SITE_ID]"};
        KioskArgument k{arg.substr(0, eq), arg.substr(eq + 1), ""};
        if (const auto comma = k.signingPublicKey.find(','); comma != std::string::npos) {
            k.siteId = k.signingPublicKey.substr(comma + 1);
            k.signingPublicKey.resize(comma);
        }
        out.push_back(std::move(k));
    }
    return out;
}

int serve(SimConfig config) {
    // Signals are taken synchronously below; blocked before any thread starts, so every thread inherits it.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    auto server = NationalServer::start(std::move(config));
    if (!server) return fail(server.error());
    std::cout << (*server)->startupLine().dump() << std::endl;
    for (;;) {
        const timespec tick{0, 100'000'000};
        const int signal = sigtimedwait(&stopSignals, nullptr, &tick);
        if (signal == SIGTERM || signal == SIGINT) break;
        if ((*server)->waitForStopRequest(std::chrono::milliseconds{0})) break;
    }
    (*server)->stop();
    return 0;
}

int keygen(const std::string& out) {
    const auto keys = ServerKeys::generate();
    if (auto r = keys.save(out); !r) return fail(r.error());
    std::cout << nlohmann::json{{"server_seal_public_key", keys.sealPublicKeyBase64()},
                                {"server_signing_public_key", keys.signingPublicKeyBase64()}}
                     .dump()
              << std::endl;
    return 0;
}

int importFile(SimConfig config, const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail({"bundle_unreadable", "cannot open " + file});
    std::stringstream bytes;
    bytes << in.rdbuf();
    config.dataDir.clear();  // documents play no part in an import
    auto state = SimState::open(std::move(config));
    if (!state) return fail(state.error());
    auto results = importBundle(bytes.str(), *(*state)->kiosks, (*state)->intake, (*state)->now());
    if (!results) return fail(results.error());
    std::cout << results->dump() << std::endl;
    return 0;
}

}  // namespace

int runCommandLine(int argc, char** argv) {
    CLI::App app{"national-server-sim: the Loket national server (docs/api.md) on loopback, for tests",
                 "national-server-sim"};
    app.set_version_flag("--version", std::string("national-server-sim ") + LOKET_VERSION);
    app.require_subcommand(0, 1);

    SimConfig config;
    config.dataDir = LOKET_SIM_DATA_DIR;
    std::string keysDir, faultMix;
    std::vector<std::string> kiosks;
    std::int64_t hangMs = config.hangFor.count();
    bool noHttp = false;
    const auto addStoreOptions = [&](CLI::App& on) {
        on.add_option("--db", config.database, "the simulator's SQLite file (created if missing)");
        on.add_option("--keys", keysDir, "folder written by keygen; without it, fresh keys for this run");
        on.add_option("--kiosk", kiosks, "a kiosk's public signing key: ID=BASE64[,SITE_ID] (repeatable)");
    };
    addStoreOptions(app);
    app.add_option("--host", config.host, "loopback address to bind: 127.0.0.1 (default), ::1 or localhost");
    app.add_flag("--no-http", noHttp, "serve HTTPS only");
    app.add_option("--tls-cert", config.tlsCert, "PEM certificate chain for HTTPS (leaf first)");
    app.add_option("--tls-key", config.tlsKey, "PEM private key for HTTPS");
    app.add_option("--tls-client-ca", config.tlsClientCa, "require client certificates issued by this CA");
    app.add_option("--data", config.dataDir, "config template and catalogues")->capture_default_str();
    app.add_option("--base-path", config.basePath, "path of the kiosks' base URL, e.g. /api");
    app.add_option("--enrolment-token", config.enrolmentTokens, "a one-time enrolment token (repeatable)");
    app.add_option("--fault-mix", faultMix, "SEED:RATE[:MODE,...]: random faults on RATE of the uploads");
    app.add_option("--hang-ms", hangMs, "how long a hang fault holds a request")->capture_default_str();
    app.add_option("--staff-pin-seed", config.staffPinSeed, "seed of the generated staff PINs")->capture_default_str();
    app.add_option("--threads", config.threads, "worker threads per listening port")->capture_default_str();

    std::string keygenOut;
    auto* keygenCommand = app.add_subcommand("keygen", "write a server seal key pair and signing key pair");
    keygenCommand->add_option("--out", keygenOut, "folder for the key files")->required();

    std::string bundleFile;
    auto* importCommand = app.add_subcommand("import", "import an export bundle offline; prints the results");
    importCommand->add_option("FILE", bundleFile, "the .lkb bundle")->required();
    addStoreOptions(*importCommand);
    importCommand->get_option("--db")->required();
    importCommand->get_option("--keys")->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : kUsage;
    }
    if (*keygenCommand) return keygen(keygenOut);

    config.http = !noHttp;
    config.hangFor = std::chrono::milliseconds{hangMs};
    if (!keysDir.empty()) config.keysDir = keysDir;
    auto parsedKiosks = parseKiosks(kiosks);
    if (!parsedKiosks) return fail(parsedKiosks.error());
    config.kiosks = std::move(*parsedKiosks);
    if (!faultMix.empty()) {
        auto mix = FaultPlan::parseMix(faultMix);
        if (!mix) return fail(mix.error());
        config.faultMix = std::move(*mix);
    }
    if (*importCommand) return importFile(std::move(config), bundleFile);
    return serve(std::move(config));
}

}  // namespace kiosk::sim
