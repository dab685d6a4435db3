// SIGKILL at random points. A child process writes submissions in a loop (synchronous=FULL) and,
// only after each commit returned, reports the receipt over a pipe, as the kiosk would print it;
// every few records it also acknowledges a claimed batch and reports those after their commit.
// The parent kills it after a seeded random delay (from the fork, or from the moment the child has
// opened the store), then checks the database as the next start would see it: integrity_check ok, every receipt on disk
// exactly once, every reported acknowledgement kept, no orphans, at most one unreported record per kill, the audit
// chain intact.
//
// LOKET_CRASH_KILLS (default 200) and LOKET_CRASH_SEED choose the run; a failure prints both.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "kiosk/store/audit_log.h"
#include "tests/unit/store_test_support.h"

namespace kiosk::store {
namespace {

using namespace std::chrono_literals;

long envNumber(const char* name, long fallback) {
    const char* text = std::getenv(name);
    return text && *text ? std::strtol(text, nullptr, 10) : fallback;
}

void report(int fd, const std::string& line) {
    // One write() of less than PIPE_BUF bytes: the parent sees the whole line or none of it.
    if (::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) ::_exit(5);
}

[[noreturn]] void writeUntilKilled(const test::TempDir& dir, int out, unsigned seed) {
    SystemClock clock;
    auto key = FileMasterKey::openOrCreate(dir / "master.key");
    if (!key) ::_exit(3);
    auto store = Store::open(test::storeConfig(dir), **key, clock);
    if (!store) ::_exit(4);
    report(out, "O\n");  // open and recovered: the parent may start its clock from here
    std::mt19937 random(seed);
    for (unsigned n = 0;; ++n) {
        const test::Person person{
            "CRASHNAMA " + std::to_string(seed) + "-" + std::to_string(n),
            test::composeNik(32, 73, 1, 1 + static_cast<int>(n % 28), 1, 90, static_cast<int>(n % 9999) + 1),
            "CK" + std::to_string(seed) + std::to_string(n)};
        auto receipt =
            (*store)->enqueue(test::makeSubmission(person, random() % 16384, static_cast<unsigned>(random())));
        if (!receipt) ::_exit(6);
        report(out, "R " + receipt->submissionId + " " + std::to_string(receipt->recordId) + "\n");
        if (n % 4 == 3) {
            auto batch = (*store)->outbox().claimDue(3, 60s);
            if (!batch) ::_exit(7);
            std::vector<Acknowledgement> acks;
            for (const auto& c : *batch) acks.push_back({c.submissionId, c.payloadSha256, "SRV-" + c.submissionId});
            if (!(*store)->outbox().acknowledgeAll(acks)) ::_exit(8);
            for (const auto& a : acks) report(out, "A " + a.submissionId + "\n");
        }
    }
}

struct Reported {
    std::map<std::string, RecordId> receipts;
    std::set<std::string> acknowledged;
};

void readReports(int fd, Reported& into, std::vector<std::string>& fresh, std::vector<std::string>& freshAcks) {
    std::string all;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) != 0;) {
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) break;
        all.append(buffer, static_cast<std::size_t>(n));
    }
    std::istringstream lines(all);
    for (std::string line; std::getline(lines, line);) {
        std::istringstream words(line);
        std::string kind, id;
        words >> kind >> id;
        if (kind == "R") {
            RecordId record = 0;
            words >> record;
            EXPECT_TRUE(into.receipts.emplace(id, record).second) << "receipt reported twice: " << id;
            fresh.push_back(id);
        } else if (kind == "A") {
            into.acknowledged.insert(id);
            freshAcks.push_back(id);
        }
    }
}

// Blocks until the child says it has opened the store; false if it died first.
bool waitUntilOpen(int fd) {
    char ready[2];
    std::size_t got = 0;
    while (got < sizeof ready) {
        const ssize_t n = ::read(fd, ready + got, sizeof ready - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        got += static_cast<std::size_t>(n);
    }
    return ready[0] == 'O' && ready[1] == '\n';
}

TEST(StoreCrash, SigkillAtRandomPointsLosesAndDuplicatesNothing) {
    const long kills = envNumber("LOKET_CRASH_KILLS", 200);
    const auto seed = static_cast<unsigned>(envNumber("LOKET_CRASH_SEED", 20260301));
    SCOPED_TRACE("LOKET_CRASH_KILLS=" + std::to_string(kills) + " LOKET_CRASH_SEED=" + std::to_string(seed));
    test::TempDir dir;
    const auto key = test::makeMasterKey(dir);
    SystemClock clock;
    ASSERT_TRUE(Store::open(test::storeConfig(dir), *key, clock));  // schema in place before the first child

    std::mt19937 random(seed);
    std::uniform_int_distribution<int> delayMicros(0, 20000);
    Reported reported;
    long killedWhileWriting = 0;
    const auto started = std::chrono::steady_clock::now();
    for (long kill = 0; kill < kills; ++kill) {
        SCOPED_TRACE("kill " + std::to_string(kill));
        int fds[2];
        ASSERT_EQ(::pipe(fds), 0);
        const auto childSeed = static_cast<unsigned>(random());
        const auto delay = std::chrono::microseconds{delayMicros(random)};
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            ::close(fds[0]);
            writeUntilKilled(dir, fds[1], childSeed);
        }
        ::close(fds[1]);
        // Even kills count from the fork, so some land while the child opens and recovers the
        // database; odd kills count from the moment it is open, so most land while it writes.
        if (kill % 2 == 1) {
            ASSERT_TRUE(waitUntilOpen(fds[0])) << "the writer died before opening the store";
        }
        std::this_thread::sleep_for(delay);
        ::kill(pid, SIGKILL);
        int status = 0;
        ASSERT_EQ(::waitpid(pid, &status, 0), pid);
        ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
            << "the writer stopped by itself with exit code " << (WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        std::vector<std::string> fresh, freshAcks;
        readReports(fds[0], reported, fresh, freshAcks);
        ::close(fds[0]);
        if (!fresh.empty()) ++killedWhileWriting;

        auto opened = Store::open(test::storeConfig(dir), *key, clock);
        ASSERT_TRUE(opened) << opened.error().detail;
        auto& store = **opened;
        auto& db = store.database();
        ASSERT_EQ(*db.queryText("PRAGMA integrity_check"), "ok");
        for (const auto& id : fresh) {
            auto q = db.prepare("SELECT count(*), min(record_id) FROM outbox WHERE submission_id = ?1");
            q->bind(1, id);
            ASSERT_TRUE(*q->step());
            ASSERT_EQ(q->integer(0), 1) << "receipt " << id << " is not on disk exactly once";
            ASSERT_EQ(q->integer(1), reported.receipts[id]);
            ASSERT_TRUE(store.personalData(q->integer(1))) << "receipt " << id << " does not decrypt";
        }
        for (const auto& id : freshAcks) {
            auto q = db.prepare("SELECT state FROM outbox WHERE submission_id = ?1");
            q->bind(1, id);
            ASSERT_TRUE(*q->step());
            ASSERT_EQ(q->text(0), "acknowledged") << id;
        }
        const auto records = test::countRows(db, "records");
        ASSERT_EQ(test::countRows(db, "outbox"), records);
        ASSERT_EQ(test::countRows(db, "record_keys"), records);
        ASSERT_EQ(test::countRows(db, "record_payloads"), records);
        ASSERT_EQ(*db.queryInteger("SELECT count(DISTINCT submission_id) FROM outbox"), records);
        // A kill can land between a commit and its report: at most one such record per kill.
        const auto unreported = records - static_cast<std::int64_t>(reported.receipts.size());
        ASSERT_GE(unreported, 0);
        ASSERT_LE(unreported, kill + 1);
        ASSERT_GE(*db.queryInteger("SELECT count(*) FROM outbox WHERE state = 'acknowledged'"),
                  static_cast<std::int64_t>(reported.acknowledged.size()));
        const auto audit = verifyAudit(db);
        ASSERT_TRUE(audit && audit->intact()) << (audit ? audit->reason : audit.error().detail);
    }
    // A last look at everything ever reported, not only each kill's fresh lines.
    auto opened = Store::open(test::storeConfig(dir), *key, clock);
    ASSERT_TRUE(opened);
    auto& db = (*opened)->database();
    for (const auto& [id, record] : reported.receipts) {
        auto q = db.prepare("SELECT record_id, state FROM outbox WHERE submission_id = ?1");
        q->bind(1, id);
        ASSERT_TRUE(*q->step()) << "receipt lost: " << id;
        EXPECT_EQ(q->integer(0), record);
        if (reported.acknowledged.count(id)) {
            EXPECT_EQ(q->text(1), "acknowledged") << id;
        }
    }
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "[ crash    ] " << kills << " kills (seed " << seed << ") in " << seconds << " s; "
              << killedWhileWriting << " kills fell after at least one receipt; " << reported.receipts.size()
              << " receipts and " << reported.acknowledged.size() << " acknowledgements reported, all on disk; "
              << test::countRows(db, "records") << " records in the database\n";
    EXPECT_GT(killedWhileWriting, 0) << "no kill landed while writing: the delays are too short to test anything";
}

}  // namespace
}  // namespace kiosk::store
