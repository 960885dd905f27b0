// Strong 32-bit identifiers for nodes, links, corridors and other indexed entities.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <limits>

namespace caravan {

/// A dense index into one of the network's arrays, tagged so that a NodeId is never used as a
/// LinkId. `invalid()` marks "none".
template <class Tag> struct Id {
  using value_type = std::uint32_t;
  static constexpr value_type kInvalid = std::numeric_limits<value_type>::max();

  value_type v = kInvalid;

  constexpr Id() = default;
  constexpr explicit Id(value_type value) : v(value) {}
  static constexpr Id invalid() { return Id(); }
  [[nodiscard]] constexpr bool valid() const { return v != kInvalid; }
  [[nodiscard]] constexpr value_type index() const { return v; }
  friend constexpr auto operator<=>(Id, Id) = default;
};

using NodeId = Id<struct NodeTag>;
using LinkId = Id<struct LinkTag>;
using ArcId = Id<struct ArcTag>;
using TransferId = Id<struct TransferTag>;
using BorderId = Id<struct BorderTag>;
using CorridorId = Id<struct CorridorTag>;
using CountryId = Id<struct CountryTag>;

} // namespace caravan

template <class Tag> struct std::hash<caravan::Id<Tag>> {
  std::size_t operator()(caravan::Id<Tag> id) const noexcept {
    return std::hash<std::uint32_t>{}(id.v);
  }
};
