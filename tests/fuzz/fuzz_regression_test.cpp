// Replays every fuzz regression input (tests/fuzz_regressions/<target>/) and seed (fuzz/corpus/)
// through the fuzz target bodies: no crash, no broken invariant, and a clear error when rejected.
#include "targets.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace caravan::fuzz {
void PrintTo(const Target& t, std::ostream* os) {
  *os << t.name;
}
} // namespace caravan::fuzz

namespace {

namespace fs = std::filesystem;
using caravan::fuzz::all_targets;
using caravan::fuzz::Outcome;
using caravan::fuzz::Target;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

/// The expected outcome of each regression input: the start of the clear error, or "" when the
/// input is valid after the fix.
const std::map<std::string, std::string>& expected_errors() {
  static const std::map<std::string, std::string> m = {
      {"dimacs/reserve_declared_arcs", "fuzz.gr:2: field 'kind': expected a line starting with c"},
      {"http_api/non_utf8_path", "{\"error\":{\"code\":\"not_found\""},
      {"osm/pbf_end_of_buffer", "malformed PBF data (end of buffer exception)"},
      {"osm/pbf_empty_blob_type", "PBF error: truncated data"},
      {"tntp/huge_zone_count",
       "fuzz_net.tntp:1: field 'NUMBER OF ZONES': expected an integer below 9e15"},
  };
  return m;
}

class FuzzRegression : public ::testing::TestWithParam<Target> {};

TEST_P(FuzzRegression, RegressionInputsGiveAClearErrorOrAreAccepted) {
  const Target& t = GetParam();
  const fs::path dir = fs::path(CARAVAN_REPO_DIR) / "tests" / "fuzz_regressions" / t.name;
  for (const fs::path& p : files_in(dir)) {
    SCOPED_TRACE(p.string());
    Outcome o;
    ASSERT_NO_THROW(o = t.run(slurp(p)));
    const std::string key = t.name + "/" + p.filename().string();
    const auto it = expected_errors().find(key);
    ASSERT_NE(it, expected_errors().end()) << "no expected outcome listed for " << key;
    if (it->second.empty()) {
      EXPECT_TRUE(o.accepted) << o.error;
    } else {
      EXPECT_FALSE(o.accepted);
      EXPECT_EQ(o.error.substr(0, it->second.size()), it->second) << o.error;
    }
  }
}

TEST_P(FuzzRegression, SeedCorpusRunsWithoutBrokenInvariants) {
  const Target& t = GetParam();
  const auto files = files_in(fs::path(CARAVAN_REPO_DIR) / "fuzz" / "corpus" / t.name);
  EXPECT_GE(files.size(), 3u) << "a target's seed corpus should have a few inputs";
  for (const fs::path& p : files) {
    SCOPED_TRACE(p.string());
    Outcome o;
    ASSERT_NO_THROW(o = t.run(slurp(p)));
    if (!o.accepted) {
      EXPECT_FALSE(o.error.empty());
    }
  }
}

// The size filter sees the node counts the readers see, whatever the whitespace and case (the CI
// fuzz smoke once found "p  sp 2124983686 0" asking the DIMACS reader for 8.5 GB).
TEST(FuzzDeclaredCount, MatchesTheReadersTokenisation) {
  using caravan::fuzz::declared_count;
  EXPECT_EQ(declared_count("p sp 12 3", "P SP"), 12);
  EXPECT_EQ(declared_count("c x\np  sp 2124983686 0\n", "P SP"), 2124983686LL);
  EXPECT_EQ(declared_count("\tp\t\r sp\t4e9 0", "P SP"), 4000000000LL);
  EXPECT_EQ(declared_count("<number of nodes>   77", "NODES>"), 77);
  EXPECT_EQ(declared_count("a 1 2 3", "P SP"), 0);
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzRegression, ::testing::ValuesIn(all_targets()),
                         [](const auto& info) { return info.param.name; });

} // namespace
