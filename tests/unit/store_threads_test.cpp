// The store across threads: each thread owns its connection to the one WAL database. Built and run
// under ThreadSanitizer too (label "threads").

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "tests/unit/store_test_support.h"

namespace kiosk::store {
namespace {

using namespace std::chrono_literals;
using test::TempDir;

class StoreThreads : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Store::open(test::storeConfig(dir_), *key_, clock_);
        ASSERT_TRUE(opened) << opened.error().detail;
        store_ = std::move(*opened);
    }

    TempDir dir_;
    std::unique_ptr<FileMasterKey> key_ = test::makeMasterKey(dir_);
    FakeClock clock_{test::testEpoch()};
    std::unique_ptr<Store> store_;
};

// Two connections to one WAL database claim at the same time, each on its own thread, as the kiosk's
// sync worker would if two ran by mistake: every row goes to exactly one of them.
TEST_F(StoreThreads, TwoConnectionsNeverClaimTheSameRow) {
    constexpr int kRows = 400;
    for (int i = 0; i < kRows; ++i) ASSERT_TRUE(store_->enqueue(test::makeSubmission()));
    const auto total = test::countRows(store_->database(), "outbox");

    std::vector<std::string> claimedBy[2];
    std::thread workers[2];
    for (int w = 0; w < 2; ++w) {
        workers[w] = std::thread([&, w] {
            // Each thread opens and owns its connection.
            auto mine = Store::open(test::storeConfig(dir_), *key_, clock_);
            ASSERT_TRUE(mine);
            for (;;) {
                auto batch = (*mine)->outbox().claimDue(7, 600s);
                ASSERT_TRUE(batch) << batch.error().detail;
                if (batch->empty()) return;
                for (const auto& c : *batch) claimedBy[w].push_back(c.submissionId);
            }
        });
    }
    for (auto& t : workers) t.join();
    std::set<std::string> all;
    for (const auto& list : claimedBy)
        for (const auto& id : list) EXPECT_TRUE(all.insert(id).second) << "claimed twice: " << id;
    EXPECT_EQ(static_cast<std::int64_t>(all.size()), total);
}

}  // namespace
}  // namespace kiosk::store
