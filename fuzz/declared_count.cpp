// A helper of the fuzz targets: the node count a text declares, to skip inputs that would
// legitimately allocate gigabytes.
#include "targets.hpp"

#include <cctype>
#include <cstdlib>
#include <string>

namespace caravan::fuzz {

long long declared_count(std::string_view raw, std::string_view key) {
  // Keys are matched without regard to case (TNTP metadata keys are case-insensitive), and every
  // run of whitespace counts as one space (the DIMACS reader splits "p \t sp" into the same fields
  // as "p sp").
  std::string text;
  text.reserve(raw.size());
  for (const char c : raw) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isspace(u)) {
      if (text.empty() || text.back() != ' ') text += ' ';
    } else {
      text += static_cast<char>(std::toupper(u));
    }
  }
  long long best = 0;
  for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
    std::size_t i = at + key.size();
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    // The readers accept "4e9" and "4294967295.0" as well as digits.
    std::string number;
    while (i < text.size() && number.size() < 64 &&
           (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.' || text[i] == 'E' ||
            text[i] == '+' || text[i] == '-'))
      number += text[i++];
    const double v = std::strtod(number.c_str(), nullptr);
    if (!(v <= 1e18)) return 1LL << 62; // NaN or huge
    if (v > static_cast<double>(best)) best = static_cast<long long>(v);
  }
  return best;
}

} // namespace caravan::fuzz
