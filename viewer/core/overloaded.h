// One lambda per alternative for std::visit over the viewer's intent variants.
#pragma once

namespace nadir::viewer {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace nadir::viewer
