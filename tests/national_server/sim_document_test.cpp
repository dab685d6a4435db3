// Configuration and catalogues (docs/api.md §6): signed by the server key over the exact bytes,
// ETag and If-None-Match, a kiosk's own config only, staff PIN hashes that verify, and a document
// replaced by an admin call changing its ETag.

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "tests/national_server/signed_documents.h"
#include "tests/national_server/sim_test_support.h"
#include "tests/national_server/wire_format.h"

namespace kiosk::sim::test {
namespace {

using Documents = SimFixture;

// The document's bytes after checking the signature with the server's public signing key.
std::optional<std::string> verifiedDocument(const nlohmann::json& body, const std::string& signingKey) {
    const auto bytes = fromBase64(body.value("document", ""));
    const auto signature = fromBase64(body.value("signature", ""));
    const auto key = fromBase64(signingKey);
    if (!bytes || !signature || !key || signature->size() != crypto_sign_BYTES) return std::nullopt;
    if (crypto_sign_verify_detached(signature->data(), bytes->data(), bytes->size(), key->data()) != 0)
        return std::nullopt;
    return std::string(asText(*bytes));
}

TEST_F(Documents, ConfigIsSignedAndItsStaffPinHashesVerify) {
    startSim({"--staff-pin-seed", "7"});
    const auto reply = client->get("/v1/kiosks/" + kiosk.id + "/config");
    ASSERT_TRUE(reply);
    ASSERT_EQ(reply->status, 200);
    const auto bytes = verifiedDocument(parse(reply), sim->signingPublicKey());
    ASSERT_TRUE(bytes) << "the config signature does not verify";
    const auto config = nlohmann::json::parse(*bytes);
    EXPECT_EQ(config["kiosk_id"], kiosk.id);
    EXPECT_EQ(config["site_id"], kiosk.site);
    EXPECT_TRUE(parseTime(config["issued_at"].get<std::string>()));
    EXPECT_EQ(config["settings"]["idle_timeout_s"], 90);

    const auto staff = client->admin("GET", "/admin/staff")["staff"];
    ASSERT_EQ(config["staff"].size(), staff.size());
    ASSERT_GE(staff.size(), 3u);
    for (std::size_t i = 0; i < staff.size(); ++i) {
        const auto hash = config["staff"][i]["pin_hash"].get<std::string>();
        const auto pin = staff[i]["pin"].get<std::string>();
        EXPECT_TRUE(hash.starts_with("$argon2id$"));
        EXPECT_EQ(crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()), 0) << staff[i]["staff_id"];
        EXPECT_NE(crypto_pwhash_str_verify(hash.c_str(), "000000", 6), 0);
        EXPECT_TRUE(config["staff"][i]["display_name"].get<std::string>().find(' ') != std::string::npos);
    }
}

TEST_F(Documents, AKioskGetsOnlyItsOwnConfig) {
    startSim();
    const auto reply = client->get("/v1/kiosks/KIOSK-0000-01/config");
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 403);
    EXPECT_EQ(parse(reply)["error"]["code"], "kiosk_mismatch");
}

TEST_F(Documents, EtagGives304UntilTheDocumentIsReplaced) {
    startSim();
    const std::string path = "/v1/catalogues/regencies";
    const auto first = client->get(path);
    ASSERT_TRUE(first);
    const auto etag = first->get_header_value("ETag");
    ASSERT_FALSE(etag.empty());
    const auto same = client->get(path, {{"If-None-Match", etag}});
    ASSERT_TRUE(same);
    EXPECT_EQ(same->status, 304);
    EXPECT_TRUE(same->body.empty());
    EXPECT_EQ(client->get(path, {{"If-None-Match", "\"something-else\""}})->status, 200);

    const nlohmann::json replacement = {
        {"name", "regencies"},
        {"version", 2},
        {"issued_at", nowText()},
        {"items", {{{"code", "3578"}, {"name", "Kota Surabaya"}, {"province_code", "35"}}}}};
    const auto replaced =
        client->admin("POST", "/admin/documents", {{"catalogue", "regencies"}, {"document", replacement}});
    EXPECT_NE(replaced["etag"], etag);
    const auto after = client->get(path, {{"If-None-Match", etag}});
    ASSERT_TRUE(after);
    EXPECT_EQ(after->status, 200);
    EXPECT_EQ(after->get_header_value("ETag"), replaced["etag"]);
    const auto bytes = verifiedDocument(parse(after), sim->signingPublicKey());
    ASSERT_TRUE(bytes);
    EXPECT_EQ(nlohmann::json::parse(*bytes), replacement);
}

TEST_F(Documents, ConfigEtagIsStableAndAReplacedConfigChangesIt) {
    startSim();
    const std::string path = "/v1/kiosks/" + kiosk.id + "/config";
    const auto etag = client->get(path)->get_header_value("ETag");
    EXPECT_EQ(client->get(path, {{"If-None-Match", etag}})->status, 304);
    const nlohmann::json replacement = {{"version", 8}, {"kiosk_id", kiosk.id}, {"staff", nlohmann::json::array()}};
    client->admin("POST", "/admin/documents", {{"kiosk_id", kiosk.id}, {"document", replacement}});
    const auto after = client->get(path, {{"If-None-Match", etag}});
    EXPECT_EQ(after->status, 200);
    EXPECT_EQ(nlohmann::json::parse(*verifiedDocument(parse(after), sim->signingPublicKey()))["version"], 8);
}

// docs/api.md §6, §11: the config lists the site's enrolled kiosks and their signing keys, so that
// a kiosk checks their receipts offline; another site's kiosk is not listed, and an enrolment
// shows in the next pull with a new ETag.
TEST_F(Documents, ConfigCarriesTheSiteKiosksSigningKeys) {
    const auto neighbour = TestKiosk::make("KIOSK-3578-02", kiosk.site);
    const auto elsewhere = TestKiosk::make("KIOSK-5306-01", "LTSA-5306");
    startSim({"--kiosk", neighbour.argument(), "--kiosk", elsewhere.argument()});
    const std::string path = "/v1/kiosks/" + kiosk.id + "/config";
    const auto first = client->get(path);
    ASSERT_TRUE(first);
    ASSERT_EQ(first->status, 200);
    const auto bytes = verifiedDocument(parse(first), sim->signingPublicKey());
    ASSERT_TRUE(bytes);
    const auto keys = nlohmann::json::parse(*bytes)["kiosk_keys"];
    ASSERT_TRUE(keys.is_array());
    std::map<std::string, std::string> listed;
    for (const auto& k : keys) {
        EXPECT_EQ(k["site_id"], kiosk.site);
        listed[k["kiosk_id"].get<std::string>()] = k["signing_public_key"].get<std::string>();
    }
    EXPECT_EQ(listed, (std::map<std::string, std::string>{{kiosk.id, kiosk.publicKeyBase64()},
                                                          {neighbour.id, neighbour.publicKeyBase64()}}));

    const auto etag = first->get_header_value("ETag");
    EXPECT_EQ(client->get(path, {{"If-None-Match", etag}})->status, 304);
    const auto newcomer = TestKiosk::make("KIOSK-3578-03", kiosk.site);
    client->admin("POST", "/admin/kiosks",
                  {{"kiosk_id", newcomer.id},
                   {"site_id", newcomer.site},
                   {"signing_public_key", newcomer.publicKeyBase64()}});
    const auto after = client->get(path, {{"If-None-Match", etag}});
    ASSERT_EQ(after->status, 200);
    EXPECT_NE(after->get_header_value("ETag"), etag);
    const auto again = nlohmann::json::parse(*verifiedDocument(parse(after), sim->signingPublicKey()));
    EXPECT_EQ(again["kiosk_keys"].size(), 3u);
}

TEST_F(Documents, EveryCatalogueIsServedSignedWithItsFields) {
    startSim();
    std::map<std::string, nlohmann::json> catalogues;
    for (const char* name : SignedDocuments::kCatalogues) {
        SCOPED_TRACE(name);
        const auto reply = client->get(std::string("/v1/catalogues/") + name);
        ASSERT_TRUE(reply);
        ASSERT_EQ(reply->status, 200);
        const auto bytes = verifiedDocument(parse(reply), sim->signingPublicKey());
        ASSERT_TRUE(bytes);
        catalogues[name] = nlohmann::json::parse(*bytes);
        EXPECT_EQ(catalogues[name]["name"], name);
        EXPECT_FALSE(catalogues[name]["items"].empty());
    }
    std::set<std::string> countries;
    for (const auto& job : catalogues["job_openings"]["items"]) {
        for (const char* field : {"id", "country", "city", "employer", "agency", "position", "sector", "salary",
                                  "placement_fee", "requirements", "valid_until"})
            EXPECT_TRUE(job.contains(field)) << job["id"] << " has no " << field;
        countries.insert(job["country"].get<std::string>());
    }
    EXPECT_GE(catalogues["job_openings"]["items"].size(), 10u);
    EXPECT_EQ(countries, (std::set<std::string>{"HK", "JP", "KR", "MY", "SA", "SG", "TW"}));
    for (const auto& regency : catalogues["regencies"]["items"]) {
        EXPECT_EQ(regency["code"].get<std::string>().size(), 4u);
        EXPECT_EQ(regency["code"].get<std::string>().substr(0, 2), regency["province_code"]);
    }
    // The published issuer key is the one derived from the catalogue file's seed text.
    for (const auto& issuer : catalogues["document_issuers"]["items"]) {
        const auto seed = SignedDocuments::issuerSeed("loket-test-issuer:" + issuer["id"].get<std::string>());
        unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
        crypto_sign_seed_keypair(pk, sk, seed.data());
        EXPECT_EQ(issuer["public_key"], toBase64(std::span<const std::uint8_t>(pk, sizeof pk)));
    }
    const auto unknown = client->get("/v1/catalogues/recipes");
    EXPECT_EQ(unknown->status, 404);
    EXPECT_EQ(parse(unknown)["error"]["code"], "catalogue_unknown");
}

}  // namespace
}  // namespace kiosk::sim::test
