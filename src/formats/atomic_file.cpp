// Atomic file output (temp + fsync + rename + directory fsync) and whole-file input.
#include "formats/atomic_file.hpp"

#include "formats/parse_error.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace caravan::formats {

namespace {

/// The prefix of every temporary name for `target`: `.NAME.tmp.` (then `PID.RANDOM`).
std::string temp_prefix(const std::filesystem::path& target) {
  return "." + target.filename().string() + ".tmp.";
}

/// Removes temporary files for `target` left by writers that were killed: those whose process id
/// no longer runs. Temp files of live processes (a concurrent writer) are left alone.
void remove_stale_temps(const std::filesystem::path& dir, const std::filesystem::path& target) {
  const std::string prefix = temp_prefix(target);
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string rest = name.substr(prefix.size());
    char* end = nullptr;
    const long pid = std::strtol(rest.c_str(), &end, 10);
    if (end == rest.c_str() || *end != '.' || pid <= 0) continue;
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      std::error_code ignored;
      std::filesystem::remove(e.path(), ignored);
    }
  }
}

/// Test hook: CARAVAN_TEST_WRITE_DELAY_MS spreads each write over that many milliseconds, so that
/// tests can kill a writer in the middle (tests/cli/atomic_output_test.cpp).
int test_write_delay_ms() {
  const char* v = std::getenv("CARAVAN_TEST_WRITE_DELAY_MS");
  return v == nullptr ? 0 : std::max(0, std::atoi(v));
}

/// Flushes the directory entry of a rename to disk (best effort: some file systems refuse).
void sync_directory(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

} // namespace

namespace {

/// Writes `content` to a new temporary file for `path` and fsyncs it; returns its name.
std::filesystem::path write_temp(const std::filesystem::path& dir,
                                 const std::filesystem::path& path, std::string_view content) {
  remove_stale_temps(dir, path);
  std::random_device rd;
  const std::filesystem::path tmp =
      dir / (temp_prefix(path) + std::to_string(::getpid()) + "." + std::to_string(rd()));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw WriteError(path.string() + ": cannot write: " + std::strerror(errno));
  const int delay_ms = test_write_delay_ms();
  constexpr std::size_t kSlowChunks = 16;
  const std::size_t chunk =
      delay_ms > 0 ? std::max<std::size_t>(1, content.size() / kSlowChunks) : content.size();
  std::size_t done = 0;
  while (done < content.size()) {
    const std::size_t want = std::min(chunk, content.size() - done);
    const ssize_t w = ::write(fd, content.data() + done, want);
    if (w < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      throw WriteError(path.string() + ": cannot write: " + std::strerror(err));
    }
    done += static_cast<std::size_t>(w);
    if (delay_ms > 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms) / kSlowChunks);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw WriteError(path.string() + ": cannot write: " + std::strerror(err));
  }
  return tmp;
}

void replace(const std::filesystem::path& tmp, const std::filesystem::path& path) {
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw WriteError(path.string() + ": cannot replace: " + std::strerror(err));
  }
}

std::filesystem::path dir_of(const std::filesystem::path& path) {
  return path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
}

} // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  const std::filesystem::path dir = dir_of(path);
  replace(write_temp(dir, path, content), path);
  sync_directory(dir);
}

void write_files_atomically(const std::filesystem::path& dir,
                            const std::vector<std::pair<std::string, std::string_view>>& files) {
  std::vector<std::filesystem::path> temps;
  try {
    for (const auto& [name, content] : files) temps.push_back(write_temp(dir, dir / name, content));
  } catch (...) {
    for (const auto& t : temps) ::unlink(t.c_str());
    throw;
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    try {
      replace(temps[i], dir / files[i].first);
    } catch (...) {
      for (std::size_t j = i + 1; j < temps.size(); ++j) ::unlink(temps[j].c_str());
      throw;
    }
  }
  sync_directory(dir);
}

void write_directory_atomically(
    const std::filesystem::path& dir,
    const std::vector<std::pair<std::string, std::string_view>>& files) {
  std::error_code ec;
  if (std::filesystem::exists(dir, ec)) {
    if (!std::filesystem::is_directory(dir, ec))
      throw WriteError(dir.string() + ": exists and is not a directory");
    write_files_atomically(dir, files);
    return;
  }
  const std::filesystem::path target = dir.filename().empty() ? dir.parent_path() : dir;
  const std::filesystem::path parent = dir_of(target);
  if (!std::filesystem::is_directory(parent, ec))
    throw WriteError(dir.string() + ": cannot create: no directory " + parent.string());
  // Temporary directories of writers that were killed (their process is gone).
  const std::string prefix = temp_prefix(target);
  for (const auto& e : std::filesystem::directory_iterator(parent, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) != 0 || !e.is_directory(ec)) continue;
    const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      std::error_code ignored;
      std::filesystem::remove_all(e.path(), ignored);
    }
  }
  std::random_device rd;
  const std::filesystem::path tmp =
      parent / (prefix + std::to_string(::getpid()) + "." + std::to_string(rd()));
  if (::mkdir(tmp.c_str(), 0755) != 0)
    throw WriteError(dir.string() + ": cannot create: " + std::strerror(errno));
  try {
    write_files_atomically(tmp, files);
    if (::rename(tmp.c_str(), target.c_str()) != 0)
      throw WriteError(dir.string() + ": cannot create: " + std::strerror(errno));
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove_all(tmp, ignored);
    throw;
  }
  sync_directory(parent);
}

void write_atomically_via(const std::filesystem::path& path, std::string_view suffix,
                          const std::function<void(const std::filesystem::path& tmp)>& write) {
  const std::filesystem::path dir = dir_of(path);
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw WriteError(path.string() + ": cannot write: no directory " + dir.string());
  if (std::filesystem::is_directory(path, ec))
    throw WriteError(path.string() + ": cannot write: is a directory");
  remove_stale_temps(dir, path);
  std::random_device rd;
  const std::filesystem::path tmp = dir / (temp_prefix(path) + std::to_string(::getpid()) + "." +
                                           std::to_string(rd()) + std::string(suffix));
  auto remove_temp = [&] {
    for (const char* side : {"", "-journal", "-wal", "-shm"})
      ::unlink((tmp.string() + side).c_str());
  };
  try {
    write(tmp);
  } catch (...) {
    remove_temp();
    throw;
  }
  const int fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const int err = errno;
    if (fd >= 0) ::close(fd);
    remove_temp();
    throw WriteError(path.string() + ": cannot write: " + std::strerror(err));
  }
  ::close(fd);
  replace(tmp, path);
  sync_directory(dir);
}

std::string read_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw ParseError(path.string(), 0, "", "is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw ParseError(path.string(), 0, "", std::string("cannot open: ") + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw ParseError(path.string(), 0, "", "read error");
  return ss.str();
}

} // namespace caravan::formats
