// Reading scenario files (TOML, docs/scenarios.md) into the Scenario model, with inheritance.
#pragma once

#include "formats/parse_error.hpp"
#include "scenario/scenario.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace caravan::formats {

/// Reads the scenario at `path`; `inherits` and `compare_against` name files relative to it.
/// Throws ParseError (`file:line: field 'x': ...`) for TOML syntax errors, unknown or mistyped
/// fields (with the closest valid names), impossible values, missing files and inheritance cycles.
/// Node and link names are checked later, against a network, by apply_scenario.
Scenario read_scenario(const std::filesystem::path& path);

/// Parses scenario text; `label` names it in errors, inherited files are looked up in `dir`.
Scenario parse_scenario(std::string_view text, const std::string& label,
                        const std::filesystem::path& dir);

} // namespace caravan::formats
