#pragma once
// The painter's textures, kept while they are drawn: a texture not drawn in a frame is freed at
// the end of that frame. Included only by painter.cpp. Lives on the UI thread.

#include <map>
#include <utility>

#include "kiosk/ui/geometry.h"
#include "kiosk/ui/sdl_handles.h"

namespace kiosk::ui {

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

}  // namespace kiosk::ui
