// QGIS styles (QML) for the layers Caravan writes, stored in a GeoPackage's `layer_styles` table so
// that QGIS shows modes and changes without manual styling.
#pragma once

#include <string>
#include <vector>

namespace caravan::storage {

/// One class of a categorized style: features whose attribute equals `value`.
struct StyleCategory {
  std::string value;
  std::string label;
  std::string colour; ///< "#rrggbb"
};

/// A QML document: lines (or points, with `points`) coloured by `attribute`, one category each,
/// `width` mm wide (or the marker size); features of no category are drawn grey.
std::string categorized_qml(const std::string& attribute, const std::vector<StyleCategory>& cats,
                            double width, bool points = false);

/// The modes, in the web map's colours (web/src/modes.js).
std::vector<StyleCategory> mode_categories();

/// Impact changes: better green, worse red, now reachable blue, now unreachable black, unchanged
/// light grey.
std::vector<StyleCategory> change_categories();

} // namespace caravan::storage
