// XML/SVG text escaping shared by the SVG writers and the QGIS styles.
#pragma once

#include <string>

namespace caravan::report {

/// `s` with &, <, > and " escaped for XML text and attribute values.
inline std::string xml_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

} // namespace caravan::report
