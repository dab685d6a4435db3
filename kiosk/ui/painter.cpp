#include "kiosk/ui/painter.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "kiosk/ui/layout.h"
#include "kiosk/ui/sdl_handles.h"

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
    }
    return "";
}

SDL_Rect toSdl(Rect r) { return SDL_Rect{r.x, r.y, r.w, r.h}; }

struct CachedTexture {
    Texture texture;
    Size size;
    bool used = true;
};

// Textures drawn in the last frame survive; the rest are freed at endFrame().
template <class Key>
class TextureCache {
public:
    CachedTexture* find(const Key& key) {
        const auto it = map_.find(key);
        if (it == map_.end()) return nullptr;
        it->second.used = true;
        return &it->second;
    }
    CachedTexture* put(Key key, Texture texture, Size size) {
        return &map_.insert_or_assign(std::move(key), CachedTexture{std::move(texture), size, true}).first->second;
    }
    void sweep() {
        std::erase_if(map_, [](const auto& entry) { return !entry.second.used; });
        for (auto& entry : map_) entry.second.used = false;
    }

private:
    std::map<Key, CachedTexture> map_;
};

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
    std::set<Icon> missingIcons;

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
    impl_->draw(*t, Rect{x, box.y + (box.h - t->size.h) / 2, t->size.w, t->size.h}, style.color);
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
    for (const auto& line : lines) {
        text(line, Rect{box.x, y, box.w, lineHeight}, lineStyle);
        y += lineHeight;
    }
}

void Painter::endFrame() {
    impl_->texts.sweep();
    impl_->shapes.sweep();
    impl_->icons.sweep();
}

}  // namespace kiosk::ui
