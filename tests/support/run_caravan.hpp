// Test support: run the built `caravan` program (CARAVAN_BINARY, set by caravan_add_cli_test) and
// capture its output and exit code.
#pragma once

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace caravan::testing {

struct CmdResult {
  int code = -1;
  std::string out; ///< stdout, and stderr too when asked for
};

/// Runs `caravan ARGS` through the shell; with `with_stderr`, stderr is merged into `out`.
inline CmdResult run_caravan(const std::string& args, bool with_stderr = true) {
  const std::string cmd =
      std::string(CARAVAN_BINARY) + " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  CmdResult r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int status = ::pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

} // namespace caravan::testing
