// Encryption at rest: the master key file, per-record keys, crypto-erase, keyed index hashes.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <regex>

#include "kiosk/store/record_crypto.h"
#include "tests/unit/store_test_support.h"

namespace kiosk::store {
namespace {

using test::TempDir;

Bytes bytesOf(std::string_view text) { return Bytes(text.begin(), text.end()); }

bool contains(const Bytes& haystack, std::string_view needle) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

TEST(StoreMasterKey, CreatedOnFirstStartReadableOnlyByOwner) {
    TempDir dir;
    ASSERT_TRUE(FileMasterKey::openOrCreate(dir / "master.key"));
    struct stat st {};
    ASSERT_EQ(::stat((dir / "master.key").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_EQ(st.st_size, 32);
}

TEST(StoreMasterKey, SameFileGivesSameKey) {
    TempDir dir;
    auto first = FileMasterKey::openOrCreate(dir / "master.key");
    ASSERT_TRUE(first);
    const auto wrapped = (*first)->wrap(SecretKey::random());
    ASSERT_TRUE(wrapped);
    auto second = FileMasterKey::openOrCreate(dir / "master.key");
    ASSERT_TRUE(second);
    EXPECT_TRUE((*second)->unwrap(*wrapped));
}

TEST(StoreMasterKey, FileReadableByOthersIsRefused) {
    TempDir dir;
    ASSERT_TRUE(FileMasterKey::openOrCreate(dir / "master.key"));
    ASSERT_EQ(::chmod((dir / "master.key").c_str(), 0644), 0);
    const auto key = FileMasterKey::openOrCreate(dir / "master.key");
    ASSERT_FALSE(key);
    EXPECT_EQ(key.error().code, "store.master_key_permissions");
    EXPECT_NE(key.error().detail.find("0644"), std::string::npos) << key.error().detail;
}

TEST(StoreMasterKey, FileWritableByGroupIsRefused) {
    TempDir dir;
    ASSERT_TRUE(FileMasterKey::openOrCreate(dir / "master.key"));
    ASSERT_EQ(::chmod((dir / "master.key").c_str(), 0620), 0);
    EXPECT_EQ(FileMasterKey::openOrCreate(dir / "master.key").error().code, "store.master_key_permissions");
}

TEST(StoreMasterKey, SymlinkIsRefused) {
    TempDir dir;
    ASSERT_TRUE(FileMasterKey::openOrCreate(dir / "real.key"));
    std::filesystem::create_symlink(dir / "real.key", dir / "master.key");
    const auto key = FileMasterKey::openOrCreate(dir / "master.key");
    ASSERT_FALSE(key);
    EXPECT_EQ(key.error().code, "store.master_key_symlink");
}

TEST(StoreMasterKey, WrongSizeIsRefused) {
    TempDir dir;
    { std::ofstream(dir / "master.key") << "short"; }
    ASSERT_EQ(::chmod((dir / "master.key").c_str(), 0600), 0);
    EXPECT_EQ(FileMasterKey::openOrCreate(dir / "master.key").error().code, "store.master_key_corrupt");
}

TEST(StoreRecordCrypto, SealThenOpenGivesThePayloadBack) {
    TempDir dir;
    const auto key = test::makeMasterKey(dir);
    const auto payload = bytesOf("CANARYNAMA ZQXW");
    const auto sealed = sealRecord(*key, payload);
    ASSERT_TRUE(sealed);
    EXPECT_FALSE(contains(sealed->ciphertext, "CANARYNAMA"));
    const auto opened = openRecord(*key, sealed->wrappedKey, sealed->ciphertext);
    ASSERT_TRUE(opened);
    EXPECT_EQ(*opened, payload);
}

TEST(StoreRecordCrypto, EachRecordHasItsOwnKeyAndNonce) {
    TempDir dir;
    const auto key = test::makeMasterKey(dir);
    const auto payload = bytesOf("same payload");
    const auto a = sealRecord(*key, payload);
    const auto b = sealRecord(*key, payload);
    EXPECT_NE(a->ciphertext, b->ciphertext);
    EXPECT_NE(a->wrappedKey, b->wrappedKey);
    // One record's key does not open another record.
    EXPECT_EQ(openRecord(*key, a->wrappedKey, b->ciphertext).error().code, "store.record_corrupt");
}

TEST(StoreRecordCrypto, AnotherMasterKeyCannotUnwrap) {
    TempDir dir1, dir2;
    const auto key1 = test::makeMasterKey(dir1);
    const auto key2 = test::makeMasterKey(dir2);
    const auto sealed = sealRecord(*key1, bytesOf("x"));
    EXPECT_EQ(openRecord(*key2, sealed->wrappedKey, sealed->ciphertext).error().code, "store.key_unwrap");
}

TEST(StoreRecordCrypto, TamperedCiphertextIsRefused) {
    TempDir dir;
    const auto key = test::makeMasterKey(dir);
    auto sealed = sealRecord(*key, bytesOf("payload"));
    sealed->ciphertext.back() ^= 1;
    EXPECT_EQ(openRecord(*key, sealed->wrappedKey, sealed->ciphertext).error().code, "store.record_corrupt");
}

TEST(StoreRecordCrypto, DeletingTheWrappedKeyErasesTheRecord) {
    TempDir dir;
    const auto key = test::makeMasterKey(dir);
    FakeClock clock(test::testEpoch());
    auto store = Store::open(test::storeConfig(dir), *key, clock);
    ASSERT_TRUE(store);
    const auto receipt = (*store)->enqueue(test::makeSubmission());
    ASSERT_TRUE(receipt);
    ASSERT_TRUE((*store)->personalData(receipt->recordId));

    auto& db = (*store)->database();
    auto ciphertext = db.prepare("SELECT ciphertext FROM record_payloads WHERE record_id = ?1");
    ciphertext->bind(1, receipt->recordId);
    ASSERT_TRUE(*ciphertext->step());
    const auto lingering = ciphertext->blob(0);  // as if an old page survived somewhere
    ASSERT_TRUE(db.exec("DELETE FROM record_keys WHERE record_id = " + std::to_string(receipt->recordId)));

    EXPECT_EQ((*store)->personalData(receipt->recordId).error().code, "store.purged");
    // Without the wrapped key no key opens the lingering ciphertext: try a fresh random one.
    auto guess = key->wrap(SecretKey::random());
    EXPECT_FALSE(openRecord(*key, *guess, lingering));
}

TEST(StoreIndexHash, FindsARecordByNikWithoutStoringIt) {
    TempDir dir;
    const auto key = test::makeMasterKey(dir);
    FakeClock clock(test::testEpoch());
    auto store = Store::open(test::storeConfig(dir), *key, clock);
    ASSERT_TRUE(store);
    const test::Person person;
    const auto receipt = (*store)->enqueue(test::makeSubmission(person));
    ASSERT_TRUE(receipt);
    const auto other = test::Person{"OTHERNAMA QQ", test::composeNik(33, 74, 5, 13, 4, 98, 1), "CX0000001"};
    ASSERT_TRUE((*store)->enqueue(test::makeSubmission(other)));

    const auto found = (*store)->findByNik(person.nik);
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, std::vector<RecordId>{receipt->recordId});
    EXPECT_EQ(*(*store)->findByPassport(person.passport), std::vector<RecordId>{receipt->recordId});
    EXPECT_TRUE((*store)->findByNik(test::composeNik(11, 1, 1, 1, 1, 90, 1))->empty());

    auto& db = (*store)->database();
    auto rows = db.prepare("SELECT hash FROM record_index");
    while (*rows->step()) {
        const auto hash = rows->blob(0);
        EXPECT_FALSE(contains(hash, person.nik));
        EXPECT_FALSE(contains(hash, person.passport));
    }
    EXPECT_EQ(
        *db.queryInteger("SELECT count(*) FROM record_index WHERE CAST(hash AS TEXT) LIKE '%" + person.nik + "%'"), 0);
}

TEST(StoreIndexHash, NormalisesSeparatorsAndCase) {
    TempDir dir;
    const auto key = test::makeMasterKey(dir);
    const auto hasher = IndexHasher::create(*key);
    ASSERT_TRUE(hasher);
    EXPECT_EQ(hasher->hash(IndexKind::Passport, "cx 9qz-7714"), hasher->hash(IndexKind::Passport, "CX9QZ7714"));
    EXPECT_NE(hasher->hash(IndexKind::Passport, "1234"), hasher->hash(IndexKind::Nik, "1234"));
}

TEST(StoreIndexHash, DependsOnTheKioskKey) {
    TempDir dir1, dir2;
    const auto h1 = IndexHasher::create(*test::makeMasterKey(dir1));
    const auto h2 = IndexHasher::create(*test::makeMasterKey(dir2));
    const auto nik = test::Person{}.nik;
    EXPECT_NE(h1->hash(IndexKind::Nik, nik), h2->hash(IndexKind::Nik, nik));
}

TEST(StoreUuid, IsVersion4AndUnique) {
    ASSERT_TRUE(initSodium());
    const std::regex form("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    const auto a = newUuidV4();
    EXPECT_TRUE(std::regex_match(a, form)) << a;
    EXPECT_NE(a, newUuidV4());
}

}  // namespace
}  // namespace kiosk::store
