// `caravan assign --network NAME --demand FILE`: TEU demand assigned on a Caravan network.
#pragma once

#include <optional>
#include <string>

namespace caravan::app {

struct FreightCliOptions {
  std::string network;
  std::string demand;
  std::string objective = "ue";
  std::string by = "time";
  double gap = 1e-6;
  double time_limit_s = 0.0;
  int max_iterations = 100000;
  std::string out;
  std::string format = "table";
  double teu_per_train = 100.0;
  double tonnes_per_teu = 10.0;
  double teu_per_vehicle = 1.0;
  double value_of_time = 1.0;
  double bpr_alpha = 0.15;
  double bpr_power = 4.0;
  double binding = 0.9;
  int year = 0;
  int threads = 0;
  bool quiet = false;
};

int run_freight_assign(const FreightCliOptions& o);

} // namespace caravan::app
