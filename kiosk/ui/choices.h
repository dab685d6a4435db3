#pragma once
// Choosing from a few options. A choice list is one big button per option, one of them marked
// (a radio mark, a tint and the word "Dipilih"); chips are smaller pills for picking several,
// each marked with a check when chosen. Immediate-mode: the caller keeps what is chosen.

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "kiosk/ui/layout.h"
#include "kiosk/ui/painter.h"
#include "kiosk/ui/touch.h"

namespace kiosk::ui {

// One row per option, top to bottom; a second column when the rows would not fit (pure).
std::vector<Rect> layoutChoiceList(Rect area, std::size_t count, const Metrics& m);
int choiceRowHeight(const Metrics& m);

// Returns the index of the option tapped in this frame.
std::optional<std::size_t> choiceList(Painter& p, const Touch& touch, Rect area, const Metrics& m,
                                      std::span<const std::string_view> options, std::optional<std::size_t> selected,
                                      std::string_view selectedNote);

// Chips flow left to right and wrap, each as wide as its label needs (pure, given the widths).
std::vector<Rect> layoutChips(Rect area, std::span<const int> labelWidths, const Metrics& m);
int chipHeight(const Metrics& m);
// The label's box inside a chip: clear of the check mark's place.
Rect chipLabel(Rect chip, const Metrics& m);

// Returns the index of the chip tapped in this frame. `chosen[i]` marks chip i.
std::optional<std::size_t> chips(Painter& p, const Touch& touch, Rect area, const Metrics& m,
                                 std::span<const std::string_view> options, std::span<const bool> chosen);

}  // namespace kiosk::ui
