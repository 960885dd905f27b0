// Atomic outputs: `caravan` killed with SIGKILL in the middle of writing an output (slowed down by
// CARAVAN_TEST_WRITE_DELAY_MS) leaves the previous file intact, or no file, never a partial one;
// the temporary file it leaves is removed by the next write.
#include "support/run_caravan.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace caravan {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// A fresh empty directory for one test.
fs::path scratch(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("caravan_atomic_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

/// Temporary files (`.NAME.tmp.PID.RANDOM`) in `dir`.
std::vector<fs::path> temps_in(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().find(".tmp.") != std::string::npos) out.push_back(e.path());
  return out;
}

/// Starts `caravan ARGS...` with every write spread over `delay_ms`; returns its pid.
pid_t start_slow(const std::vector<std::string>& args, int delay_ms) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::setenv("CARAVAN_TEST_WRITE_DELAY_MS", std::to_string(delay_ms).c_str(), 1);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(CARAVAN_BINARY));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const int devnull = ::open("/dev/null", O_WRONLY);
    ::dup2(devnull, 1);
    ::dup2(devnull, 2);
    ::execv(CARAVAN_BINARY, argv.data());
    ::_exit(127);
  }
  return pid;
}

/// Waits until process `pid` has created its temporary file in `dir` (its write has begun); false
/// after 60 s or when the process ended first.
bool wait_for_temp(const fs::path& dir, pid_t pid) {
  const std::string mark = ".tmp." + std::to_string(pid) + ".";
  const auto end = Clock::now() + std::chrono::seconds(60);
  while (Clock::now() < end) {
    for (const auto& t : temps_in(dir))
      if (t.filename().string().find(mark) != std::string::npos) return true;
    int st = 0;
    if (::waitpid(pid, &st, WNOHANG) == pid) return false; // exited before writing
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return false;
}

void kill_and_reap(pid_t pid) {
  ::kill(pid, SIGKILL);
  int st = 0;
  ::waitpid(pid, &st, 0);
  EXPECT_TRUE(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL) << "the writer ended before the kill";
}

TEST(AtomicOutput, AWriterKilledMidWriteLeavesThePreviousFileWhole) {
  const fs::path dir = scratch("route");
  const fs::path out = dir / "route.json";
  const std::vector<std::string> old_args{"route", "--from", "Urumqi", "--to",      "Poti",
                                          "-f",    "json",   "-o",     out.string()};
  const std::vector<std::string> new_args{"route", "--from", "Almaty", "--to",      "Aktau",
                                          "-f",    "json",   "-o",     out.string()};
  std::string cmd;
  for (const auto& a : old_args) cmd += " '" + a + "'";
  ASSERT_EQ(testing::run_caravan(cmd).code, 0);
  const std::string old_content = slurp(out);
  ASSERT_GT(old_content.size(), 500u);

  // Kill the second writer at several points of its 1.6 s write.
  for (int after_ms : {0, 150, 500, 900, 1300}) {
    const pid_t pid = start_slow(new_args, 1600);
    ASSERT_TRUE(wait_for_temp(dir, pid)) << "no temporary file appeared";
    std::this_thread::sleep_for(std::chrono::milliseconds(after_ms));
    kill_and_reap(pid);
    EXPECT_EQ(slurp(out), old_content) << "killed " << after_ms << " ms into the write";
    // What is left is the killed writer's temporary file, and it is partial.
    const auto temps = temps_in(dir);
    ASSERT_EQ(temps.size(), 1u);
    EXPECT_EQ(temps[0].filename().string().rfind(".route.json.tmp." + std::to_string(pid) + ".", 0),
              0u)
        << temps[0];
  }
  // The next write completes, replaces the file and removes the dead writers' temporary files.
  std::string new_cmd;
  for (const auto& a : new_args) new_cmd += " '" + a + "'";
  ASSERT_EQ(testing::run_caravan(new_cmd).code, 0);
  const std::string new_content = slurp(out);
  EXPECT_NE(new_content, old_content);
  EXPECT_NE(new_content.find("\"Aktau\""), std::string::npos);
  EXPECT_TRUE(temps_in(dir).empty());
  fs::remove_all(dir);
}

TEST(AtomicOutput, AWriterKilledBeforeTheFirstFileExistsLeavesNoFile) {
  const fs::path dir = scratch("matrix");
  const fs::path out = dir / "matrix.csv";
  const pid_t pid = start_slow(
      {"matrix", "--from", "country:KZ", "--to", "country:CN", "-f", "csv", "-o", out.string()},
      1600);
  ASSERT_TRUE(wait_for_temp(dir, pid));
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  kill_and_reap(pid);
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(temps_in(dir).size(), 1u);
  fs::remove_all(dir);
}

TEST(AtomicOutput, AnImportKilledWhileWritingLeavesEveryOldFile) {
  const fs::path pbf = fs::path(CARAVAN_SHARED_DATA_DIR) / "osm" / "monaco.osm.pbf";
  if (!fs::exists(pbf)) GTEST_SKIP() << pbf << " is absent (public benchmark data)";
  const fs::path dir = scratch("import");
  const fs::path net = dir / "monaco";
  ASSERT_EQ(testing::run_caravan("import-osm -q '" + pbf.string() + "' --out '" + net.string() +
                                 "' --country MC --no-rail")
                .code,
            0);
  std::vector<std::pair<fs::path, std::string>> old_files;
  for (const auto& e : fs::directory_iterator(net))
    old_files.emplace_back(e.path(), slurp(e.path()));
  ASSERT_GE(old_files.size(), 3u);
  // A different import (with rail), killed while its files are being written.
  const pid_t pid = start_slow(
      {"import-osm", "-q", pbf.string(), "--out", net.string(), "--country", "MC"}, 1600);
  ASSERT_TRUE(wait_for_temp(net, pid));
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  kill_and_reap(pid);
  for (const auto& [path, content] : old_files) EXPECT_EQ(slurp(path), content) << path;
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(net))
    files += e.path().filename().string().find(".tmp.") == std::string::npos ? 1 : 0;
  EXPECT_EQ(files, old_files.size());
  fs::remove_all(dir);
}

} // namespace
} // namespace caravan
