// Writing output files atomically: a temporary file in the same directory, then a rename.
#pragma once

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caravan::formats {

class WriteError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// Writes `content` to `path` so that readers see either the old file or the complete new one,
/// never a partial one: it writes `.NAME.tmp.PID.RANDOM` in the same directory, fsyncs it, renames
/// it over `path` and fsyncs the directory. A writer killed mid-way leaves only such a temporary
/// file; the next write to `path` removes those whose process no longer runs. Throws WriteError
/// naming the path.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// Writes several files into `dir`: every temporary file is written and fsynced first, then all are
/// renamed in a row. A writer killed while writing (the long part) leaves every old file as it
/// was; only a kill during the renames (microseconds) can leave some files new and some old, each
/// of them whole. Throws WriteError naming the file.
void write_files_atomically(const std::filesystem::path& dir,
                            const std::vector<std::pair<std::string, std::string_view>>& files);

/// Writes a whole directory of files. When `dir` does not exist, the files are written into a new
/// temporary directory beside it (`.NAME.tmp.PID.RANDOM`), which is then renamed to `dir`: readers
/// see no directory or the complete one, and a writer that fails or is killed leaves no `dir`.
/// When `dir` exists, the files are written into it as by write_files_atomically (other files in
/// it are left alone). Throws WriteError naming the directory or file.
void write_directory_atomically(const std::filesystem::path& dir,
                                const std::vector<std::pair<std::string, std::string_view>>& files);

/// Writes `path` atomically through `write`, which creates the complete file at the temporary path
/// it is given (`.NAME.tmp.PID.RANDOM` followed by `suffix`, in the same directory; for writers
/// such as GDAL that make the file themselves). The file is then fsynced and renamed over `path`.
/// When `write` throws, the temporary file and any `-journal`/`-wal`/`-shm` beside it are removed
/// and the exception passes on; `path` is left as it was. Throws WriteError naming the path.
void write_atomically_via(const std::filesystem::path& path, std::string_view suffix,
                          const std::function<void(const std::filesystem::path& tmp)>& write);

/// Reads a whole file. Throws ParseError naming the path.
std::string read_file(const std::filesystem::path& path);

} // namespace caravan::formats
