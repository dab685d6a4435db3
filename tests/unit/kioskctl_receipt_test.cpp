// kioskctl verify-receipt as an operator runs it: a separate process, a settings file, the
// kiosk's key on disk and its cached configuration; also on a picture of the printed receipt,
// drawn by the simulated printer's renderer from the receipt's content.

#include <gtest/gtest.h>

#include "drivers/printer/receipt_renderer.h"
#include "kiosk/core/receipt_content.h"
#include "kiosk/receipt/receipt_printout.h"
#include "kiosk/sync/receipt_signature.h"
#include "tests/unit/kioskctl_process.h"
#include "tests/unit/receipt_test_support.h"

namespace kiosk::test {
namespace {

const std::string kKiosk = "KIOSK-3578-01";
const std::string kNeighbour = "KIOSK-3578-02";

class KioskctlReceipt : public ::testing::Test {
protected:
    void SetUp() override {
        auto key = sync::FileDeviceKey::openOrCreate(dir_ / "device.key");
        ASSERT_TRUE(key) << key.error().detail;
        own_ = std::move(*key);
        std::ofstream(config_) << "[kiosk]\nid = \"" << kKiosk << "\"\nsite_id = \"LTSA-3578\"\n"
                               << "[sync]\ndevice_key = \"device.key\"\nstate_dir = \"state\"\n"
                               << "server_signing_public_key = \"" << sync::base64Encode(server_.signingPublic)
                               << "\"\n";
    }
    std::string issue(const sync::DeviceKey& key, const std::string& kiosk = kKiosk) {
        auto issued = sync::issueReceipt(core::ReceiptKind::Registration, kiosk, storedRecord(123), key);
        EXPECT_TRUE(issued);
        return issued->token;
    }
    KioskctlRun verify(const std::string& text) { return runKioskctl({"verify-receipt", text, "--config", config_}); }

    TempDir dir_;
    ServerKeyPairs server_;
    std::unique_ptr<sync::FileDeviceKey> own_;
    SeedKey neighbour_{2};
    std::string config_ = (dir_ / "kiosk.toml").string();
};

TEST_F(KioskctlReceipt, ItsOwnReceiptIsValidWithItsFields) {
    const auto run = verify(issue(*own_));
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto j = run.json();
    EXPECT_EQ(j["valid"], true);
    EXPECT_EQ(j["kind"], "registration");
    EXPECT_TRUE(j["number"].get<std::string>().starts_with("REG-KIOSK-3578-01-000123-"));
    EXPECT_EQ(j["kiosk_id"], kKiosk);
    EXPECT_EQ(j["record"], 123);
    EXPECT_EQ(j["payload_sha256"], storedRecord(123).payloadSha256);
    EXPECT_EQ(j["issued_at"], "2026-11-22T07:04:00Z");
    EXPECT_EQ(j["signed_by"], "own");
    ASSERT_EQ(j["notes"].size(), 1u);  // no configuration pulled yet
    EXPECT_EQ(j["notes"][0]["code"], "receipt.no_config");
}

TEST_F(KioskctlReceipt, ANeighboursReceiptIsValidThroughTheCachedConfig) {
    EXPECT_EQ(verify(issue(neighbour_, kNeighbour)).json()["error"]["code"], "receipt.kiosk_unknown");
    cacheConfig(dir_ / "state",
                server_.sign(configWithKeys(kKiosk, {{kKiosk, own_.get()}, {kNeighbour, &neighbour_}})));
    const auto run = verify(issue(neighbour_, kNeighbour));
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_EQ(run.json()["signed_by"], "config");
    EXPECT_EQ(run.json()["kiosk_id"], kNeighbour);
    EXPECT_EQ(run.json()["notes"], nlohmann::json::array());
}

TEST_F(KioskctlReceipt, ChangedUnknownAndMalformedReceiptsAreNotValid) {
    auto token = issue(*own_);
    const auto hashAt = token.find('.', 5) + 1;
    token[hashAt] = token[hashAt] == 'A' ? 'B' : 'A';
    const std::vector<std::pair<std::string, std::string>> cases{
        {token, "receipt.signature_invalid"},
        {issue(neighbour_, "KIOSK-5306-01"), "receipt.kiosk_unknown"},
        {"LKR1.NOT-A-RECEIPT", "receipt.malformed"},
        {"hello", "receipt.malformed"},
    };
    for (const auto& [text, code] : cases) {
        const auto run = verify(text);
        EXPECT_EQ(run.exitCode, 1) << text << ": " << run.out;
        EXPECT_EQ(run.json()["valid"], false);
        EXPECT_EQ(run.json()["error"]["code"], code) << text;
    }
}

TEST_F(KioskctlReceipt, MisuseAndMissingSettingsExitWithTwo) {
    EXPECT_EQ(runKioskctl({"verify-receipt", "--config", config_}).exitCode, 2);
    EXPECT_EQ(runKioskctl({"verify-receipt", "X", "--image", "a.png", "--config", config_}).exitCode, 2);
    const auto missing = runKioskctl({"verify-receipt", "X", "--config", (dir_ / "nothing.toml").string()});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_EQ(missing.json()["error"]["code"], "sync.settings");
    const auto unreadable =
        runKioskctl({"verify-receipt", "--image", (dir_ / "none.png").string(), "--config", config_});
    EXPECT_EQ(unreadable.exitCode, 2);
    EXPECT_TRUE(unreadable.json().contains("error"));
}

// The whole way: a stored record's receipt, its content in Indonesian, the paper as the simulated
// printer draws it, and the QR read back from that picture and checked.
TEST_F(KioskctlReceipt, APictureOfThePrintedReceiptVerifies) {
    auto issued = sync::issueReceipt(core::ReceiptKind::Registration, kKiosk, storedRecord(123), *own_);
    ASSERT_TRUE(issued);
    core::ReceiptFacts facts;
    facts.number = issued->number;
    facts.token = issued->token;
    facts.issuedAt = issued->claim.issuedAt;
    facts.missingDocuments = {core::DocumentKind::Competence};
    facts.desks = {{core::Desk::Employment, "3"}};
    facts.consentPurposes = {"registration"};
    const auto paper = receipt::receiptDocument(core::receiptContent(facts, {}), [](std::string_view key) {
        return std::string(key);  // the words do not matter to the QR
    });
    drivers::ReceiptGeometry narrow;
    narrow.dotsWide = 384;  // 58 mm paper: the smallest the QR must fit
    auto renderer = drivers::ReceiptRenderer::create(narrow);
    if (!renderer) GTEST_SKIP() << "no font to draw the receipt: " << renderer.error().detail;
    const auto png = dir_ / "receipt.png";
    ASSERT_TRUE(renderer->renderPng(paper, png));

    const auto run = runKioskctl({"verify-receipt", "--image", png.string(), "--config", config_});
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_EQ(run.json()["number"], issued->number);
    EXPECT_EQ(run.json()["image"], png.string());

    drivers::ReceiptDocument noCode;
    noCode.add(drivers::TextLine{"TANPA KODE"}).add(drivers::Cut{});
    ASSERT_TRUE(renderer->renderPng(noCode, dir_ / "plain.png"));
    const auto plain = runKioskctl({"verify-receipt", "--image", (dir_ / "plain.png").string(), "--config", config_});
    EXPECT_EQ(plain.exitCode, 1) << plain.out;
    EXPECT_EQ(plain.json()["error"]["code"], "receipt.no_code");
}

}  // namespace
}  // namespace kiosk::test
