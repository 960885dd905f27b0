// Test support: the built-in example network served over HTTP on a free loopback port, on its own
// thread for the lifetime of the object.
#pragma once

#include "formats/builtin_networks.hpp"
#include "formats/csv_network.hpp"
#include "server/http_api.hpp"
#include "server/http_server.hpp"

#include <chrono>
#include <memory>
#include <thread>
#include <utility>

namespace caravan::server::testing {

inline const Network& example_network() {
  static const Network net = formats::parse_network(*formats::builtin_network("example")).network;
  return net;
}

/// ApiOptions of the example network: reported as "example", version "test".
inline ApiOptions example_api_options() {
  ApiOptions a;
  a.network_label = "example";
  a.version = "test";
  return a;
}

/// A server over `net` on a free loopback port (port()), listening on its own thread until the
/// object is destroyed.
class LiveServer {
public:
  LiveServer(const Network& net, ApiOptions a, ServerOptions o) : api_(net, std::move(a)) {
    o.host = "127.0.0.1";
    o.port = 0;
    server_ = std::make_unique<HttpServer>(api_, std::move(o));
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->listen(); });
    for (int i = 0; i < 500 && !server_->running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  explicit LiveServer(ServerOptions o)
      : LiveServer(example_network(), example_api_options(), std::move(o)) {}
  ~LiveServer() {
    server_->stop();
    thread_.join();
  }
  LiveServer(const LiveServer&) = delete;
  LiveServer& operator=(const LiveServer&) = delete;
  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] const Api& api() const { return api_; }

private:
  Api api_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
};

} // namespace caravan::server::testing
