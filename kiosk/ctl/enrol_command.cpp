// kioskctl enrol: the kiosk's first-start provisioning with the national server (docs/api.md §10).
// It makes the kiosk's signing key when there is none, sends the kiosk and site ids with the
// one-time enrolment token the technician was given and the key's public half, and takes the
// server's two public keys from the reply; with --write it sets them in the settings file. It
// prints the kiosk id and the key's fingerprint for the technician to read out by phone.
//
// The token is read from standard input (first line) unless --token gives it, so that it does not
// show in the process list; it is never printed.

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <string>

#include "kiosk/base/clock.h"
#include "kiosk/ctl/command.h"
#include "kiosk/ctl/sync_settings_file.h"
#include "kiosk/sync/atomic_file.h"
#include "kiosk/sync/curl_server_api.h"
#include "kiosk/sync/device_key.h"
#include "kiosk/sync/request_signer.h"

namespace kiosk::ctl {

namespace {

struct EnrolOptions {
    std::string config = kDefaultConfig;
    std::string token;
    bool write = false;
};

int fail(std::string code, std::string detail, int exit) {
    printFailure(Error{std::move(code), std::move(detail)});
    return exit;
}

// The reply's key, checked: 32 bytes of standard base64.
Result<std::string> replyKey(const nlohmann::json& reply, const char* name) {
    if (!reply.contains(name) || !reply[name].is_string())
        return Error{"enrolment.bad_reply", std::string("the server's reply has no ") + name};
    const auto text = reply[name].get<std::string>();
    if (auto key = sync::publicKeyFromBase64(text, name); !key) return Error{"enrolment.bad_reply", key.error().detail};
    return text;
}

int enrol(EnrolOptions o) {
    auto settings = loadSettings(o.config, {"kiosk.id", "kiosk.site_id", "sync.server_url", "sync.device_key"});
    if (!settings) return printFailure(settings.error());
    if (o.token.empty() && !std::getline(std::cin, o.token))
        return fail("enrolment.no_token", "give the enrolment token on standard input or with --token", kUsage);
    while (!o.token.empty() && (o.token.back() == '\r' || o.token.back() == ' ')) o.token.pop_back();
    if (o.token.empty()) return fail("enrolment.no_token", "the enrolment token is empty", kUsage);

    auto key = sync::FileDeviceKey::openOrCreate(settings->deviceKey);
    if (!key) return printFailure(key.error());
    const SystemClock clock;
    auto server =
        sync::CurlServerApi::create(settings->transport(), sync::RequestSigner(**key, settings->kioskId, clock));
    if (!server) return printFailure(server.error());
    const nlohmann::json request{{"kiosk_id", settings->kioskId},
                                 {"site_id", settings->siteId},
                                 {"enrolment_token", o.token},
                                 {"signing_public_key", sync::publicKeyBase64(**key)}};
    const auto answer = (*server)->postEnrolment(request.dump());
    if (!answer.answered())
        return fail("enrolment.unreachable", "the server did not answer: " + answer.failure->reason, kInvalid);
    const auto reply = nlohmann::json::parse(answer.body, nullptr, false);
    if (answer.status == 403)
        return fail("enrolment.refused",
                    "the server refused the enrolment token (used before, or not issued for this kiosk)", kInvalid);
    if (answer.status != 201 || !reply.is_object())
        return fail(
            "enrolment.failed",
            "the server answered HTTP " + std::to_string(answer.status) +
                (reply.is_object() && reply.contains("error") ? ": " + reply["error"].value("code", std::string())
                                                              : std::string()),
            kInvalid);
    auto seal = replyKey(reply, "server_seal_public_key");
    if (!seal) return fail(seal.error().code, seal.error().detail, kInvalid);
    auto signing = replyKey(reply, "server_signing_public_key");
    if (!signing) return fail(signing.error().code, signing.error().detail, kInvalid);

    nlohmann::json out{{"kiosk_id", settings->kioskId},
                       {"site_id", settings->siteId},
                       {"fingerprint", sync::fingerprint((*key)->publicKey())},
                       {"enrolled", true},
                       {"server_seal_public_key", *seal},
                       {"server_signing_public_key", *signing},
                       {"written", false}};
    if (o.write) {
        auto text = sync::readWholeFile(o.config);
        if (!text) return printFailure(text.error());
        const auto updated = sync::withServerKeys(*text, *seal, *signing);
        // What is written must read back as the same settings with the server's keys.
        auto check = sync::parseSyncSettings(updated, o.config);
        if (!check || !check->serverSealKey || !check->serverSigningKey)
            return fail("enrolment.write", "the settings file would not read back with the server's keys", kInvalid);
        if (auto written = sync::writeFileAtomically(o.config, updated); !written) return printFailure(written.error());
        out["written"] = true;
    }
    std::cout << out.dump() << '\n';
    return kValid;
}

}  // namespace

void addEnrolCommand(CLI::App& app, Runner& run) {
    auto options = std::make_shared<EnrolOptions>();
    auto* cmd = app.add_subcommand("enrol", "Enrol the kiosk with the national server (first start)");
    cmd->add_option("--config", options->config, "the kiosk's settings file")->capture_default_str();
    cmd->add_option("--token", options->token, "the one-time enrolment token (default: read from standard input)");
    cmd->add_flag("--write", options->write, "set the server's keys from the reply in the settings file");
    cmd->callback([options, &run] { run = [options] { return enrol(*options); }; });
}

}  // namespace kiosk::ctl
