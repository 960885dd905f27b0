// Transport modes (rail by gauge, road, ferry, sea) and their names.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace caravan {

enum class Mode : std::uint8_t { rail_1520, rail_1435, road, ferry, sea };
inline constexpr std::size_t kModeCount = 5;
inline constexpr std::array<Mode, kModeCount> kAllModes{Mode::rail_1520, Mode::rail_1435,
                                                        Mode::road, Mode::ferry, Mode::sea};

constexpr std::string_view to_string(Mode m) {
  switch (m) {
  case Mode::rail_1520:
    return "rail_1520";
  case Mode::rail_1435:
    return "rail_1435";
  case Mode::road:
    return "road";
  case Mode::ferry:
    return "ferry";
  case Mode::sea:
    return "sea";
  }
  return "?";
}

constexpr std::optional<Mode> parse_mode(std::string_view s) {
  for (Mode m : kAllModes)
    if (to_string(m) == s) return m;
  return std::nullopt;
}

constexpr bool is_rail(Mode m) {
  return m == Mode::rail_1520 || m == Mode::rail_1435;
}

/// A set of modes as a bit mask.
class ModeSet {
public:
  constexpr ModeSet() = default;
  constexpr void insert(Mode m) { bits_ |= bit(m); }
  [[nodiscard]] constexpr bool contains(Mode m) const { return (bits_ & bit(m)) != 0; }
  [[nodiscard]] constexpr bool empty() const { return bits_ == 0; }

private:
  static constexpr std::uint8_t bit(Mode m) {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(m));
  }
  std::uint8_t bits_ = 0;
};

} // namespace caravan
