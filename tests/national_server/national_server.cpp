#include "tests/national_server/national_server.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <csignal>
#include <regex>

#include "tests/national_server/api_error.h"
#include "tests/national_server/fault_injection.h"
#include "tests/national_server/routes.h"

namespace kiosk::sim {

namespace {

constexpr std::size_t kMaxBody = 128u << 20;  // a bundle may hold many envelopes; each is checked again

bool isLoopbackHost(const std::string& host) { return host == "127.0.0.1" || host == "::1" || host == "localhost"; }

std::string openSslError() {
    const unsigned long code = ERR_get_error();
    if (code == 0) return "unknown OpenSSL error";
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    ERR_clear_error();
    return text;
}

// The TLS side the way a national server would run it: TLS 1.2 or later, the whole chain sent,
// and a client certificate required only when a client CA is configured.
std::unique_ptr<httplib::SSLServer> makeTlsServer(const SimConfig& config, std::string& failure) {
    auto server = std::make_unique<httplib::SSLServer>([&](SSL_CTX& ctx) {
        SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION);
        if (SSL_CTX_use_certificate_chain_file(&ctx, config.tlsCert.c_str()) != 1 ||
            SSL_CTX_use_PrivateKey_file(&ctx, config.tlsKey.c_str(), SSL_FILETYPE_PEM) != 1 ||
            SSL_CTX_check_private_key(&ctx) != 1) {
            failure = "--tls-cert/--tls-key: " + openSslError();
            return false;
        }
        if (!config.tlsClientCa.empty()) {
            if (SSL_CTX_load_verify_locations(&ctx, config.tlsClientCa.c_str(), nullptr) != 1) {
                failure = "--tls-client-ca: " + openSslError();
                return false;
            }
            SSL_CTX_set_client_CA_list(&ctx, SSL_load_client_CA_file(config.tlsClientCa.c_str()));
            SSL_CTX_set_verify(&ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
        }
        return true;
    });
    if (!server->is_valid()) return nullptr;
    return server;
}

void configure(httplib::Server& server, SimState& state) {
    const auto threads = state.config.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.set_keep_alive_timeout(2);
    server.set_read_timeout(10);
    server.set_write_timeout(10);
    server.set_payload_max_length(kMaxBody);
    server.set_tcp_nodelay(true);
    addApiRoutes(server, state);
    addAdminRoutes(server, state);
    // Anything else is logged like a kiosk request and answered 404 in the contract's error shape.
    const auto notFound = [&state](const httplib::Request& request, httplib::Response& response) {
        serveApi(state, request, response, false, [](const httplib::Request&, httplib::Response& r, Exchange&) {
            replyJson(r, 404, errorJson({"not_found", "no such endpoint"}));
        });
    };
    server.Get(".*", notFound);
    server.Post(".*", notFound);
    server.Put(".*", notFound);
    server.Delete(".*", notFound);
}

}  // namespace

Result<std::unique_ptr<NationalServer>> NationalServer::start(SimConfig config) {
    if (!isLoopbackHost(config.host)) return Error{"sim.config", "the simulator binds loopback addresses only"};
    if (!config.basePath.empty() && !std::regex_match(config.basePath, std::regex("(/[A-Za-z0-9_-]+)+")))
        return Error{"sim.config", "--base-path is like /api"};
    const bool tls = !config.tlsCert.empty() || !config.tlsKey.empty();
    if (tls && (config.tlsCert.empty() || config.tlsKey.empty()))
        return Error{"sim.config", "HTTPS needs both --tls-cert and --tls-key"};
    if (!config.http && !tls) return Error{"sim.config", "neither HTTP nor HTTPS is enabled"};
    if (config.dataDir.empty()) return Error{"sim.config", "--data is required to serve"};
    // A reset connection must not end the process; cpp-httplib also ignores SIGPIPE, but only once a
    // Server exists.
    std::signal(SIGPIPE, SIG_IGN);

    auto state = SimState::open(std::move(config));
    if (!state) return state.error();
    std::unique_ptr<NationalServer> server(new NationalServer(std::move(*state)));
    const auto& c = server->state_->config;
    if (c.http) {
        server->http_ = std::make_unique<httplib::Server>();
        configure(*server->http_, *server->state_);
        if (auto r = server->listen(*server->http_, server->httpPort_, server->httpThread_); !r) return r.error();
    }
    if (tls) {
        std::string failure;
        server->https_ = makeTlsServer(c, failure);
        if (!server->https_) return Error{"sim.tls", failure};
        configure(*server->https_, *server->state_);
        if (auto r = server->listen(*server->https_, server->httpsPort_, server->httpsThread_); !r) return r.error();
    }
    return server;
}

Result<void> NationalServer::listen(httplib::Server& server, int& port, std::thread& thread) {
    const auto& host = state_->config.host == "localhost" ? std::string("127.0.0.1") : state_->config.host;
    port = server.bind_to_any_port(host);
    if (port <= 0) return Error{"sim.bind", "cannot bind a port on " + host};
    thread = std::thread([&server] { server.listen_after_bind(); });
    // httplib's stop() does nothing until the loop runs, so a stop right after start would be lost.
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return {};
}

nlohmann::json NationalServer::startupLine() const {
    nlohmann::json line = nlohmann::json::object();
    if (http_) line["http_port"] = httpPort_;
    if (https_) line["https_port"] = httpsPort_;
    line["server_seal_public_key"] = state_->keys.sealPublicKeyBase64();
    line["server_signing_public_key"] = state_->keys.signingPublicKeyBase64();
    return line;
}

void NationalServer::stop() {
    state_->beginStopping();
    if (http_) http_->stop();
    if (https_) https_->stop();
    if (httpThread_.joinable()) httpThread_.join();
    if (httpsThread_.joinable()) httpsThread_.join();
}

NationalServer::~NationalServer() { stop(); }

}  // namespace kiosk::sim
