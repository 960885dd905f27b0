// cpp-httplib glue: every path goes to Api; GET requests for files under web_dir are served first.
#include "server/http_server.hpp"

#include <httplib.h>

#include <fmt/format.h>

#include <chrono>
#include <stdexcept>

namespace caravan::server {

struct HttpServer::Impl {
  const Api* api;
  ServerOptions options;
  httplib::Server svr;
};

namespace {

ApiRequest to_api_request(const httplib::Request& req) {
  ApiRequest r;
  r.method = req.method;
  r.path = req.path;
  // httplib also puts form-encoded POST bodies in params; only the query string counts here.
  if (req.method != "POST" || req.target.find('?') != std::string::npos)
    for (const auto& [k, v] : req.params) r.query.emplace(k, v);
  r.body = req.body;
  return r;
}

void write(httplib::Response& res, const ApiResponse& a) {
  res.status = a.status;
  res.set_content(a.body, a.content_type.c_str());
}

} // namespace

HttpServer::HttpServer(const Api& api, ServerOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->api = &api;
  impl_->options = std::move(options);
  auto& svr = impl_->svr;
  const ServerOptions& o = impl_->options;
  const int threads = o.threads < 1 ? 1 : o.threads;
  svr.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<std::size_t>(threads));
  };
  svr.set_payload_max_length(o.max_body_bytes);
  // Small JSON answers: without TCP_NODELAY, Nagle and delayed ACKs add ~40 ms per request.
  svr.set_tcp_nodelay(true);
  svr.set_read_timeout(o.read_timeout);
  svr.set_write_timeout(o.write_timeout);
  svr.set_keep_alive_timeout(o.keep_alive_timeout.count());
  svr.set_keep_alive_max_count(o.keep_alive_max_requests);
  svr.set_default_headers({{"Access-Control-Allow-Origin", "*"}});
  if (!o.web_dir.empty() && !svr.set_mount_point("/", o.web_dir))
    throw std::runtime_error(fmt::format("--web: '{}' is not a readable directory", o.web_dir));

  const Api* a = &api;
  auto handler = [a, log = o.on_request](const httplib::Request& req, httplib::Response& res) {
    const auto start = std::chrono::steady_clock::now();
    write(res, a->handle(to_api_request(req)));
    if (log)
      log(RequestLog{
          req.method, req.path, res.status,
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count()});
  };
  svr.Get(".*", handler);
  svr.Post(".*", handler);
  svr.Put(".*", handler);
  svr.Delete(".*", handler);
  svr.Patch(".*", handler);
  svr.Options(".*", [](const httplib::Request&, httplib::Response& res) {
    res.status = 204;
    res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    res.set_header("Access-Control-Allow-Headers", "Content-Type");
  });
  // Errors detected by httplib itself (oversize body, bad request line) get the JSON error shape.
  svr.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        ApiResponse e;
        if (res.status == 413)
          e = error_response(413, "payload_too_large", "the request body is too large", "body");
        else if (res.status == 404)
          e = error_response(404, "not_found", "no such path");
        else if (res.status == 414)
          e = error_response(414, "uri_too_long", "the request line is over 8 KiB; use POST");
        else
          e = error_response(res.status, "bad_request", "the request could not be read");
        write(res, e);
        return httplib::Server::HandlerResponse::Handled;
      }));
  svr.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        write(res, error_response(500, "internal_error", "unexpected error"));
      });
}

HttpServer::~HttpServer() {
  stop();
}

int HttpServer::bind() {
  const auto& o = impl_->options;
  if (o.port == 0) {
    port_ = impl_->svr.bind_to_any_port(o.host.c_str());
    if (port_ < 0) throw std::runtime_error(fmt::format("cannot bind to {}", o.host));
  } else {
    if (!impl_->svr.bind_to_port(o.host.c_str(), o.port))
      throw std::runtime_error(fmt::format("cannot listen on {}:{} (in use?)", o.host, o.port));
    port_ = o.port;
  }
  return port_;
}

bool HttpServer::listen() {
  return impl_->svr.listen_after_bind();
}

void HttpServer::stop() {
  if (impl_) impl_->svr.stop();
}

bool HttpServer::running() const {
  return impl_->svr.is_running();
}

} // namespace caravan::server
