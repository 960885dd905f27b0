// Every error path of scenario files: the exact message, naming file:line, the field and the
// closest valid names.
#include "formats/scenario_toml.hpp"
#include "scenario/scenario.hpp"
#include "support/ascii_network.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace caravan {
namespace {

class ScenarioErrors : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("caravan_scenario_errors_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }
  /// The message of reading `text` as s.toml (ParseError), with the directory prefix removed.
  std::string read_error(const std::string& text) {
    const std::string path = write("s.toml", text);
    try {
      (void)formats::read_scenario(path);
    } catch (const formats::ParseError& e) {
      return strip(e.what());
    }
    return "no error";
  }
  /// The message of applying `text` to the map network (ScenarioError).
  std::string apply_error(const std::string& text) {
    const std::string path = write("s.toml", text);
    const Scenario s = formats::read_scenario(path);
    try {
      (void)apply_scenario(net_, s);
    } catch (const ScenarioError& e) {
      return strip(e.what());
    }
    return "no error";
  }
  std::string strip(std::string m) const {
    const std::string prefix = dir_.string() + "/";
    for (std::size_t p; (p = m.find(prefix)) != std::string::npos;) m.erase(p, prefix.size());
    return m;
  }

  std::filesystem::path dir_;
  //   Astana----Aktobe======Oral        - road, = rail; Oral is in Russia for the border cases
  const Network net_ = [] {
    testing::MapSpec spec{
        .map = R"(
A-----K=====O
)",
        .links = {{.nodes = "AK", .mode = "road"}, {.nodes = "KO", .mode = "rail_1520"}},
        .borders = {{.from_to = "KO", .hours = 5}},
        .countries = {{'O', "RU"}}};
    Network n = testing::build_map_network(spec);
    // Give the letters real-looking names so that suggestions are meaningful.
    NetworkBuilder b;
    const char* names[] = {"Astana", "Aktobe", "Oral"};
    for (std::uint32_t i = 0; i < n.node_count(); ++i) {
      Node node = n.node(NodeId(i));
      node.name = names[i];
      b.add_node(node);
    }
    for (const Link& l : n.links()) b.add_link(l);
    for (const BorderCrossing& c : n.borders()) b.add_border(c);
    return std::move(b).build();
  }();
};

TEST_F(ScenarioErrors, TomlSyntaxErrorNamesTheLine) {
  const std::string m = read_error("name = \"x\"\n[[change_link]\nid = \"AK_0\"\n");
  EXPECT_EQ(m.rfind("s.toml:2: ", 0), 0u) << m;
}

TEST_F(ScenarioErrors, UnknownFieldSuggestsTheClosest) {
  EXPECT_EQ(read_error("name = \"x\"\n[[change_link]]\nid = \"AK_0\"\nsped_kmh = 50\n"),
            "s.toml:4: field 'change_link.sped_kmh': unknown field (did you mean 'speed_kmh', "
            "'id', 'between'?)");
  EXPECT_EQ(read_error("titel = \"x\"\n"),
            "s.toml:1: field 'titel': unknown field (did you mean 'title', 'name', 'claim'?)");
}

TEST_F(ScenarioErrors, ImpossibleValues) {
  EXPECT_EQ(read_error("[[change_link]]\nid = \"AK_0\"\nspeed_kmh = -5\n"),
            "s.toml:3: field 'change_link.speed_kmh': must be positive, got -5");
  EXPECT_EQ(read_error("[[change_link]]\nid = \"AK_0\"\ncost_usd_per_teu = -1.5\n"),
            "s.toml:3: field 'change_link.cost_usd_per_teu': must not be negative, got -1.5");
  EXPECT_EQ(read_error("[[change_link]]\nid = \"AK_0\"\ntracks = 0\n"),
            "s.toml:3: field 'change_link.tracks': must be between 1 and 8, got 0");
  EXPECT_EQ(read_error("[[change_link]]\nid = \"AK_0\"\nspeed_kmh = \"fast\"\n"),
            "s.toml:3: field 'change_link.speed_kmh': must be a number");
  EXPECT_EQ(read_error("[[add_link]]\nid = \"n\"\nfrom = \"A\"\nto = \"K\"\nlength_km = 0\n"
                       "speed_kmh = 10\n"),
            "s.toml:5: field 'add_link.length_km': must be positive, got 0");
  EXPECT_EQ(read_error("[[add_link]]\nid = \"n\"\nfrom = \"A\"\nto = \"K\"\nlength_km = 10\n"),
            "s.toml:1: field 'add_link.speed_kmh': a new link needs speed_kmh or duration_h");
  EXPECT_EQ(read_error("[[add_link]]\nid = \"n\"\nfrom = \"A\"\nto = \"K\"\nlength_km = 10\n"
                       "speed_kmh = 10\nmode = \"rail\"\n"),
            "s.toml:7: field 'add_link.mode': unknown mode 'rail' (rail_1520, rail_1435, road, "
            "ferry, sea)");
  EXPECT_EQ(read_error("[[change_border]]\nfrom = \"K\"\nto = \"O\"\ndwell_h = 0\n"),
            "s.toml:4: field 'change_border.dwell_h': must be positive, got 0");
  EXPECT_EQ(read_error("[projects]\nyear = 20300\n"),
            "s.toml:2: field 'projects.year': must be a year between 1800 and 2200, got 20300");
  EXPECT_EQ(read_error("[projects]\nstatus = [\"existing\"]\n"),
            "s.toml:2: field 'projects.status': 'existing' is not a project status "
            "(under_construction, planned)");
  EXPECT_EQ(read_error("[[change_link]]\nid = \"AK_0\"\n"),
            "s.toml:1: field 'change_link': changes nothing");
  EXPECT_EQ(read_error("[[change_link]]\nid = \"AK_0\"\nbetween = [\"A\", \"K\"]\ntracks = 2\n"),
            "s.toml:1: field 'change_link.id': name the link by id, or the two nodes it joins "
            "with between = [a, b]");
  EXPECT_EQ(read_error("[[claim]]\nfrom = \"A\"\nto = \"K\"\nquantity = \"km\"\nsource = \"s\"\n"),
            "s.toml:1: field 'claim': needs saving, or before and after");
  EXPECT_EQ(read_error("[[claim]]\nfrom = \"A\"\nto = \"K\"\nquantity = \"days\"\nsaving = 1\n"),
            "s.toml:4: field 'claim.quantity': 'days' is not km or hours");
  EXPECT_EQ(read_error("change_link = 3\n"),
            "s.toml:1: field 'change_link': must be an array of tables, written [[change_link]]");
}

TEST_F(ScenarioErrors, InheritanceCycleAndMissingFile) {
  write("a.toml", "inherits = \"b.toml\"\n");
  write("b.toml", "name = \"b\"\ninherits = \"a.toml\"\n");
  try {
    (void)formats::read_scenario(dir_ / "a.toml");
    FAIL() << "no error";
  } catch (const formats::ParseError& e) {
    EXPECT_EQ(strip(e.what()),
              "b.toml:2: field 'inherits': inheritance cycle: a.toml -> b.toml -> a.toml");
  }
  EXPECT_EQ(read_error("inherits = \"s.toml\"\n"),
            "s.toml:1: field 'inherits': inheritance cycle: s.toml -> s.toml");
  EXPECT_EQ(read_error("\ncompare_against = \"missing.toml\"\n"),
            "s.toml:2: field 'compare_against': no scenario file 'missing.toml'");
}

TEST_F(ScenarioErrors, UnknownNodesAndLinksSuggestTheClosest) {
  EXPECT_EQ(apply_error("[[add_link]]\nid = \"n\"\nfrom = \"Astna\"\nto = \"Oral\"\n"
                        "length_km = 10\nspeed_kmh = 10\n"),
            "s.toml:1: field 'add_link.from': unknown node 'Astna' (did you mean 'Astana', "
            "'Aktobe' or 'Oral'?)");
  EXPECT_EQ(apply_error("\n[[close_link]]\nid = \"KO_9\"\n"),
            "s.toml:2: field 'close_link.id': unknown link 'KO_9' (did you mean 'KO_1' or "
            "'AK_0'?)");
  EXPECT_EQ(apply_error("[projects]\nids = [\"AK_1\"]\n"),
            "s.toml:1: field 'projects.ids': unknown link 'AK_1' (did you mean 'AK_0' or "
            "'KO_1'?)");
  EXPECT_EQ(apply_error("[[change_link]]\nbetween = [\"Astana\", \"Oral\"]\ntracks = 2\n"),
            "s.toml:1: field 'change_link.between': no link joins 'A' and 'O'");
  EXPECT_EQ(apply_error("[[change_link]]\nbetween = [\"Astana\", \"Aktobe\"]\nmode = "
                        "\"rail_1520\"\ntracks = 2\n"),
            "s.toml:1: field 'change_link.between': no link joins 'A' and 'K' by rail_1520");
  EXPECT_EQ(apply_error("[[change_transfer]]\nnode = \"Aktobe\"\nduration_h = 2\n"),
            "s.toml:1: field 'change_transfer': no transfer at 'K' matches the given modes");
}

TEST_F(ScenarioErrors, ImpossibleEditsOnTheNetwork) {
  EXPECT_EQ(apply_error("[[close_border]]\nfrom = \"Astana\"\nto = \"Aktobe\"\n"),
            "s.toml:1: field 'close_border': 'A' and 'K' are in the same country: close the "
            "links with [[close_link]]");
  EXPECT_EQ(apply_error("[[change_border]]\nfrom = \"Oral\"\nto = \"Aktobe\"\ndwell_h = 3\n"),
            "s.toml:1: field 'change_border': no border crossing row 'O' -> 'K'");
  EXPECT_EQ(apply_error("[[add_link]]\nid = \"AK_0\"\nfrom = \"Astana\"\nto = \"Oral\"\n"
                        "length_km = 10\nspeed_kmh = 10\n"),
            "s.toml:1: field 'add_link.id': link id 'AK_0' already exists");
  EXPECT_EQ(apply_error("[[add_link]]\nid = \"n\"\nfrom = \"Oral\"\nto = \"O\"\n"
                        "length_km = 10\nspeed_kmh = 10\n"),
            "s.toml:1: field 'add_link.to': the link starts and ends at the same node");
}

TEST_F(ScenarioErrors, ProgrammaticScenariosAreCheckedToo) {
  Scenario s;
  s.name = "code";
  ChangeLink c;
  c.select.link_id = "AK_0";
  c.speed_kmh = -1.0;
  c.loc = {"built in code", 0};
  s.change_links.push_back(c);
  try {
    (void)apply_scenario(net_, s);
    FAIL() << "no error";
  } catch (const ScenarioError& e) {
    EXPECT_STREQ(e.what(),
                 "built in code: field 'change_link.speed_kmh': must be positive, got -1");
  }
}

} // namespace
} // namespace caravan
