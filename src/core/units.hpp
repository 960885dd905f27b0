// Strong unit types (km, hours, USD, kg CO2) so that quantities of different units cannot be mixed.
#pragma once

#include <compare>

namespace caravan {

/// A double tagged with its unit. Only same-unit arithmetic compiles; scaling by a plain number and
/// the ratio of two same-unit quantities are allowed. `value()` is the explicit way out.
template <class Tag> class Quantity {
public:
  constexpr Quantity() = default;
  constexpr explicit Quantity(double v) : v_(v) {}

  [[nodiscard]] constexpr double value() const { return v_; }

  constexpr Quantity& operator+=(Quantity o) {
    v_ += o.v_;
    return *this;
  }
  constexpr Quantity& operator-=(Quantity o) {
    v_ -= o.v_;
    return *this;
  }
  constexpr Quantity& operator*=(double k) {
    v_ *= k;
    return *this;
  }
  friend constexpr Quantity operator+(Quantity a, Quantity b) { return Quantity(a.v_ + b.v_); }
  friend constexpr Quantity operator-(Quantity a, Quantity b) { return Quantity(a.v_ - b.v_); }
  friend constexpr Quantity operator-(Quantity a) { return Quantity(-a.v_); }
  friend constexpr Quantity operator*(Quantity a, double k) { return Quantity(a.v_ * k); }
  friend constexpr Quantity operator*(double k, Quantity a) { return Quantity(a.v_ * k); }
  friend constexpr Quantity operator/(Quantity a, double k) { return Quantity(a.v_ / k); }
  friend constexpr double operator/(Quantity a, Quantity b) { return a.v_ / b.v_; }
  friend constexpr auto operator<=>(Quantity, Quantity) = default;
  friend constexpr bool operator==(Quantity, Quantity) = default;

private:
  double v_ = 0.0;
};

using Km = Quantity<struct KmTag>;
using Hours = Quantity<struct HoursTag>;
using Usd = Quantity<struct UsdTag>;
using KgCo2 = Quantity<struct KgCo2Tag>;
using Tonnes = Quantity<struct TonnesTag>;
/// Number of twenty-foot equivalent units (the unit of shipment).
using Teu = Quantity<struct TeuTag>;

namespace literals {
constexpr Km operator""_km(long double v) {
  return Km(static_cast<double>(v));
}
constexpr Km operator""_km(unsigned long long v) {
  return Km(static_cast<double>(v));
}
constexpr Hours operator""_h(long double v) {
  return Hours(static_cast<double>(v));
}
constexpr Hours operator""_h(unsigned long long v) {
  return Hours(static_cast<double>(v));
}
constexpr Usd operator""_usd(long double v) {
  return Usd(static_cast<double>(v));
}
constexpr Usd operator""_usd(unsigned long long v) {
  return Usd(static_cast<double>(v));
}
constexpr KgCo2 operator""_kgco2(long double v) {
  return KgCo2(static_cast<double>(v));
}
constexpr KgCo2 operator""_kgco2(unsigned long long v) {
  return KgCo2(static_cast<double>(v));
}
} // namespace literals

/// Speed in km/h, the one derived unit the model needs: Km / KmPerHour = Hours.
struct KmPerHour {
  double value = 0.0;
};
constexpr Hours operator/(Km d, KmPerHour s) {
  return Hours(d.value() / s.value);
}

/// Emission intensity in grams of CO2e (well-to-wheel) per tonne-km of cargo.
struct GramsCo2PerTonneKm {
  double value = 0.0;
};
/// kg CO2 emitted moving `t` tonnes of cargo over `d`.
constexpr KgCo2 emissions(GramsCo2PerTonneKm f, Km d, Tonnes t) {
  return KgCo2(f.value * d.value() * t.value() / 1000.0);
}

} // namespace caravan
