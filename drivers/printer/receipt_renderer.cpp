#include "drivers/printer/receipt_renderer.h"

#include <algorithm>
#include <array>
#include <string>
#include <variant>
#include <vector>

#include "drivers/printer/code_page.h"
#include "drivers/printer/qr_matrix.h"
#include "drivers/printer/sdl_handles.h"

namespace kiosk::drivers {

namespace {

struct FontFiles {
    std::filesystem::path regular;
    std::filesystem::path bold;  // empty: the regular face made bold by SDL_ttf
};

Result<FontFiles> findFonts(const std::filesystem::path& chosen) {
    if (!chosen.empty()) {
        if (std::filesystem::exists(chosen)) return FontFiles{chosen, {}};
        return makeError("printer.font", "font file not found: " + chosen.string());
    }
    const std::filesystem::path noto = "/usr/share/fonts/truetype/noto";
    const std::filesystem::path dejavu = "/usr/share/fonts/truetype/dejavu";
    const std::array<FontFiles, 3> candidates{{
        {noto / "NotoSansMono-Regular.ttf", noto / "NotoSansMono-Bold.ttf"},
        {dejavu / "DejaVuSansMono.ttf", dejavu / "DejaVuSansMono-Bold.ttf"},
        {noto / "NotoSans-Regular.ttf", noto / "NotoSans-Bold.ttf"},
    }};
    for (auto files : candidates) {
        if (!std::filesystem::exists(files.regular)) continue;
        if (!std::filesystem::exists(files.bold)) files.bold.clear();
        return files;
    }
    return makeError("printer.font", "no font for the simulated printer (install fonts-noto-core)");
}

// SDL_ttf counts its users: each renderer holds one count for as long as it lives.
class TtfLibrary {
public:
    TtfLibrary() : ok_(TTF_Init() == 0) {}
    ~TtfLibrary() {
        if (ok_) TTF_Quit();
    }
    TtfLibrary(const TtfLibrary&) = delete;
    TtfLibrary& operator=(const TtfLibrary&) = delete;
    bool ok() const { return ok_; }

private:
    bool ok_;
};

// The largest size whose glyphs fit the printer's character cell.
void fitToCell(TTF_Font* font, int cellWidth, int cellHeight) {
    for (int points = cellHeight * 2; points > 4; --points) {
        TTF_SetFontSize(font, points);
        int advance = 0;
        TTF_GlyphMetrics32(font, 'M', nullptr, nullptr, nullptr, nullptr, &advance);
        if (advance <= cellWidth && TTF_FontHeight(font) <= cellHeight) return;
    }
}

}  // namespace

struct ReceiptRenderer::Impl {
    TtfLibrary ttf;  // first in, last out: the fonts close before SDL_ttf quits
    ReceiptGeometry geometry;
    // [bold][double size]
    std::array<std::array<TtfFont, 2>, 2> fonts;

    TTF_Font* font(bool bold, TextSize size) const {
        return fonts[bold ? 1 : 0][size == TextSize::Double ? 1 : 0].get();
    }

    Result<int> walk(const ReceiptDocument& receipt, SDL_Surface* target) const;
    int text(const TextLine& line, int y, SDL_Surface* target) const;
    Result<int> qr(const QrCode& code, int y, SDL_Surface* target) const;
};

ReceiptRenderer::ReceiptRenderer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ReceiptRenderer::ReceiptRenderer(ReceiptRenderer&&) noexcept = default;
ReceiptRenderer& ReceiptRenderer::operator=(ReceiptRenderer&&) noexcept = default;
ReceiptRenderer::~ReceiptRenderer() = default;

Result<ReceiptRenderer> ReceiptRenderer::create(ReceiptGeometry geometry, const std::filesystem::path& fontFile) {
    if (auto ok = validateGeometry(geometry); !ok) return ok.error();
    auto files = findFonts(fontFile);
    if (!files) return files.error();
    auto impl = std::make_unique<Impl>();
    if (!impl->ttf.ok()) return makeError("printer.render", std::string("TTF_Init: ") + TTF_GetError());
    impl->geometry = geometry;
    for (const bool bold : {false, true}) {
        for (const TextSize size : {TextSize::Normal, TextSize::Double}) {
            const auto& path = bold && !files->bold.empty() ? files->bold : files->regular;
            TtfFont font{TTF_OpenFont(path.c_str(), ReceiptGeometry::kCellHeight)};
            if (!font) return makeError("printer.font", "cannot open " + path.string() + ": " + TTF_GetError());
            if (bold && files->bold.empty()) TTF_SetFontStyle(font.get(), TTF_STYLE_BOLD);
            const int scale = geometry.scale(size);
            fitToCell(font.get(), ReceiptGeometry::kCellWidth * scale, ReceiptGeometry::kCellHeight * scale);
            impl->fonts[bold ? 1 : 0][size == TextSize::Double ? 1 : 0] = std::move(font);
        }
    }
    return ReceiptRenderer{std::move(impl)};
}

int ReceiptRenderer::Impl::text(const TextLine& line, int y, SDL_Surface* target) const {
    const int scale = geometry.scale(line.size);
    const int cellWidth = ReceiptGeometry::kCellWidth * scale;
    const int lineHeight = ReceiptGeometry::kLineHeight * scale;
    const auto columns = static_cast<std::size_t>(geometry.columns(line.size));
    const std::string bytes = toWpc1252(line.text);
    // The printer wraps a line that is too long at the paper's edge, mid-word.
    std::vector<std::string_view> rows;
    for (std::size_t at = 0; at < bytes.size(); at += columns)
        rows.push_back(std::string_view(bytes).substr(at, columns));
    if (rows.empty()) rows.emplace_back();
    if (!target) return y + lineHeight * static_cast<int>(rows.size());

    TTF_Font* face = font(line.bold, line.size);
    const int top = (ReceiptGeometry::kCellHeight * scale - TTF_FontHeight(face)) / 2;
    for (const auto row : rows) {
        const int width = static_cast<int>(row.size()) * cellWidth;
        const int left = line.alignment == Alignment::Centre ? (geometry.dotsWide - width) / 2 : 0;
        for (std::size_t i = 0; i < row.size(); ++i) {
            const char32_t c = wpc1252Char(static_cast<unsigned char>(row[i]));
            if (c == U' ' || c == 0xA0) continue;
            SdlSurface glyph{TTF_RenderGlyph32_Blended(face, static_cast<Uint32>(c), SDL_Color{0, 0, 0, 255})};
            if (!glyph) continue;
            SDL_Rect at{left + static_cast<int>(i) * cellWidth + (cellWidth - glyph->w) / 2, y + top, glyph->w,
                        glyph->h};
            SDL_BlitSurface(glyph.get(), nullptr, target, &at);
        }
        y += lineHeight;
    }
    return y;
}

Result<int> ReceiptRenderer::Impl::qr(const QrCode& code, int y, SDL_Surface* target) const {
    auto matrix = encodeQr(code.payload);
    if (!matrix) return matrix.error();
    const int module = geometry.moduleDotsFor(matrix->size);
    if (module == 0) return makeError("qr.too_large", "the QR code does not fit the paper");
    const int quiet = ReceiptGeometry::kQuietModules * module;
    const int side = matrix->size * module;
    if (target) {
        const int left = code.alignment == Alignment::Centre ? (geometry.dotsWide - side) / 2 : 0;
        const Uint32 black = SDL_MapRGB(target->format, 0, 0, 0);
        for (int my = 0; my < matrix->size; ++my) {
            for (int mx = 0; mx < matrix->size; ++mx) {
                if (!matrix->at(mx, my)) continue;
                SDL_Rect dot{left + mx * module, y + quiet + my * module, module, module};
                SDL_FillRect(target, &dot, black);
            }
        }
    }
    return y + quiet + side + quiet;
}

Result<int> ReceiptRenderer::Impl::walk(const ReceiptDocument& receipt, SDL_Surface* target) const {
    int y = 0;
    for (const auto& element : receipt.elements) {
        if (const auto* line = std::get_if<TextLine>(&element)) {
            y = text(*line, y, target);
        } else if (const auto* code = std::get_if<QrCode>(&element)) {
            auto next = qr(*code, y, target);
            if (!next) return next.error();
            y = *next;
        } else if (const auto* feed = std::get_if<PaperFeed>(&element)) {
            y += std::clamp(feed->lines, 0, 255) * ReceiptGeometry::kLineHeight;
        } else if (std::holds_alternative<Cut>(element)) {
            y += geometry.cutFeedLines * ReceiptGeometry::kLineHeight;
            if (target) {
                // A dashed line where the cutter goes through.
                const Uint32 grey = SDL_MapRGB(target->format, 160, 160, 160);
                for (int x = 0; x < geometry.dotsWide; x += 16) {
                    SDL_Rect dash{x, y, 8, 2};
                    SDL_FillRect(target, &dash, grey);
                }
            }
            y += 4;
        }
    }
    return std::max(y, 1);
}

Result<void> ReceiptRenderer::renderPng(const ReceiptDocument& receipt, const std::filesystem::path& png) const {
    auto height = impl_->walk(receipt, nullptr);
    if (!height) return height.error();
    SdlSurface paper{
        SDL_CreateRGBSurfaceWithFormat(0, impl_->geometry.dotsWide, *height, 32, SDL_PIXELFORMAT_ARGB8888)};
    if (!paper) return makeError("printer.render", std::string("cannot make the picture: ") + SDL_GetError());
    SDL_FillRect(paper.get(), nullptr, SDL_MapRGB(paper->format, 255, 255, 255));
    if (auto drawn = impl_->walk(receipt, paper.get()); !drawn) return drawn.error();
    if (IMG_SavePNG(paper.get(), png.c_str()) != 0)
        return makeError("printer.render", "cannot write " + png.string() + ": " + IMG_GetError());
    return {};
}

}  // namespace kiosk::drivers
