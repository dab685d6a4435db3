// Zeroing personal data before its memory is freed: the bytes of a buffer, and the texts inside
// a cache key, seen through a view kept on the same storage.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "kiosk/base/wipe.h"

namespace kiosk::test {
namespace {

// A text long enough to live on the heap, not inside the string object.
const std::string kName = "CONTOH NAMA PEMOHON SATU, DESA CONTOH RT 01 RW 02";

bool allZero(const char* bytes, std::size_t n) {
    return std::all_of(bytes, bytes + n, [](char c) { return c == 0; });
}

TEST(Wipe, ZeroesTheBytesAndEmptiesTheBuffer) {
    std::vector<std::uint8_t> photo(4096, 0xAB);
    const auto* storage = photo.data();
    wipe(photo);
    EXPECT_TRUE(photo.empty());
    EXPECT_GE(photo.capacity(), 4096u) << "kept for reuse without release";
    EXPECT_TRUE(std::all_of(storage, storage + 4096, [](std::uint8_t b) { return b == 0; }));
}

TEST(Wipe, ReleaseHandsTheMemoryBack) {
    std::string text = kName;
    wipe(text, true);
    EXPECT_TRUE(text.empty());
    EXPECT_LT(text.capacity(), kName.size());
}

TEST(WipeTexts, ZeroesEveryStringInATupleKeyAndLeavesTheNumbers) {
    std::tuple<int, int, std::string> key{3, 48, kName};
    const char* text = std::get<2>(key).data();
    wipeTexts(key);
    EXPECT_EQ(std::get<0>(key), 3);
    EXPECT_EQ(std::get<1>(key), 48);
    EXPECT_TRUE(std::get<2>(key).empty());
    EXPECT_TRUE(allZero(text, kName.size()));
}

TEST(WipeTexts, ReachesIntoPairsAndLeavesOtherKeysAlone) {
    std::pair<std::string, std::string> both{kName, kName + " (2)"};
    const char* first = both.first.data();
    const char* second = both.second.data();
    wipeTexts(both);
    EXPECT_TRUE(allZero(first, kName.size()));
    EXPECT_TRUE(allZero(second, kName.size() + 4));

    std::tuple<int, int, int, int> shape{10, 20, 4, 0};
    wipeTexts(shape);
    EXPECT_EQ(shape, std::make_tuple(10, 20, 4, 0));
}

}  // namespace
}  // namespace kiosk::test
