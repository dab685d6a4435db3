// Every screen, in both languages at every window size, against its golden PNG in
// tests/ui/golden. Goldens are kept at half the window's size (each pixel the mean of a 2x2
// block): a quarter of the bytes in the repository, and still every misplaced control or changed
// word shows. Pixels may differ a little (font rasterisers differ between versions): a pixel
// counts as different when a channel is off by more than kChannelTolerance, and a screen fails
// when more than kMaxDifferingShare of its pixels differ. A failing or missing golden leaves the
// actual image and a diff image in the build directory and names them.
//
// To accept the screens as they are now:  LOKET_UPDATE_GOLDEN=1 ctest --test-dir <build> -R Golden

#include <SDL.h>
#include <SDL_image.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "tests/ui/screen_test_support.h"

namespace kiosk::ui::testing {
namespace {

const std::filesystem::path kGoldenDir = LOKET_GOLDEN_DIR;
const std::filesystem::path kOutputDir = LOKET_GOLDEN_OUTPUT_DIR;
constexpr int kChannelTolerance = 40;
constexpr double kMaxDifferingShare = 0.005;

struct SurfaceFree {
    void operator()(SDL_Surface* s) const noexcept { SDL_FreeSurface(s); }
};
using SurfacePtr = std::unique_ptr<SDL_Surface, SurfaceFree>;

bool updating() {
    const char* flag = std::getenv("LOKET_UPDATE_GOLDEN");
    return flag != nullptr && std::string(flag) == "1";
}

std::optional<Image> loadPng(const std::filesystem::path& file) {
    SurfacePtr loaded{IMG_Load(file.c_str())};
    if (!loaded) return std::nullopt;
    SurfacePtr argb{SDL_ConvertSurfaceFormat(loaded.get(), SDL_PIXELFORMAT_ARGB8888, 0)};
    if (!argb) return std::nullopt;
    Image image{Size{argb->w, argb->h}, std::vector<std::uint32_t>(static_cast<std::size_t>(argb->w * argb->h))};
    for (int y = 0; y < argb->h; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(static_cast<const std::uint8_t*>(argb->pixels) +
                                                                 static_cast<std::ptrdiff_t>(y) * argb->pitch);
        std::copy_n(row, argb->w, image.pixels.begin() + static_cast<std::ptrdiff_t>(y) * argb->w);
    }
    return image;
}

// Saved without alpha: the screens are opaque, and RGB files are a quarter smaller.
bool savePng(const Image& image, const std::filesystem::path& file) {
    SurfacePtr wrapped{SDL_CreateRGBSurfaceWithFormatFrom(const_cast<std::uint32_t*>(image.pixels.data()), image.size.w,
                                                          image.size.h, 32, 4 * image.size.w,
                                                          SDL_PIXELFORMAT_ARGB8888)};
    if (!wrapped) return false;
    SurfacePtr rgb{SDL_ConvertSurfaceFormat(wrapped.get(), SDL_PIXELFORMAT_RGB24, 0)};
    return rgb && IMG_SavePNG(rgb.get(), file.c_str()) == 0;
}

int channelDistance(std::uint32_t a, std::uint32_t b) {
    int worst = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
        const int d = static_cast<int>((a >> shift) & 0xFFU) - static_cast<int>((b >> shift) & 0xFFU);
        worst = std::max(worst, std::abs(d));
    }
    return worst;
}

Image halfSize(const Image& full) {
    Image half{Size{full.size.w / 2, full.size.h / 2}, {}};
    half.pixels.resize(static_cast<std::size_t>(half.size.w) * static_cast<std::size_t>(half.size.h));
    const auto at = [&](int x, int y) { return full.pixels[static_cast<std::size_t>(y * full.size.w + x)]; };
    for (int y = 0; y < half.size.h; ++y)
        for (int x = 0; x < half.size.w; ++x) {
            const std::uint32_t quad[] = {at(2 * x, 2 * y), at(2 * x + 1, 2 * y), at(2 * x, 2 * y + 1),
                                          at(2 * x + 1, 2 * y + 1)};
            std::uint32_t mean = 0xFF000000U;
            for (int shift = 0; shift <= 16; shift += 8) {
                std::uint32_t sum = 0;
                for (const auto p : quad) sum += (p >> shift) & 0xFFU;
                mean |= ((sum + 2) / 4) << shift;
            }
            half.pixels[static_cast<std::size_t>(y * half.size.w + x)] = mean;
        }
    return half;
}

// Differing pixels in red over a faded copy of the actual screen.
Image diffImage(const Image& actual, const Image& golden, std::size_t& differing) {
    Image diff{actual.size, std::vector<std::uint32_t>(actual.pixels.size())};
    differing = 0;
    for (std::size_t i = 0; i < actual.pixels.size(); ++i) {
        if (channelDistance(actual.pixels[i], golden.pixels[i]) > kChannelTolerance) {
            diff.pixels[i] = 0xFFFF0000U;
            ++differing;
        } else {
            const std::uint32_t grey = ((actual.pixels[i] >> 8) & 0xFFU) / 4 + 0xC0U;
            diff.pixels[i] = 0xFF000000U | grey << 16 | grey << 8 | grey;
        }
    }
    return diff;
}

using GoldenScreen = ScreenFixture;

TEST_P(GoldenScreen, MatchesItsGoldenImage) {
    drawScreen();
    auto captured = display().capture();
    ASSERT_TRUE(captured) << captured.error().detail;
    const Image actual = halfSize(*captured);
    const std::string name = GetParam().name();
    const auto golden = kGoldenDir / (name + ".png");

    if (updating()) {
        ASSERT_TRUE(savePng(actual, golden)) << "cannot write " << golden;
        std::cout << "wrote " << golden.string() << '\n';
        return;
    }
    std::filesystem::create_directories(kOutputDir);
    const auto actualFile = kOutputDir / (name + ".actual.png");
    const auto expected = loadPng(golden);
    if (!expected) {
        ASSERT_TRUE(savePng(actual, actualFile));
        FAIL() << "no golden image " << golden << "; this screen now looks like " << actualFile
               << " (to accept it: LOKET_UPDATE_GOLDEN=1 ctest -R Golden)";
    }
    ASSERT_EQ(expected->size, actual.size) << golden;
    std::size_t differing = 0;
    const Image diff = diffImage(actual, *expected, differing);
    const double share = static_cast<double>(differing) / static_cast<double>(actual.pixels.size());
    if (share > kMaxDifferingShare) {
        const auto diffFile = kOutputDir / (name + ".diff.png");
        EXPECT_TRUE(savePng(actual, actualFile));
        EXPECT_TRUE(savePng(diff, diffFile));
        ADD_FAILURE() << name << ": " << differing << " pixels (" << share * 100 << " %) differ from " << golden
                      << "; actual " << actualFile << ", differences in red " << diffFile;
    }
}

INSTANTIATE_TEST_SUITE_P(Screens, GoldenScreen, ::testing::ValuesIn(goldenScreenParams()), screenParamName);

// The comparison itself must be able to fail: a screen drawn in the other language differs.
TEST(GoldenCompare, TellsTwoLanguagesApart) {
    const auto params = allScreenParams();
    const auto id = loadPng(kGoldenDir / (params[0].name() + ".png"));
    const auto en = loadPng(kGoldenDir / (params[1].name() + ".png"));
    ASSERT_TRUE(id && en) << "goldens of " << params[0].name() << " and " << params[1].name();
    std::size_t differing = 0;
    diffImage(*id, *en, differing);
    EXPECT_GT(static_cast<double>(differing) / static_cast<double>(id->pixels.size()), kMaxDifferingShare);
}

}  // namespace
}  // namespace kiosk::ui::testing
