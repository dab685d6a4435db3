#pragma once
// What the simulator's tests share: a temp folder, a test kiosk with its own Ed25519 key, envelopes
// and bundles built from the text of docs/api.md (independently of the kiosk's sync code), the
// simulator started as a child process on OS-chosen ports, and a small signing HTTP client.
// Payloads are generated ("PEMOHON UJI 0001"); no real person's data.

#include <gtest/gtest.h>
#include <httplib.h>
#include <sodium.h>
#include <sys/types.h>
#include <nlohmann/json.hpp>

#include <array>
#include <csignal>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::sim::test {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

struct TestKiosk {
    std::string id;
    std::string site;
    std::array<std::uint8_t, crypto_sign_PUBLICKEYBYTES> publicKey{};
    std::array<std::uint8_t, crypto_sign_SECRETKEYBYTES> secretKey{};

    static TestKiosk make(std::string id = "KIOSK-3578-01", std::string site = "LTSA-3578");
    std::string publicKeyBase64() const;
    std::string argument() const;                      // for --kiosk: ID=KEY,SITE
    std::string sign(std::string_view message) const;  // base64
};

std::string samplePayload(int n);

struct EnvelopeParts {
    std::string id;  // empty: a fresh UUID v4
    std::string kind = "registration";
    int schema = 1;
    std::string payload;  // empty: samplePayload(1)
};
inline EnvelopeParts withPayload(std::string payload, std::string id = {}) {
    EnvelopeParts parts;
    parts.payload = std::move(payload);
    parts.id = std::move(id);
    return parts;
}

// A correct §4 envelope for `kiosk`, sealed to `sealPublicKey` (base64).
nlohmann::json makeEnvelope(const TestKiosk& kiosk, const std::string& sealPublicKey, EnvelopeParts parts = {});
// Signs (again) an envelope whose members a test changed.
void resignEnvelope(nlohmann::json& envelope, const TestKiosk& kiosk);
// A §9 export bundle file signed by `kiosk`.
std::string makeBundle(const TestKiosk& kiosk, const std::vector<nlohmann::json>& envelopes);

// The simulator as a separate process, its ports read from its first stdout line.
class SimProcess {
public:
    static std::unique_ptr<SimProcess> start(const std::vector<std::string>& args);
    ~SimProcess();
    SimProcess(const SimProcess&) = delete;
    SimProcess& operator=(const SimProcess&) = delete;

    int httpPort() const { return line_.value("http_port", 0); }
    int httpsPort() const { return line_.value("https_port", 0); }
    std::string sealPublicKey() const { return line_.value("server_seal_public_key", ""); }
    std::string signingPublicKey() const { return line_.value("server_signing_public_key", ""); }

    // SIGTERM, then the exit code (-1: did not stop within 10 s, or died of a signal).
    int stop();
    // Waits for the process to end on its own (after POST /admin/shutdown).
    int waitForExit(std::chrono::seconds timeout);

private:
    SimProcess(pid_t pid, int out, nlohmann::json line) : pid_(pid), out_(out), line_(std::move(line)) {}
    pid_t pid_;
    int out_;
    nlohmann::json line_;
};

// Runs national-server-sim to completion (keygen, import); stdout and the exit code.
struct CommandRun {
    int exitCode = -1;
    std::string out;
};
CommandRun runSim(const std::vector<std::string>& args);

// A minimal kiosk-side client: each request on a new connection, signed per §3 when a kiosk is set.
class SimClient {
public:
    explicit SimClient(int port, const TestKiosk* kiosk = nullptr);
    void setKiosk(const TestKiosk* kiosk) { kiosk_ = kiosk; }

    httplib::Result get(const std::string& path, const httplib::Headers& headers = {});
    httplib::Result post(const std::string& path, const std::string& body, httplib::Headers headers = {},
                         const std::string& contentType = "application/json");
    httplib::Result postEnvelope(const nlohmann::json& envelope);  // with its Idempotency-Key
    // Signs with another time, to test the clock check.
    httplib::Headers signatureHeaders(const std::string& method, const std::string& path, const std::string& body,
                                      const std::string& timestamp) const;

    nlohmann::json admin(const std::string& method, const std::string& path, const nlohmann::json& body = nullptr);

    httplib::Client& http() { return client_; }

private:
    httplib::Client client_;
    const TestKiosk* kiosk_;
};

std::string nowText();

// A simulator in a child process with a fresh database and one registered kiosk; stopped (exit 0
// expected, so that a sanitizer report in the server fails the test) at the end.
class SimFixture : public ::testing::Test {
protected:
    void SetUp() override {
        // A client writing to a connection the server reset or refused must see an error, not die.
        std::signal(SIGPIPE, SIG_IGN);
        kiosk = TestKiosk::make();
    }
    void TearDown() override {
        if (sim) {
            EXPECT_EQ(sim->stop(), 0) << "the simulator did not stop cleanly";
        }
    }
    void startSim(std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"--db", (dir / "sim.db").string(), "--kiosk", kiosk.argument()};
        args.insert(args.end(), extra.begin(), extra.end());
        sim = SimProcess::start(args);
        ASSERT_TRUE(sim) << "national-server-sim did not start";
        client = std::make_unique<SimClient>(sim->httpPort(), &kiosk);
    }
    nlohmann::json envelope(EnvelopeParts parts = {}) { return makeEnvelope(kiosk, sim->sealPublicKey(), parts); }
    nlohmann::json held() { return client->admin("GET", "/admin/submissions")["submissions"]; }

    TempDir dir;
    TestKiosk kiosk;
    std::unique_ptr<SimProcess> sim;
    std::unique_ptr<SimClient> client;
};
nlohmann::json parse(const httplib::Result& result);  // the body as JSON; discarded when not JSON

}  // namespace kiosk::sim::test
