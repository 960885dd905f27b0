// Scenario properties on random networks (adding never slows, closing never speeds up), edits
// and inheritance.
#include "formats/scenario_toml.hpp"
#include "route/matrix.hpp"
#include "scenario/impact.hpp"
#include "scenario/scenario.hpp"
#include "support/ascii_network.hpp"
#include "support/random_network.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace caravan {
namespace {

std::vector<NodeId> all_nodes(const Network& net) {
  std::vector<NodeId> v;
  for (std::uint32_t i = 0; i < net.node_count(); ++i) v.emplace_back(i);
  return v;
}

/// Compares every pair: `cmp(before, after)` must hold where both exist; `gain` says whether a
/// pair may become reachable (adding) or unreachable (closing).
void expect_monotone(const Network& before, const Network& after, Objective o, bool adding) {
  Costing c;
  c.objective = o;
  const auto nodes = all_nodes(before);
  const Matrix b = compute_matrix(before, nodes, nodes, c, Shipment{}, 1);
  const Matrix a = compute_matrix(after, nodes, nodes, c, Shipment{}, 1);
  for (std::size_t i = 0; i < nodes.size(); ++i)
    for (std::size_t j = 0; j < nodes.size(); ++j) {
      const auto& cb = b.cell(i, j);
      const auto& ca = a.cell(i, j);
      if (adding) {
        if (cb) {
          ASSERT_TRUE(ca.has_value()) << i << "->" << j << " lost by adding a link";
          EXPECT_LE(ca->totals.get(o), cb->totals.get(o) * (1 + 1e-12) + 1e-9)
              << i << "->" << j << " slower after adding a link";
        }
      } else if (ca) {
        ASSERT_TRUE(cb.has_value()) << i << "->" << j << " gained by closing a link";
        EXPECT_GE(ca->totals.get(o), cb->totals.get(o) * (1 - 1e-12) - 1e-9)
            << i << "->" << j << " faster after closing a link";
      }
    }
}

TEST(ScenarioProperty, AddingALinkNeverMakesAPairWorse) {
  std::mt19937 rng(2026);
  const std::vector<Mode> modes{Mode::rail_1520, Mode::rail_1435, Mode::road};
  const int graphs = CARAVAN_SANITIZER_BUILD ? 40 : 150;
  for (int g = 0; g < graphs; ++g) {
    const int n = std::uniform_int_distribution<int>(3, 25)(rng);
    const auto rn = testing::random_network(rng, n, n * 2, modes, g % 2 == 0);
    std::uniform_int_distribution<int> node(0, n - 1);
    Scenario s;
    s.name = "add";
    for (int k = 0; k < 1 + g % 3; ++k) {
      AddLink a;
      a.id = "new" + std::to_string(k);
      a.from = rn.net.node(NodeId(static_cast<std::uint32_t>(node(rng)))).id;
      do {
        a.to = rn.net.node(NodeId(static_cast<std::uint32_t>(node(rng)))).id;
      } while (a.to == a.from);
      a.mode = modes[static_cast<std::size_t>(k + g) % modes.size()];
      a.length_km = std::uniform_real_distribution<double>(1.0, 500.0)(rng);
      a.speed_kmh = std::uniform_real_distribution<double>(10.0, 100.0)(rng);
      a.cost_usd_per_teu_km = 0.5;
      a.co2_g_per_tkm = 20;
      s.add_links.push_back(a);
    }
    const Network after = apply_scenario(rn.net, s);
    ASSERT_EQ(after.link_count(), rn.net.link_count() + s.add_links.size());
    expect_monotone(rn.net, after, static_cast<Objective>(g % 4), true);
  }
}

TEST(ScenarioProperty, ClosingALinkOrSlowingItNeverMakesAPairBetter) {
  std::mt19937 rng(7);
  const std::vector<Mode> modes{Mode::rail_1520, Mode::rail_1435, Mode::road};
  const int graphs = CARAVAN_SANITIZER_BUILD ? 40 : 150;
  for (int g = 0; g < graphs; ++g) {
    const int n = std::uniform_int_distribution<int>(3, 25)(rng);
    const auto rn = testing::random_network(rng, n, n * 2, modes, g % 2 == 0);
    if (rn.net.link_count() == 0) continue;
    std::uniform_int_distribution<std::uint32_t> link(
        0, static_cast<std::uint32_t>(rn.net.link_count() - 1));
    Scenario s;
    LinkSelector close;
    close.link_id = rn.net.link(LinkId(link(rng))).id;
    s.close_links.push_back(close);
    ChangeLink slow;
    slow.select.link_id = rn.net.link(LinkId(link(rng))).id;
    slow.duration_factor = 1.5;
    slow.cost_factor = 2.0;
    s.change_links.push_back(slow);
    const Network after = apply_scenario(rn.net, s);
    ASSERT_EQ(after.link_count() + 1, rn.net.link_count());
    expect_monotone(rn.net, after, static_cast<Objective>(g % 4), false);
  }
}

// A--B--C road, 100 km each; B-C also rail. Borders: C is in another country.
testing::MapSpec small_map() {
  return {.map = R"(
A---------B---------C
)",
          .links = {{.nodes = "ABC", .mode = "road", .speed_kmh = 50, .km = 100.0},
                    {.nodes = "BC",
                     .mode = "rail_1520",
                     .speed_kmh = 40,
                     .km = 100.0,
                     .status = "planned",
                     .open_year = 2030}},
          .borders = {{.from_to = "BC", .hours = 10, .usd = 50}, {.from_to = "CB", .hours = 5}},
          .countries = {{'C', "UZ"}}};
}

TEST(ApplyScenario, EditsChangeTheLinksTheyName) {
  const Network base = testing::build_map_network(small_map());
  Scenario s;
  ChangeLink c;
  c.select.node_a = "A";
  c.select.node_b = "B";
  c.speed_kmh = 100.0;
  c.tracks = 2;
  c.capacity = 60;
  c.capacity_unit = CapacityUnit::trains_per_day;
  c.cost_usd_per_teu = 7.0;
  s.change_links.push_back(c);
  ChangeBorder b;
  b.from = "B";
  b.to = "C";
  b.both_directions = true;
  b.dwell_factor = 0.5;
  b.cost_usd_per_teu = 1.0;
  s.change_borders.push_back(b);
  s.projects.year = 2030;
  ScenarioSummary sum;
  const Network net = apply_scenario(base, s, &sum);
  const Link& ab = net.link(*net.find_link_id("AB_0"));
  EXPECT_DOUBLE_EQ(ab.duration.typical.value(), 1.0);
  EXPECT_EQ(ab.tracks, 2);
  EXPECT_DOUBLE_EQ(ab.capacity, 60.0);
  EXPECT_EQ(ab.capacity_unit, CapacityUnit::trains_per_day);
  EXPECT_DOUBLE_EQ(ab.cost_per_teu.value(), 7.0);
  EXPECT_EQ(net.link(*net.find_link_id("BC_2")).status, LinkStatus::existing);
  ASSERT_EQ(net.borders().size(), 2u);
  EXPECT_DOUBLE_EQ(net.borders()[0].dwell.typical.value(), 5.0);
  EXPECT_DOUBLE_EQ(net.borders()[1].dwell.typical.value(), 2.5);
  EXPECT_DOUBLE_EQ(net.borders()[0].cost_per_teu.value(), 1.0);
  EXPECT_EQ(sum.links_changed, 1);
  EXPECT_EQ(sum.projects_opened, 1);
  EXPECT_EQ(sum.borders_changed, 2);
}

TEST(ApplyScenario, ClosingABorderRemovesItsLinksAndRows) {
  const Network base = testing::build_map_network(small_map());
  Scenario s;
  s.close_borders.push_back({.from = "B", .to = "C"});
  ScenarioSummary sum;
  const Network net = apply_scenario(base, s, &sum);
  EXPECT_EQ(net.link_count(), 1u);
  EXPECT_TRUE(net.borders().empty());
  EXPECT_EQ(sum.links_closed, 2);
  EXPECT_EQ(sum.borders_closed, 1);
}

std::filesystem::path temp_dir(const std::string& name) {
  const auto d = std::filesystem::temp_directory_path() /
                 ("caravan_scenario_test_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::create_directories(d);
  return d;
}
void write(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p) << text;
}

TEST(ScenarioInheritance, ParentAppliesFirstAndChildOverrides) {
  const auto dir = temp_dir("inherit");
  write(dir / "parent.toml", R"(name = "parent"
[projects]
year = 2030
[[change_link]]
id = "AB_0"
speed_kmh = 25
[[claim]]
from = "A"
to = "C"
quantity = "km"
saving = 10
source = "parent source"
)");
  write(dir / "child.toml", R"(name = "child"
inherits = "parent.toml"
compare_against = "parent.toml"
[[change_link]]
between = ["A", "B"]
mode = "road"
speed_kmh = 100
[[claim]]
from = "B"
to = "C"
quantity = "hours"
before = 10
after = 8
source = "child source"
)");
  const Scenario s = formats::read_scenario(dir / "child.toml");
  ASSERT_EQ(s.parent.size(), 1u);
  EXPECT_EQ(s.parent[0].name, "parent");
  ASSERT_EQ(s.compare_against.size(), 1u);
  const Network base = testing::build_map_network(small_map());
  const Network net = apply_scenario(base, s);
  EXPECT_DOUBLE_EQ(net.link(*net.find_link_id("AB_0")).duration.typical.value(), 1.0);
  EXPECT_EQ(net.link(*net.find_link_id("BC_2")).status, LinkStatus::existing);
  const Network parent_only = apply_scenario(base, s.parent[0]);
  EXPECT_DOUBLE_EQ(parent_only.link(*parent_only.find_link_id("AB_0")).duration.typical.value(),
                   4.0);
  const auto claims = all_claims(s);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].source, "parent source");
  EXPECT_EQ(claims[1].source, "child source");
  EXPECT_DOUBLE_EQ(*claims[1].claimed_saving(), 2.0);
  std::filesystem::remove_all(dir);
}

TEST(BuiltinScenarios, EveryFileParsesAndAppliesToTheEurasiaNetwork) {
  const std::filesystem::path dir =
      std::filesystem::path(CARAVAN_REPO_DIR) / "data/eurasia/scenarios";
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".toml") continue;
    SCOPED_TRACE(e.path().string());
    const Scenario s = formats::read_scenario(e.path());
    EXPECT_FALSE(s.source.empty()) << "every built-in scenario names its source";
    ++files;
  }
  EXPECT_GE(files, 7);
}

} // namespace
} // namespace caravan
