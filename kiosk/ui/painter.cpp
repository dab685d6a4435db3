#include "kiosk/ui/painter.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "kiosk/ui/layout.h"
#include "kiosk/ui/sdl_handles.h"
#include "kiosk/ui/svg_shapes.h"
#include "kiosk/ui/texture_cache.h"
#include "kiosk/ui/video_image.h"

namespace kiosk::ui {
namespace {

// Text that does not fit is drawn smaller, but never below this share of its size.
constexpr double kSmallestShrink = 0.6;

std::string_view iconFile(Icon icon) {
    switch (icon) {
    case Icon::ArrowRight: return "arrow_right.svg";
    case Icon::ArrowLeft: return "arrow_left.svg";
    case Icon::RadioOn: return "radio_on.svg";
    case Icon::RadioOff: return "radio_off.svg";
    case Icon::Warning: return "warning.svg";
    case Icon::Help: return "help.svg";
    case Icon::Backspace: return "backspace.svg";
    case Icon::Shift: return "shift.svg";
    case Icon::Speaker: return "speaker.svg";
    case Icon::Camera: return "camera.svg";
    case Icon::Check: return "check.svg";
    case Icon::Calendar: return "calendar.svg";
    case Icon::Plus: return "plus.svg";
    case Icon::Minus: return "minus.svg";
    }
    return "";
}

SDL_Rect toSdl(Rect r) { return SDL_Rect{r.x, r.y, r.w, r.h}; }

std::string svgNumber(double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    return s;
}

}  // namespace

struct Painter::Impl {
    SDL_Renderer* renderer = nullptr;
    FontFiles fontFiles;
    std::filesystem::path imagesDir;
    std::map<std::pair<Weight, int>, Font> fonts;
    TextureCache<std::tuple<Weight, int, std::string>> texts;
    TextureCache<std::tuple<int, int, int, int>> shapes;  // w, h, radius, stroke (0 = filled)
    TextureCache<std::pair<Icon, int>> icons;
    TextureCache<std::string> drawings;  // other SVG drawings, keyed by their SVG text
    TextureCache<std::tuple<PixelLayout, int, int>> videos;
    std::set<Icon> missingIcons;
    DrawAudit* audit = nullptr;
    // While a paragraph draws its lines: the size and place it was given, which the audit reports.
    std::optional<int> paragraphPx;
    std::optional<Rect> paragraphBox;

    TTF_Font* font(int px, Weight weight) {
        const auto key = std::pair{weight, px};
        if (const auto it = fonts.find(key); it != fonts.end()) return it->second.get();
        const auto& file = weight == Weight::Bold ? fontFiles.bold : fontFiles.regular;
        Font opened{TTF_OpenFont(file.c_str(), px)};
        if (!opened) std::cerr << "kiosk: cannot open font " << file << ": " << TTF_GetError() << '\n';
        return fonts.emplace(key, std::move(opened)).first->second.get();
    }

    CachedTexture* fromSurface(Surface surface, auto&& store) {
        if (!surface) return nullptr;
        Texture texture{SDL_CreateTextureFromSurface(renderer, surface.get())};
        if (!texture) {
            std::cerr << "kiosk: cannot make a texture: " << SDL_GetError() << '\n';
            return nullptr;
        }
        SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
        return store(std::move(texture), Size{surface->w, surface->h});
    }

    CachedTexture* text(std::string_view s, int px, Weight weight) {
        auto key = std::tuple{weight, px, std::string(s)};
        if (auto* hit = texts.find(key)) return hit;
        TTF_Font* f = font(px, weight);
        if (!f) return nullptr;
        Surface surface{TTF_RenderUTF8_Blended(f, std::get<2>(key).c_str(), SDL_Color{255, 255, 255, 255})};
        return fromSurface(std::move(surface),
                           [&](Texture t, Size size) { return texts.put(std::move(key), std::move(t), size); });
    }

    // A white rounded rectangle, rasterised (anti-aliased) by SDL_image's SVG loader.
    CachedTexture* shape(int w, int h, int radius, int stroke) {
        const auto key = std::tuple{w, h, radius, stroke};
        if (auto* hit = shapes.find(key)) return hit;
        const double inset = stroke / 2.0;
        const std::string paint = stroke > 0
                                      ? "fill=\"none\" stroke=\"#fff\" stroke-width=\"" + std::to_string(stroke) + "\""
                                      : std::string("fill=\"#fff\"");
        const std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(w) +
                                "\" height=\"" + std::to_string(h) + "\"><rect x=\"" + svgNumber(inset) + "\" y=\"" +
                                svgNumber(inset) + "\" width=\"" + svgNumber(w - 2 * inset) + "\" height=\"" +
                                svgNumber(h - 2 * inset) + "\" rx=\"" + svgNumber(std::max(0.0, radius - inset)) +
                                "\" " + paint + "/></svg>";
        RWops rw{SDL_RWFromConstMem(svg.data(), static_cast<int>(svg.size()))};
        Surface surface{IMG_LoadSizedSVG_RW(rw.get(), w, h)};
        return fromSurface(std::move(surface),
                           [&](Texture t, Size size) { return shapes.put(key, std::move(t), size); });
    }

    CachedTexture* icon(Icon which, int side) {
        const auto key = std::pair{which, side};
        if (auto* hit = icons.find(key)) return hit;
        const auto file = imagesDir / iconFile(which);
        RWops rw{SDL_RWFromFile(file.c_str(), "rb")};
        Surface surface{rw ? IMG_LoadSizedSVG_RW(rw.get(), side, side) : nullptr};
        if (!surface) {
            if (missingIcons.insert(which).second)
                std::cerr << "kiosk: cannot load icon " << file << ": " << SDL_GetError() << '\n';
            return nullptr;
        }
        return fromSurface(std::move(surface),
                           [&](Texture t, Size size) { return icons.put(key, std::move(t), size); });
    }

    CachedTexture* drawing(std::string svg, int w, int h) {
        if (auto* hit = drawings.find(svg)) return hit;
        RWops rw{SDL_RWFromConstMem(svg.data(), static_cast<int>(svg.size()))};
        Surface surface{IMG_LoadSizedSVG_RW(rw.get(), w, h)};
        return fromSurface(std::move(surface),
                           [&](Texture t, Size size) { return drawings.put(std::move(svg), std::move(t), size); });
    }

    CachedTexture* video(const VideoImage& image) {
        const auto key = std::tuple{image.layout, image.size.w, image.size.h};
        if (auto* hit = videos.find(key)) return hit;
        const Uint32 format = image.layout == PixelLayout::I420   ? SDL_PIXELFORMAT_IYUV
                              : image.layout == PixelLayout::Nv12 ? SDL_PIXELFORMAT_NV12
                                                                  : SDL_PIXELFORMAT_RGB24;
        Texture texture{SDL_CreateTexture(renderer, format, SDL_TEXTUREACCESS_STREAMING, image.size.w, image.size.h)};
        if (!texture) {
            std::cerr << "kiosk: cannot make a video texture: " << SDL_GetError() << '\n';
            return nullptr;
        }
        return videos.put(key, std::move(texture), image.size);
    }

    void draw(CachedTexture& t, Rect at, Color color) {
        SDL_SetTextureColorMod(t.texture.get(), color.r, color.g, color.b);
        SDL_SetTextureAlphaMod(t.texture.get(), color.a);
        const SDL_Rect dst = toSdl(at);
        SDL_RenderCopy(renderer, t.texture.get(), nullptr, &dst);
    }
};

Result<FontFiles> findFonts(const std::filesystem::path& assetsDir) {
    const std::filesystem::path noto = "/usr/share/fonts/truetype/noto";
    const std::filesystem::path dejavu = "/usr/share/fonts/truetype/dejavu";
    const FontFiles candidates[] = {
        {assetsDir / "fonts/NotoSans-Regular.ttf", assetsDir / "fonts/NotoSans-Bold.ttf"},
        {noto / "NotoSans-Regular.ttf", noto / "NotoSans-Bold.ttf"},
        {dejavu / "DejaVuSans.ttf", dejavu / "DejaVuSans-Bold.ttf"},
    };
    std::string tried;
    for (const auto& c : candidates) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(c.regular, ec) && std::filesystem::is_regular_file(c.bold, ec)) return c;
        tried += (tried.empty() ? "" : ", ") + c.regular.string();
    }
    return makeError("font.missing", "no font found (install fonts-noto-core); looked for " + tried);
}

Result<Painter> Painter::create(SDL_Renderer* renderer, const FontFiles& fonts, std::filesystem::path imagesDir) {
    auto impl = std::make_unique<Impl>();
    impl->renderer = renderer;
    impl->fontFiles = fonts;
    impl->imagesDir = std::move(imagesDir);
    for (const Weight w : {Weight::Regular, Weight::Bold})
        if (!impl->font(16, w))
            return makeError("font.open", "cannot open " + (w == Weight::Bold ? fonts.bold : fonts.regular).string() +
                                              ": " + TTF_GetError());
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
    return Painter(std::move(impl));
}

Painter::Painter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Painter::Painter(Painter&&) noexcept = default;
Painter& Painter::operator=(Painter&&) noexcept = default;
Painter::~Painter() = default;

Size Painter::size() const {
    Size s;
    SDL_GetRendererOutputSize(impl_->renderer, &s.w, &s.h);
    return s;
}

void Painter::clear(Color c) {
    SDL_SetRenderDrawColor(impl_->renderer, c.r, c.g, c.b, c.a);
    SDL_RenderClear(impl_->renderer);
}

void Painter::fillRect(Rect r, Color c) {
    SDL_SetRenderDrawColor(impl_->renderer, c.r, c.g, c.b, c.a);
    const SDL_Rect rect = toSdl(r);
    SDL_RenderFillRect(impl_->renderer, &rect);
}

void Painter::scrim(Color c) {
    fillRect(Rect{0, 0, size().w, size().h}, c);
    if (impl_->audit) *impl_->audit = DrawAudit{};
}

void Painter::fillRoundedRect(Rect r, int radius, Color c) {
    if (r.w <= 0 || r.h <= 0) return;
    if (auto* t = impl_->shape(r.w, r.h, radius, 0)) impl_->draw(*t, r, c);
}

void Painter::strokeRoundedRect(Rect r, int radius, int thickness, Color c) {
    if (r.w <= 0 || r.h <= 0 || thickness <= 0) return;
    if (auto* t = impl_->shape(r.w, r.h, radius, thickness)) impl_->draw(*t, r, c);
}

void Painter::icon(Icon which, Rect r, Color c) {
    const int side = std::min(r.w, r.h);
    if (side <= 0) return;
    if (auto* t = impl_->icon(which, side))
        impl_->draw(*t, Rect{r.x + (r.w - side) / 2, r.y + (r.h - side) / 2, side, side}, c);
}

void Painter::strokeEllipse(Rect r, int thickness, Color c) {
    if (r.w <= 0 || r.h <= 0 || thickness <= 0) return;
    if (auto* texture = impl_->drawing(ellipseOutlineSvg(Size{r.w, r.h}, thickness), r.w, r.h))
        impl_->draw(*texture, r, c);
}

void Painter::veil(Rect area, Rect hole, bool ovalHole, int holeRadius, Color c) {
    if (area.w <= 0 || area.h <= 0) return;
    // Plain bands around the hole's box, and a shaped mask only over the box: blending a texture
    // the size of the whole picture every frame costs the software renderer several milliseconds.
    const int left = std::clamp(hole.x, area.x, area.right());
    const int right = std::clamp(hole.right(), left, area.right());
    const int top = std::clamp(hole.y, area.y, area.bottom());
    const int bottom = std::clamp(hole.bottom(), top, area.bottom());
    fillRect(Rect{area.x, area.y, area.w, top - area.y}, c);
    fillRect(Rect{area.x, bottom, area.w, area.bottom() - bottom}, c);
    fillRect(Rect{area.x, top, left - area.x, bottom - top}, c);
    fillRect(Rect{right, top, area.right() - right, bottom - top}, c);
    const Rect box{left, top, right - left, bottom - top};
    if (box.w <= 0 || box.h <= 0) return;
    const Rect relative{hole.x - box.x, hole.y - box.y, hole.w, hole.h};
    if (auto* texture = impl_->drawing(veilSvg(Size{box.w, box.h}, relative, ovalHole, holeRadius), box.w, box.h))
        impl_->draw(*texture, box, c);
}

PixelLayout Painter::preferredVideoLayout() const {
    SDL_RendererInfo info{};
    if (SDL_GetRendererInfo(impl_->renderer, &info) != 0) return PixelLayout::Rgb24;
    // A GPU converts YUV while it draws, and YUV is half the bytes to upload. SDL's software
    // renderer has no YUV of its own: it converts on every update, which costs more than it saves.
    if ((info.flags & SDL_RENDERER_SOFTWARE) != 0) return PixelLayout::Rgb24;
    for (Uint32 i = 0; i < info.num_texture_formats; ++i)
        if (info.texture_formats[i] == SDL_PIXELFORMAT_IYUV) return PixelLayout::I420;
    for (Uint32 i = 0; i < info.num_texture_formats; ++i)
        if (info.texture_formats[i] == SDL_PIXELFORMAT_NV12) return PixelLayout::Nv12;
    return PixelLayout::I420;  // SDL converts to what the renderer has, still on the GPU's side of the copy
}

void Painter::video(const VideoImage& image, Rect source, Rect dst, bool mirrored) {
    if (image.size.w <= 0 || image.size.h <= 0 || dst.w <= 0 || dst.h <= 0 ||
        image.bytes.size() < image.expectedBytes())
        return;
    auto* t = impl_->video(image);
    if (!t) return;
    SDL_Texture* texture = t->texture.get();
    const auto* data = image.bytes.data();
    const int cw = image.chromaSize().w;
    const auto chromaPlane = static_cast<std::size_t>(cw) * static_cast<std::size_t>(image.chromaSize().h);
    int updated = 0;
    switch (image.layout) {
    case PixelLayout::I420:
        updated = SDL_UpdateYUVTexture(texture, nullptr, data, image.size.w, data + image.lumaBytes(), cw,
                                       data + image.lumaBytes() + chromaPlane, cw);
        break;
    case PixelLayout::Nv12:
        updated = SDL_UpdateNVTexture(texture, nullptr, data, image.size.w, data + image.lumaBytes(), 2 * cw);
        break;
    case PixelLayout::Rgb24: updated = SDL_UpdateTexture(texture, nullptr, data, 3 * image.size.w); break;
    }
    if (updated != 0) return;
    const SDL_Rect src = source.w > 0 && source.h > 0 ? toSdl(source) : SDL_Rect{0, 0, image.size.w, image.size.h};
    const SDL_Rect to = toSdl(dst);
    SDL_RenderCopyEx(impl_->renderer, texture, &src, &to, 0.0, nullptr, mirrored ? SDL_FLIP_HORIZONTAL : SDL_FLIP_NONE);
}

Size Painter::measure(std::string_view s, int px, Weight weight) {
    Size size;
    TTF_Font* f = impl_->font(px, weight);
    if (!f || s.empty()) return size;
    TTF_SizeUTF8(f, std::string(s).c_str(), &size.w, &size.h);
    return size;
}

std::vector<std::string> Painter::wrap(std::string_view s, int px, Weight weight, int width) {
    std::vector<std::string> lines;
    while (true) {
        const auto newline = s.find('\n');
        const std::string_view paragraph = s.substr(0, newline);
        std::string line;
        std::size_t pos = 0;
        while (pos < paragraph.size()) {
            const auto space = paragraph.find(' ', pos);
            const auto word =
                paragraph.substr(pos, space == std::string_view::npos ? std::string_view::npos : space - pos);
            pos = space == std::string_view::npos ? paragraph.size() : space + 1;
            if (word.empty()) continue;
            const std::string candidate = line.empty() ? std::string(word) : line + ' ' + std::string(word);
            if (line.empty() || measure(candidate, px, weight).w <= width) {
                line = candidate;
            } else {
                lines.push_back(std::move(line));
                line = std::string(word);
            }
        }
        lines.push_back(std::move(line));
        if (newline == std::string_view::npos) break;
        s.remove_prefix(newline + 1);
    }
    return lines;
}

void Painter::text(std::string_view s, Rect box, const TextStyle& style) {
    if (s.empty() || box.w <= 0) return;
    const int smallest = std::max(8, static_cast<int>(std::lround(style.px * kSmallestShrink)));
    int px = style.px;
    while (px > smallest && measure(s, px, style.weight).w > box.w)
        px = std::max(smallest, std::min(px - 1, px * 9 / 10));
    auto* t = impl_->text(s, px, style.weight);
    if (!t) return;
    int x = box.x;
    if (style.align == Align::Centre) x = box.x + (box.w - t->size.w) / 2;
    if (style.align == Align::Right) x = box.right() - t->size.w;
    const Rect ink{x, box.y + (box.h - t->size.h) / 2, t->size.w, t->size.h};
    impl_->draw(*t, ink, style.color);
    if (impl_->audit)
        impl_->audit->texts.push_back(TextDraw{std::string(s), impl_->paragraphBox.value_or(box), ink,
                                               impl_->paragraphPx.value_or(style.px), px});
}

void Painter::paragraph(std::string_view s, Rect box, const TextStyle& style) {
    if (s.empty() || box.w <= 0) return;
    const int smallest = std::max(8, static_cast<int>(std::lround(style.px * kSmallestShrink)));
    int px = style.px;
    std::vector<std::string> lines;
    int lineHeight = 0;
    while (true) {
        lines = wrap(s, px, style.weight, box.w);
        lineHeight = static_cast<int>(std::lround(px * kLineSpacing));
        if (px <= smallest || static_cast<int>(lines.size()) * lineHeight <= box.h) break;
        px = std::max(smallest, std::min(px - 1, px * 9 / 10));
    }
    TextStyle lineStyle = style;
    lineStyle.px = px;
    int y = box.y + (box.h - static_cast<int>(lines.size()) * lineHeight) / 2;
    impl_->paragraphPx = style.px;
    impl_->paragraphBox = box;
    for (const auto& line : lines) {
        text(line, Rect{box.x, y, box.w, lineHeight}, lineStyle);
        y += lineHeight;
    }
    impl_->paragraphPx.reset();
    impl_->paragraphBox.reset();
}

void Painter::target(Rect r) {
    if (impl_->audit) impl_->audit->targets.push_back(r);
}

void Painter::audit(DrawAudit* sink) { impl_->audit = sink; }

void Painter::endFrame() {
    impl_->texts.sweep();
    impl_->shapes.sweep();
    impl_->icons.sweep();
    impl_->drawings.sweep();
    impl_->videos.sweep();
}

}  // namespace kiosk::ui
