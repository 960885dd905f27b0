// Fuzz target: one file of a CSV network (the first byte picks which) replaced by the input, the
// others from a tiny valid network; an accepted network must round-trip through format_network.
#include "targets.hpp"

#include "core/network.hpp"
#include "formats/csv_network.hpp"
#include "formats/parse_error.hpp"

#include <array>

namespace caravan::fuzz {

namespace {

const std::array<const char*, 5> kFiles = {"nodes.csv", "links.csv", "transfers.csv", "borders.csv",
                                           "corridors.csv"};

formats::NetworkFiles base_network() {
  formats::NetworkFiles f;
  f.label = "net";
  f.contents["nodes.csv"] = "id,name,aliases,country,lat,lon,kind\n"
                            "a,Alpha,A1;A2,CN,45,82,border\n"
                            "b,Beta,,KZ,45.1,82.2,border\n"
                            "c,Gamma,,KZ,43.2,76.9,city\n";
  f.contents["links.csv"] =
      "id,from,to,mode,length_km,speed_kmh,duration_h,cost_usd_per_teu_km,co2_g_per_tkm,"
      "capacity,capacity_unit\n"
      "ab,a,b,rail_1435,14,,1,0.3,18,,\n"
      "bc,b,c,rail_1520,800,60,,0.3,18,20,trains_per_day\n"
      "ac,a,c,road,900,70,,0.9,110,,\n";
  f.contents["transfers.csv"] = "node,from_mode,to_mode,duration_h,cost_usd_per_teu\n"
                                "b,rail_1435,rail_1520,1,330\n"
                                "b,*,road,2,100\n";
  f.contents["borders.csv"] = "from,to,mode,dwell_h,dwell_h_low,dwell_h_high,cost_usd_per_teu\n"
                              "a,b,rail_1435,36,12,168,215\n";
  f.contents["corridors.csv"] = "id,name,nodes\n"
                                "main,Main,a;b;c\n";
  return f;
}

} // namespace

Outcome csv_network(std::string_view data) {
  if (data.empty()) return {};
  formats::NetworkFiles files = base_network();
  files.contents[kFiles[static_cast<unsigned char>(data[0]) % kFiles.size()]] =
      std::string(data.substr(1));
  formats::NetworkReadResult r;
  try {
    r = formats::parse_network(files);
  } catch (const formats::ParseError& e) {
    return {false, e.what()};
  }
  // A NetworkError from the builder would mean a reader check is missing: it escapes.
  const formats::NetworkFiles written = formats::format_network(r.network);
  formats::NetworkFiles again = written;
  again.label = "written";
  formats::NetworkReadResult back;
  try {
    back = formats::parse_network(again);
  } catch (const formats::ParseError& e) {
    check(false, std::string("the written network does not read back: ") + e.what());
  }
  check(back.network.nodes().size() == r.network.nodes().size() &&
            back.network.links().size() == r.network.links().size(),
        "the written network reads back with other counts");
  check(formats::format_network(back.network).contents == written.contents,
        "parse -> write -> parse -> write changes the files");
  return {true, {}};
}

} // namespace caravan::fuzz
