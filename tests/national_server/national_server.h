#pragma once
// national-server-sim in one object: the shared state, an HTTP and/or an HTTPS server on loopback
// ports chosen by the OS, one listening thread each, and an orderly stop that first releases hung
// requests and dripping replies. A test may run it in its own process; main() runs it until
// SIGTERM, SIGINT or POST /admin/shutdown.

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <thread>

#include "kiosk/base/result.h"
#include "tests/national_server/sim_config.h"
#include "tests/national_server/sim_state.h"

namespace kiosk::sim {

class NationalServer {
public:
    // Listening when it returns: the ports are bound and the listening threads run.
    static Result<std::unique_ptr<NationalServer>> start(SimConfig config);
    ~NationalServer();
    NationalServer(const NationalServer&) = delete;
    NationalServer& operator=(const NationalServer&) = delete;

    int httpPort() const { return httpPort_; }    // 0 when not serving HTTP
    int httpsPort() const { return httpsPort_; }  // 0 when not serving HTTPS
    // {"http_port":..,"https_port":..,"server_seal_public_key":..,"server_signing_public_key":..}
    nlohmann::json startupLine() const;

    SimState& state() { return *state_; }
    bool waitForStopRequest(std::chrono::milliseconds timeout) { return state_->waitForStopRequest(timeout); }
    // Idempotent; joins the listening threads, which finish the requests in progress.
    void stop();

private:
    explicit NationalServer(std::unique_ptr<SimState> state) : state_(std::move(state)) {}
    Result<void> listen(httplib::Server& server, int& port, std::thread& thread);

    std::unique_ptr<SimState> state_;
    std::unique_ptr<httplib::Server> http_;
    std::unique_ptr<httplib::SSLServer> https_;
    std::thread httpThread_;
    std::thread httpsThread_;
    int httpPort_ = 0;
    int httpsPort_ = 0;
};

}  // namespace kiosk::sim
