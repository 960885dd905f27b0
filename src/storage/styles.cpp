// QML documents for QGIS: categorized renderers with simple line or marker symbols.
#include "storage/styles.hpp"

#include "report/xml.hpp"

#include "core/mode.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace caravan::storage {

namespace {

using report::xml_escape;

/// "#rrggbb" as QGIS's "r,g,b,255".
std::string qgis_colour(const std::string& hex) {
  unsigned r = 128, g = 128, b = 128;
  if (hex.size() == 7 && hex[0] == '#')
    std::sscanf(hex.c_str() + 1, "%02x%02x%02x", &r, &g, &b); // NOLINT(cert-err34-c)
  return fmt::format("{},{},{},255", r, g, b);
}

std::string symbol(const std::string& name, const std::string& colour, double width, bool points) {
  if (points)
    return fmt::format(
        R"(      <symbol type="marker" name="{0}" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <prop k="name" v="circle"/>
          <prop k="color" v="{1}"/>
          <prop k="outline_color" v="35,35,35,255"/>
          <prop k="outline_width" v="0.2"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="size" v="{2}"/>
          <prop k="size_unit" v="MM"/>
        </layer>
      </symbol>
)",
        name, qgis_colour(colour), width);
  return fmt::format(
      R"(      <symbol type="line" name="{0}" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" enabled="1" pass="0" locked="0">
          <prop k="line_color" v="{1}"/>
          <prop k="line_width" v="{2}"/>
          <prop k="line_width_unit" v="MM"/>
          <prop k="line_style" v="solid"/>
          <prop k="capstyle" v="round"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
)",
      name, qgis_colour(colour), width);
}

} // namespace

std::string categorized_qml(const std::string& attribute, const std::vector<StyleCategory>& cats,
                            double width, bool points) {
  std::string categories;
  std::string symbols;
  for (std::size_t i = 0; i < cats.size(); ++i) {
    categories += fmt::format(R"(      <category symbol="{}" value="{}" label="{}" render="true"/>
)",
                              i, xml_escape(cats[i].value), xml_escape(cats[i].label));
    symbols += symbol(std::to_string(i), cats[i].colour, width, points);
  }
  // The empty value catches every other feature (QGIS's "all other values").
  categories += fmt::format(R"(      <category symbol="{}" value="" label="other" render="true"/>
)",
                            cats.size());
  symbols += symbol(std::to_string(cats.size()), "#888888", width, points);
  return fmt::format(R"(<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="Symbology">
  <renderer-v2 type="categorizedSymbol" attr="{}" symbollevels="0" enableorderby="0" forceraster="0">
    <categories>
{}    </categories>
    <symbols>
{}    </symbols>
  </renderer-v2>
</qgis>
)",
                     xml_escape(attribute), categories, symbols);
}

std::vector<StyleCategory> mode_categories() {
  return {{std::string(to_string(Mode::rail_1520)), "rail 1520 mm", "#c0392b"},
          {std::string(to_string(Mode::rail_1435)), "rail 1435 mm", "#7d3c98"},
          {std::string(to_string(Mode::road)), "road", "#d68910"},
          {std::string(to_string(Mode::ferry)), "ferry", "#2471a3"},
          {std::string(to_string(Mode::sea)), "sea", "#138d75"}};
}

std::vector<StyleCategory> change_categories() {
  return {{"better", "better", "#1a9850"},
          {"worse", "worse", "#d73027"},
          {"now reachable", "now reachable", "#2166ac"},
          {"now unreachable", "now unreachable", "#000000"},
          {"unchanged", "unchanged", "#d9d9d9"}};
}

} // namespace caravan::storage
