// A small SVG writer for labelled heatmaps (square matrices of signed changes), readable at a
// glance.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace caravan::report {

struct HeatmapCell {
  enum class Kind : unsigned char { value, diagonal, none, gained, lost };
  Kind kind = Kind::none;
  double value = 0.0; ///< for Kind::value: negative = better (green), positive = worse (red)
  std::string text;   ///< printed in the cell (short)
  std::string tooltip;
};

struct Heatmap {
  std::string title;
  std::string subtitle;
  std::vector<std::string> row_labels;
  std::vector<std::string> col_labels;
  std::vector<HeatmapCell> cells; ///< row-major, rows x cols
  std::string unit;               ///< of the values, for the legend (e.g. "hours")
  std::vector<std::string> notes; ///< lines printed under the map
};

/// The heatmap as a standalone SVG document. Colours are symmetric around zero (green for
/// negative, red for positive, grey for zero), with blue for gained and black for lost cells.
std::string heatmap_to_svg(const Heatmap& h);

} // namespace caravan::report
