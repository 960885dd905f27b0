// Writing output files atomically: a temporary file in the same directory, then a rename.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace caravan::io {

class WriteError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// Writes `content` to `path` so that readers see either the old file or the complete new one,
/// never a partial one. Throws WriteError naming the path.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// Reads a whole file. Throws ParseError naming the path.
std::string read_file(const std::filesystem::path& path);

} // namespace caravan::io
