// Writing heatmaps as SVG: a grid of coloured cells with row and column labels and a legend.
#include "report/svg_heatmap.hpp"

#include "report/xml.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace caravan::report {

namespace {

struct Rgb {
  double r, g, b;
};
Rgb mix(Rgb a, Rgb b, double t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}
std::string hex(Rgb c) {
  auto ch = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 255.0))); };
  return fmt::format("#{:02x}{:02x}{:02x}", ch(c.r), ch(c.g), ch(c.b));
}

constexpr Rgb kZero{242, 242, 242};
constexpr Rgb kGood{0, 104, 55}; // dark green
constexpr Rgb kBad{165, 0, 38};  // dark red
constexpr Rgb kGained{33, 102, 172};
constexpr Rgb kLost{20, 20, 20};

/// Colour of a signed value for a scale of +-`max` (square-root scale so small changes show).
Rgb colour(double v, double max) {
  if (max <= 0.0 || v == 0.0) return kZero;
  const double t = std::sqrt(std::min(1.0, std::abs(v) / max));
  return mix(kZero, v < 0 ? kGood : kBad, 0.15 + 0.85 * t);
}
bool dark(Rgb c) {
  return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b < 140.0;
}

} // namespace

std::string heatmap_to_svg(const Heatmap& h) {
  const std::size_t rows = h.row_labels.size();
  const std::size_t cols = h.col_labels.size();
  const double cell = 30.0;
  std::size_t longest = 4;
  for (const auto& l : h.row_labels) longest = std::max(longest, l.size());
  for (const auto& l : h.col_labels) longest = std::max(longest, l.size());
  const double label_w = 12.0 + 7.0 * static_cast<double>(longest);
  const double top = 70.0 + label_w * 0.75;
  const double left = label_w + 10.0;
  const double grid_w = cell * static_cast<double>(cols);
  const double grid_h = cell * static_cast<double>(rows);
  const double legend_y = top + grid_h + 28.0;
  const double width = std::max(left + grid_w + 30.0, 720.0);
  const double height = legend_y + 70.0 + 18.0 * static_cast<double>(h.notes.size());

  double max = 0.0;
  for (const auto& c : h.cells)
    if (c.kind == HeatmapCell::Kind::value) max = std::max(max, std::abs(c.value));

  std::string s;
  s += fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"{1:.0f}\" "
      "viewBox=\"0 0 {0:.0f} {1:.0f}\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n",
      width, height);
  s += fmt::format("<rect width=\"{:.0f}\" height=\"{:.0f}\" fill=\"white\"/>\n", width, height);
  s += fmt::format("<text x=\"16\" y=\"28\" font-size=\"18\" font-weight=\"bold\">{}</text>\n",
                   xml_escape(h.title));
  s += fmt::format("<text x=\"16\" y=\"50\" font-size=\"12\" fill=\"#444\">{}</text>\n",
                   xml_escape(h.subtitle));
  // Column labels, rotated.
  for (std::size_t j = 0; j < cols; ++j) {
    const double x = left + cell * (static_cast<double>(j) + 0.5);
    s += fmt::format("<text x=\"{0:.1f}\" y=\"{1:.1f}\" font-size=\"11\" "
                     "transform=\"rotate(-50 {0:.1f} {1:.1f})\">{2}</text>\n",
                     x + 3.0, top - 6.0, xml_escape(h.col_labels[j]));
  }
  s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\" fill=\"#666\" "
                   "text-anchor=\"end\">from \u2193 to \u2192</text>\n",
                   left - 6.0, top - 6.0);
  for (std::size_t i = 0; i < rows; ++i) {
    const double y = top + cell * static_cast<double>(i);
    s += fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\" text-anchor=\"end\">{}</text>\n",
        left - 6.0, y + cell * 0.5 + 4.0, xml_escape(h.row_labels[i]));
    for (std::size_t j = 0; j < cols; ++j) {
      const HeatmapCell& c = h.cells[i * cols + j];
      const double x = left + cell * static_cast<double>(j);
      Rgb fill = kZero;
      switch (c.kind) {
      case HeatmapCell::Kind::value:
        fill = colour(c.value, max);
        break;
      case HeatmapCell::Kind::diagonal:
        fill = {210, 210, 210};
        break;
      case HeatmapCell::Kind::none:
        fill = {255, 255, 255};
        break;
      case HeatmapCell::Kind::gained:
        fill = kGained;
        break;
      case HeatmapCell::Kind::lost:
        fill = kLost;
        break;
      }
      s += fmt::format("<g><title>{}</title><rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
                       "height=\"{:.1f}\" fill=\"{}\" stroke=\"white\" stroke-width=\"1\"/>",
                       xml_escape(c.tooltip), x, y, cell, cell, hex(fill));
      if (!c.text.empty())
        s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"{}\" text-anchor=\"middle\" "
                         "fill=\"{}\">{}</text>",
                         x + cell / 2.0, y + cell / 2.0 + 3.5, c.text.size() > 4 ? 8 : 9.5,
                         dark(fill) ? "white" : "#222", xml_escape(c.text));
      s += "</g>\n";
    }
  }
  s += fmt::format(
      "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"none\" "
      "stroke=\"#999\"/>\n",
      left, top, grid_w, grid_h);

  // Legend: a gradient from -max to +max, then the special cells.
  const double lx = 16.0;
  const int steps = 11;
  s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"12\">change ({}):</text>\n", lx,
                   legend_y, xml_escape(h.unit));
  const double gx = lx + 110.0;
  for (int k = 0; k < steps; ++k) {
    const double v = max * (static_cast<double>(k) / (steps - 1) * 2.0 - 1.0);
    s += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"22\" height=\"14\" fill=\"{}\"/>\n",
                     gx + 22.0 * k, legend_y - 11.0, hex(colour(v, max)));
  }
  s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"10\">{:.0f} (better)</text>\n", gx,
                   legend_y + 16.0, -max);
  s += fmt::format(
      "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"10\" text-anchor=\"middle\">0</text>\n",
      gx + 22.0 * (steps / 2) + 11.0, legend_y + 16.0);
  s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"10\" text-anchor=\"end\">+{:.0f} "
                   "(worse)</text>\n",
                   gx + 22.0 * steps, legend_y + 16.0, max);
  double kx = gx + 22.0 * steps + 24.0;
  const std::pair<Rgb, const char*> keys[] = {{kGained, "newly reachable"},
                                              {kLost, "no longer reachable"},
                                              {{255, 255, 255}, "unreachable in both"}};
  for (const auto& [c, label] : keys) {
    s +=
        fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"14\" height=\"14\" fill=\"{}\" "
                    "stroke=\"#999\"/><text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\">{}</text>\n",
                    kx, legend_y - 11.0, hex(c), kx + 18.0, legend_y, label);
    kx += 30.0 + 6.5 * static_cast<double>(std::string_view(label).size());
  }
  for (std::size_t k = 0; k < h.notes.size(); ++k)
    s += fmt::format("<text x=\"16\" y=\"{:.1f}\" font-size=\"11\" fill=\"#333\">{}</text>\n",
                     legend_y + 42.0 + 18.0 * static_cast<double>(k), xml_escape(h.notes[k]));
  s += "</svg>\n";
  return s;
}

} // namespace caravan::report
