#pragma once
// The painter's textures, kept while they are drawn: a texture not drawn in a frame is freed at
// the end of that frame. Included only by painter.cpp. Lives on the UI thread.

#include <iterator>
#include <map>
#include <utility>

#include "kiosk/base/wipe.h"

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
    // A text texture's key is the text drawn, which may be what a person typed: it is zeroed
    // before its memory is freed.
    void sweep() {
        for (auto it = map_.begin(); it != map_.end();) {
            const auto next = std::next(it);
            if (it->second.used) {
                it->second.used = false;
            } else {
                auto node = map_.extract(it);
                wipeTexts(node.key());
            }
            it = next;
        }
    }

private:
    std::map<Key, CachedTexture> map_;
};

}  // namespace kiosk::ui
