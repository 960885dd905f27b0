// Random multimodal networks for property tests.
#include "support/random_network.hpp"

#include <cmath>
#include <string>

namespace caravan::testing {

RandomNetwork random_network(std::mt19937& rng, int n, int m, const std::vector<Mode>& modes,
                             bool extras) {
  NetworkBuilder b;
  std::uniform_real_distribution<double> coord(40.0, 50.0);
  const char* countries[] = {"KZ", "CN", "RU"};
  std::uniform_int_distribution<int> country(0, extras ? 2 : 0);
  for (int i = 0; i < n; ++i) {
    Node node;
    node.id = "n" + std::to_string(i);
    node.name = node.id;
    node.country = countries[country(rng)];
    node.pos = {coord(rng), coord(rng)};
    b.add_node(node);
  }
  std::uniform_int_distribution<int> pick(0, n - 1);
  std::uniform_int_distribution<std::size_t> pick_mode(0, modes.size() - 1);
  std::uniform_real_distribution<double> len(1.0, 500.0), speed(10.0, 100.0), price(0.0, 2.0),
      co2(1.0, 150.0);
  std::bernoulli_distribution oneway(0.3), integral(0.3);
  for (int i = 0; i < m; ++i) {
    const int u = pick(rng);
    int v = pick(rng);
    if (u == v) v = (v + 1) % n;
    Link l;
    l.id = "l" + std::to_string(i);
    l.from = NodeId(static_cast<std::uint32_t>(u));
    l.to = NodeId(static_cast<std::uint32_t>(v));
    l.mode = modes[pick_mode(rng)];
    // Some integral lengths so that exact ties occur.
    l.length = Km(integral(rng) ? std::round(len(rng) / 50.0) * 50.0 + 50.0 : len(rng));
    l.duration = HoursRange::exactly(l.length / KmPerHour{integral(rng) ? 50.0 : speed(rng)});
    l.cost_per_teu = Usd(price(rng) * l.length.value());
    l.co2_intensity = GramsCo2PerTonneKm{co2(rng)};
    l.oneway = oneway(rng);
    b.add_link(l);
  }
  if (extras) {
    std::uniform_int_distribution<int> transfers(0, 2 * n);
    std::uniform_real_distribution<double> hours(0.0, 20.0);
    for (int k = transfers(rng); k > 0; --k) {
      Transfer t;
      t.node = NodeId(static_cast<std::uint32_t>(pick(rng)));
      std::uniform_int_distribution<int> which(0, static_cast<int>(modes.size()));
      const int f = which(rng), to = which(rng);
      t.from_mode = f == static_cast<int>(modes.size())
                        ? std::nullopt
                        : std::optional(modes[static_cast<std::size_t>(f)]);
      t.to_mode = to == static_cast<int>(modes.size())
                      ? std::nullopt
                      : std::optional(modes[static_cast<std::size_t>(to)]);
      t.duration = HoursRange::exactly(Hours(hours(rng)));
      t.cost_per_teu = Usd(hours(rng) * 10);
      b.add_transfer(t);
    }
  }
  Network net = std::move(b).build();
  if (!extras) return {std::move(net), modes};
  // Border charges on some crossing arcs.
  NetworkBuilder b2 = NetworkBuilder::from(net);
  std::bernoulli_distribution charge(0.5);
  std::uniform_real_distribution<double> dwell(0.0, 50.0);
  for (const Arc& a : net.arcs())
    if (net.crosses_border(a) && charge(rng))
      b2.add_border({a.tail, a.head, net.link(a.link).mode, HoursRange::exactly(Hours(dwell(rng))),
                     Usd(dwell(rng)), ""});
  return {std::move(b2).build(), modes};
}

} // namespace caravan::testing
