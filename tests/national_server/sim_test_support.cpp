#include "tests/national_server/sim_test_support.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "tests/national_server/request_signature.h"
#include "tests/national_server/wire_format.h"

namespace kiosk::sim::test {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "loket-sim-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

TestKiosk TestKiosk::make(std::string id, std::string site) {
    TestKiosk k;
    k.id = std::move(id);
    k.site = std::move(site);
    crypto_sign_keypair(k.publicKey.data(), k.secretKey.data());
    return k;
}

std::string TestKiosk::publicKeyBase64() const { return toBase64(publicKey); }
std::string TestKiosk::argument() const { return id + "=" + publicKeyBase64() + "," + site; }

std::string TestKiosk::sign(std::string_view message) const {
    std::array<std::uint8_t, crypto_sign_BYTES> signature{};
    crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                         message.size(), secretKey.data());
    return toBase64(signature);
}

std::string samplePayload(int n) {
    char name[32];
    std::snprintf(name, sizeof name, "PEMOHON UJI %04d", n);
    return nlohmann::json{{"generated", true}, {"record", n}, {"applicant", {{"name", name}}}}.dump();
}

namespace {

std::string signingString(const nlohmann::json& e) {
    const auto sealed = fromBase64(e["sealed_payload"].get<std::string>()).value_or(Bytes{});
    return "LOKET-ENVELOPE-1\n" + e["id"].get<std::string>() + "\n" + e["kind"].get<std::string>() + "\n" +
           e["schema"].dump() + "\n" + e["kiosk_id"].get<std::string>() + "\n" + e["site_id"].get<std::string>() +
           "\n" + e["created_at"].get<std::string>() + "\n" + e["payload_sha256"].get<std::string>() + "\n" +
           sha256Hex(sealed);
}

}  // namespace

nlohmann::json makeEnvelope(const TestKiosk& kiosk, const std::string& sealPublicKey, EnvelopeParts parts) {
    if (parts.id.empty()) parts.id = newUuidV4();
    if (parts.payload.empty()) parts.payload = samplePayload(1);
    const auto key = fromBase64(sealPublicKey).value_or(Bytes(crypto_box_PUBLICKEYBYTES));
    Bytes sealed(parts.payload.size() + crypto_box_SEALBYTES);
    crypto_box_seal(sealed.data(), reinterpret_cast<const unsigned char*>(parts.payload.data()), parts.payload.size(),
                    key.data());
    nlohmann::json e = {{"id", parts.id},
                        {"kind", parts.kind},
                        {"schema", parts.schema},
                        {"kiosk_id", kiosk.id},
                        {"site_id", kiosk.site},
                        {"created_at", nowText()},
                        {"payload_sha256", sha256Hex(parts.payload)},
                        {"sealed_payload", toBase64(sealed)}};
    resignEnvelope(e, kiosk);
    return e;
}

void resignEnvelope(nlohmann::json& envelope, const TestKiosk& kiosk) {
    envelope["signature"] = kiosk.sign(signingString(envelope));
}

std::string makeBundle(const TestKiosk& kiosk, const std::vector<nlohmann::json>& envelopes) {
    const auto document = nlohmann::json{{"format", "loket-export"}, {"version", 1},
                                         {"kiosk_id", kiosk.id},     {"site_id", kiosk.site},
                                         {"created_at", nowText()},  {"submissions", envelopes}}
                              .dump();
    return nlohmann::json{{"document", toBase64(document)}, {"signature", kiosk.sign(document)}}.dump();
}

std::unique_ptr<SimProcess> SimProcess::start(const std::vector<std::string>& args) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return nullptr;
    std::vector<std::string> argv{NATIONAL_SERVER_SIM_PATH};
    argv.insert(argv.end(), args.begin(), args.end());
    const pid_t pid = ::fork();
    if (pid < 0) return nullptr;
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // a crashed test leaves no server behind
        ::dup2(fds[1], STDOUT_FILENO);
        std::vector<char*> raw;
        for (auto& a : argv) raw.push_back(a.data());
        raw.push_back(nullptr);
        ::execv(raw[0], raw.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    // The first line, within 20 s (a sanitizer build on a busy machine starts slowly).
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
        pollfd p{fds[0], POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0) continue;
        char buffer[512];
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n <= 0) break;
        line.append(buffer, static_cast<std::size_t>(n));
    }
    auto json = nlohmann::json::parse(line.substr(0, line.find('\n')), nullptr, false);
    std::unique_ptr<SimProcess> process(new SimProcess(pid, fds[0], json));
    if (!json.is_object() || json.contains("error")) {
        process->stop();
        return nullptr;
    }
    return process;
}

int SimProcess::waitForExit(std::chrono::seconds timeout) {
    if (pid_ <= 0) return -1;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        const pid_t done = ::waitpid(pid_, &status, WNOHANG);
        if (done == pid_) {
            pid_ = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return -1;
}

int SimProcess::stop() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    const int code = waitForExit(std::chrono::seconds(10));
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }
    return code;
}

SimProcess::~SimProcess() {
    stop();
    ::close(out_);
}

CommandRun runSim(const std::vector<std::string>& args) {
    std::string command = NATIONAL_SERVER_SIM_PATH;
    for (const auto& a : args) {
        command += " '";
        for (const char c : a) command += c == '\'' ? std::string("'\\''") : std::string(1, c);
        command += "'";
    }
    CommandRun run;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return run;
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
    const int status = ::pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

SimClient::SimClient(int port, const TestKiosk* kiosk) : client_("127.0.0.1", port), kiosk_(kiosk) {
    client_.set_connection_timeout(std::chrono::seconds(5));
    client_.set_read_timeout(std::chrono::seconds(10));
    client_.set_keep_alive(false);
}

std::string nowText() { return formatTime(std::chrono::system_clock::now()); }

nlohmann::json parse(const httplib::Result& result) {
    if (!result) return nlohmann::json::value_t::discarded;
    return nlohmann::json::parse(result->body, nullptr, false);
}

httplib::Headers SimClient::signatureHeaders(const std::string& method, const std::string& path,
                                             const std::string& body, const std::string& timestamp) const {
    return {{"Loket-Kiosk-Id", kiosk_->id},
            {"Loket-Timestamp", timestamp},
            {"Loket-Signature", kiosk_->sign(requestSigningString(method, path, timestamp, body))}};
}

httplib::Result SimClient::get(const std::string& path, const httplib::Headers& headers) {
    auto all = kiosk_ ? signatureHeaders("GET", path, "", nowText()) : httplib::Headers{};
    all.insert(headers.begin(), headers.end());
    return client_.Get(path, all);
}

httplib::Result SimClient::post(const std::string& path, const std::string& body, httplib::Headers headers,
                                const std::string& contentType) {
    // Headers the test gives win over the computed ones, so that a test can send a bad signature.
    if (kiosk_)
        for (auto& [name, value] : signatureHeaders("POST", path, body, nowText()))
            if (!headers.count(name)) headers.emplace(name, value);
    return client_.Post(path, headers, body, contentType);
}

httplib::Result SimClient::postEnvelope(const nlohmann::json& envelope) {
    return post("/v1/submissions", envelope.dump(), {{"Idempotency-Key", envelope.value("id", "")}});
}

nlohmann::json SimClient::admin(const std::string& method, const std::string& path, const nlohmann::json& body) {
    httplib::Result r = method == "GET" ? client_.Get(path)
                        : method == "DELETE"
                            ? client_.Delete(path)
                            : client_.Post(path, body.is_null() ? "" : body.dump(), "application/json");
    return parse(r);
}

}  // namespace kiosk::sim::test
