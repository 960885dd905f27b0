// The HTTP transport: cpp-httplib with a bounded thread pool in front of Api, plus the static web
// page, with limits on request size, time and queueing (docs/reliability.md).
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

/// Transport settings and limits. The time budget of a request's work is ApiOptions::time_budget.
struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;     ///< 0 = any free port (see HttpServer::port())
  int threads = 8;     ///< worker threads; each serves one connection at a time
  std::string web_dir; ///< static files served at / (index.html); empty = none
  /// Accepted connections waiting for a free worker; one more is answered 503 with Retry-After.
  std::size_t max_queued_connections = 64;
  /// Request line plus headers; beyond it 431 (414 while still in the request line).
  std::size_t max_header_bytes = 8 * 1024;
  std::size_t max_body_bytes = 64 * 1024; ///< beyond it 413
  /// The whole request (line, headers, body) must arrive within this time after its first byte,
  /// however slowly it trickles in; otherwise 408 and the connection is closed.
  std::chrono::milliseconds request_timeout{10'000};
  /// Longest silence while a request is being read (408 and close).
  std::chrono::milliseconds read_timeout{5'000};
  /// The whole response must be sent within this time, or the connection is dropped.
  std::chrono::milliseconds write_timeout{5'000};
  /// An idle keep-alive connection is closed after this time without a new request.
  std::chrono::milliseconds keep_alive_timeout{2'000};
  std::size_t keep_alive_max_requests = 100;
  /// Called from worker threads after each API request (not for static files).
  std::function<void(const RequestLog&)> on_request;
  /// Answers paths under /admin/ (e.g. Reloader::handle_admin); empty = no admin endpoints (404).
  /// Only requests from a loopback peer without proxy headers (X-Forwarded-For, X-Real-IP,
  /// Forwarded) reach it; every other gets 403 forbidden.
  std::function<ApiResponse(const ApiRequest&)> admin;
};

/// The Api that answers the next request (e.g. Reloader::current); called once per request.
using ApiSource = std::function<std::shared_ptr<const Api>()>;

/// Serves `api` over HTTP. Construct, bind(), then listen() (blocks until stop() from another
/// thread or a signal handler).
class HttpServer {
public:
  /// Serves one Api for the server's lifetime.
  HttpServer(const Api& api, ServerOptions options);
  /// Serves what `source` gives: each request takes its Api once and holds it until answered, so
  /// the source may switch to a new network while requests run. Every API response carries the
  /// header `X-Caravan-Network: <Api::network_hash()>` of the Api that answered it.
  HttpServer(ApiSource source, ServerOptions options);
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
