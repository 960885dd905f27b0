// The HTTP transport: cpp-httplib with a thread pool in front of Api, plus the static web page.
#pragma once

#include "server/http_api.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace caravan::server {

/// One line of the access log, handed to ServerOptions::on_request.
struct RequestLog {
  std::string method;
  std::string path;
  int status = 0;
  double millis = 0.0;
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;     ///< 0 = any free port (see HttpServer::port())
  int threads = 8;     ///< worker threads; each serves one connection at a time
  std::string web_dir; ///< static files served at / (index.html); empty = none
  std::size_t max_body_bytes = 64 * 1024;
  std::chrono::seconds read_timeout{5};
  std::chrono::seconds write_timeout{5};
  std::chrono::seconds keep_alive_timeout{2};
  std::size_t keep_alive_max_requests = 100;
  /// Called from worker threads after each API request (not for static files).
  std::function<void(const RequestLog&)> on_request;
};

/// Serves `api` over HTTP. Construct, bind(), then listen() (blocks until stop() from another
/// thread or a signal handler).
class HttpServer {
public:
  HttpServer(const Api& api, ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds the socket; returns the port (useful with port 0). Throws std::runtime_error on failure.
  int bind();
  /// Serves until stop(). Returns false if the server could not run.
  bool listen();
  void stop();
  [[nodiscard]] bool running() const;
  [[nodiscard]] int port() const { return port_; }

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
};

} // namespace caravan::server
