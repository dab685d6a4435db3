#pragma once
// std::visit over a variant with one lambda per alternative:
//   std::visit(Overloaded{[](const A&) {...}, [](const B&) {...}}, value);

namespace kiosk {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
// Clang before 17 does not deduce an aggregate's bases from its initializers by itself.
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace kiosk
