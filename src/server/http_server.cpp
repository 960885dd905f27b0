// cpp-httplib glue: every path goes to Api; GET requests for files under web_dir are served first.
// httplib 0.11 (Debian 12) has no header-size total, no whole-request deadline and an unbounded
// task queue, so this file adds them: a socket stream that counts header bytes and enforces the
// deadlines, a keep-alive loop around httplib's request parser, and a thread pool with a queue
// limit that answers 503 when it is full.
#include "server/http_server.hpp"

#include <httplib.h>

#include <fmt/format.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

namespace caravan::server {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

/// Set on the accepting thread while it turns away a connection because the queue is full.
thread_local bool t_reject_overloaded = false;
/// Set by a handler on a worker thread when the connection must close after its answer (a body
/// refused unread would otherwise be taken for the next request).
thread_local bool t_close_connection = false;
/// The peer address of the connection a worker thread is serving (httplib 0.11 leaves
/// Request::remote_addr empty).
thread_local std::string t_peer_ip;

int millis_until(Clock::time_point t) {
  const auto left = std::chrono::duration_cast<milliseconds>(t - Clock::now()).count();
  return left <= 0 ? 0 : static_cast<int>(std::min<long long>(left, 1 << 30));
}

int poll_socket(int fd, short events, int timeout_ms) {
  pollfd p{fd, events, 0};
  for (;;) {
    const int r = ::poll(&p, 1, timeout_ms);
    if (r < 0 && errno == EINTR) continue;
    return r;
  }
}

const char* reason_phrase(int status) {
  switch (status) {
  case 408:
    return "Request Timeout";
  case 414:
    return "URI Too Long";
  case 431:
    return "Request Header Fields Too Large";
  case 503:
    return "Service Unavailable";
  default:
    return "Error";
  }
}

/// A complete HTTP/1.1 response that closes the connection, for errors the stream itself answers.
std::string raw_response(const ApiResponse& a, bool retry_after) {
  return fmt::format("HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n"
                     "Access-Control-Allow-Origin: *\r\n{}Connection: close\r\n\r\n{}",
                     a.status, reason_phrase(a.status), a.content_type, a.body.size(),
                     retry_after ? "Retry-After: 1\r\n" : "", a.body);
}

/// Sends all of `s` within `timeout_ms` (best effort; the connection closes right after).
void send_all(int fd, const std::string& s, int timeout_ms) {
  const auto end = Clock::now() + milliseconds(timeout_ms);
  std::size_t done = 0;
  while (done < s.size()) {
    if (poll_socket(fd, POLLOUT, millis_until(end)) <= 0) return;
    const ssize_t n = ::send(fd, s.data() + done, s.size() - done, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

/// Closes a connection so that an answer already sent is not lost to a reset: stop sending, read
/// and discard what the client still sends for a short while, then close.
void close_gracefully(int fd, bool drain, milliseconds drain_for = milliseconds(200)) {
  if (drain) {
    ::shutdown(fd, SHUT_WR);
    const auto end = Clock::now() + drain_for;
    char buf[4096];
    std::size_t total = 0;
    while (total < 256 * 1024 && poll_socket(fd, POLLIN, millis_until(end)) > 0) {
      const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (n <= 0) break;
      total += static_cast<std::size_t>(n);
    }
  } else {
    ::shutdown(fd, SHUT_RDWR);
  }
  ::close(fd);
}

void address_of(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage a{};
  socklen_t len = sizeof a;
  const int r = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&a), &len)
                     : ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  if (r != 0) return;
  char buf[INET6_ADDRSTRLEN] = {};
  if (a.ss_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&a);
    ::inet_ntop(AF_INET, &in->sin_addr, buf, sizeof buf);
    port = ntohs(in->sin_port);
  } else if (a.ss_family == AF_INET6) {
    const auto* in = reinterpret_cast<const sockaddr_in6*>(&a);
    ::inet_ntop(AF_INET6, &in->sin6_addr, buf, sizeof buf);
    port = ntohs(in->sin6_port);
  }
  ip = buf;
}

/// The socket as httplib sees it, with the limits of ServerOptions: it counts the bytes of the
/// request line and headers, enforces the whole-request and whole-response deadlines, and answers
/// 408, 414 or 431 itself (then fails every later read and write, so httplib gives up). It keeps
/// its read buffer across the requests of a keep-alive connection.
class GuardedStream final : public httplib::Stream {
public:
  GuardedStream(int fd, const ServerOptions& o) : fd_(fd), o_(&o) {}

  /// Waits for the first byte of the next request for up to `idle`; false when none came, the
  /// client closed, or the server is stopping.
  bool wait_for_request(milliseconds idle, const std::atomic<socket_t>& listener) {
    if (pos_ < len_) return true;
    const auto end = Clock::now() + idle;
    while (listener != INVALID_SOCKET) {
      const int left = millis_until(end);
      if (left == 0) return false;
      const int r = poll_socket(fd_, POLLIN, std::min(left, 50));
      if (r != 0) return r > 0;
    }
    return false;
  }

  /// Starts the clocks and counters of a new request.
  void begin_request() {
    in_headers_ = true;
    in_first_line_ = true;
    line_bytes_ = 0;
    prev_ = '\0';
    header_bytes_ = 0;
    request_deadline_ = Clock::now() + o_->request_timeout;
    write_deadline_.reset();
  }

  [[nodiscard]] bool aborted() const { return aborted_; }

  bool is_readable() const override {
    return !aborted_ && (pos_ < len_ || poll_socket(fd_, POLLIN, read_wait_ms()) > 0);
  }
  bool is_writable() const override {
    return !aborted_ && poll_socket(fd_, POLLOUT, static_cast<int>(o_->write_timeout.count())) > 0;
  }

  ssize_t read(char* ptr, size_t size) override {
    if (aborted_) return -1;
    if (pos_ == len_) {
      const ssize_t n = fill();
      if (n <= 0) return n;
    }
    std::size_t n = std::min(size, len_ - pos_);
    if (in_headers_ && !count_header_bytes(n)) return -1;
    std::memcpy(ptr, buf_.data() + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }

  /// Buffers the response; flush() sends it. httplib writes the headers and the body separately:
  /// sent at once, a response that fits the socket buffer leaves whole or not at all, so a replica
  /// killed while answering leaves its proxy no answer (which it retries elsewhere) rather than
  /// half of one (which it cannot). It also saves a packet per response.
  ssize_t write(const char* ptr, size_t size) override {
    if (aborted_) return -1;
    if (!write_deadline_) write_deadline_ = Clock::now() + o_->write_timeout;
    out_.append(ptr, size);
    if (out_.size() >= kMaxBufferedBytes && !flush()) return -1;
    return static_cast<ssize_t>(size);
  }

  /// Sends what write() buffered, within the response's write deadline. False (and the
  /// connection aborted) when the client does not take it in time or is gone.
  bool flush() {
    std::size_t done = 0;
    while (done < out_.size() && !aborted_) {
      const int left = millis_until(*write_deadline_);
      if (left == 0 || poll_socket(fd_, POLLOUT, left) <= 0) {
        aborted_ = true; // a client too slow to read its answer
        break;
      }
      const ssize_t n =
          ::send(fd_, out_.data() + done, out_.size() - done, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (n <= 0) aborted_ = true;
      if (n > 0) done += static_cast<std::size_t>(n);
    }
    out_.clear();
    return !aborted_;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    address_of(fd_, true, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    address_of(fd_, false, ip, port);
  }
  socket_t socket() const override { return fd_; }

private:
  [[nodiscard]] int read_wait_ms() const {
    return std::min(static_cast<int>(o_->read_timeout.count()), millis_until(request_deadline_));
  }

  /// Reads more bytes into the buffer; answers 408 when the client is too slow.
  ssize_t fill() {
    for (;;) {
      const int wait = read_wait_ms();
      const int r = wait == 0 ? 0 : poll_socket(fd_, POLLIN, wait);
      if (r == 0) {
        reject(error_response(408, "request_timeout",
                              fmt::format("the request did not arrive in time (the whole request "
                                          "within {} ms, no pause over {} ms)",
                                          o_->request_timeout.count(), o_->read_timeout.count())));
        return -1;
      }
      if (r < 0) return -1;
      const ssize_t n = ::recv(fd_, buf_.data(), buf_.size(), 0);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return n;
      pos_ = 0;
      len_ = static_cast<std::size_t>(n);
      return n;
    }
  }

  /// Counts the next `n` buffered bytes against the header limit, stopping `n` at the blank line
  /// that ends the headers. False (after answering 414 or 431) when the limit is passed.
  bool count_header_bytes(std::size_t& n) {
    for (std::size_t i = 0; i < n; ++i) {
      const char ch = buf_[pos_ + i];
      if (++header_bytes_ > o_->max_header_bytes) {
        if (in_first_line_)
          reject(error_response(414, "uri_too_long",
                                fmt::format("the request line is over {} bytes; use POST with a "
                                            "JSON body",
                                            o_->max_header_bytes)));
        else
          reject(error_response(
              431, "headers_too_large",
              fmt::format("the request line and headers are over {} bytes", o_->max_header_bytes)));
        return false;
      }
      if (ch == '\n') {
        // httplib ends the headers only at a CRLF line ("\r\n"); it skips a bare "\n".
        if (!in_first_line_ && line_bytes_ == 1 && prev_ == '\r') {
          in_headers_ = false; // the body, if any, follows
          n = i + 1;
          return true;
        }
        in_first_line_ = false;
        line_bytes_ = 0;
      } else {
        ++line_bytes_;
      }
      prev_ = ch;
    }
    return true;
  }

  void reject(const ApiResponse& a) {
    send_all(fd_, raw_response(a, false), 1000);
    aborted_ = true;
  }

  static constexpr std::size_t kMaxBufferedBytes = 256 * 1024;
  int fd_;
  const ServerOptions* o_;
  std::string out_; ///< the response written so far, not yet sent
  std::vector<char> buf_ = std::vector<char>(16 * 1024);
  std::size_t pos_ = 0;
  std::size_t len_ = 0;
  bool in_headers_ = true;
  bool in_first_line_ = true;
  std::size_t line_bytes_ = 0; ///< bytes of the current line before its '\n'
  char prev_ = '\0';
  std::size_t header_bytes_ = 0;
  Clock::time_point request_deadline_ = Clock::now();
  std::optional<Clock::time_point> write_deadline_;
  bool aborted_ = false;
};

/// httplib's server with this file's stream and keep-alive loop in place of its own.
class GuardedServer final : public httplib::Server {
public:
  explicit GuardedServer(const ServerOptions& o) : o_(&o) {}

private:
  bool process_and_close_socket(socket_t sock) override {
    if (t_reject_overloaded) {
      reject_overloaded(sock);
      return false;
    }
    GuardedStream strm(sock, *o_);
    int peer_port = 0;
    t_peer_ip.clear();
    strm.get_remote_ip_and_port(t_peer_ip, peer_port);
    bool ok = false;
    const std::size_t max_requests = std::max<std::size_t>(1, o_->keep_alive_max_requests);
    for (std::size_t left = max_requests; left > 0; --left) {
      if (!strm.wait_for_request(o_->keep_alive_timeout, svr_sock_)) break;
      strm.begin_request();
      bool closed = false;
      t_close_connection = false;
      ok = process_request(strm, left == 1, closed, nullptr);
      if (!strm.flush()) ok = false;
      if (t_close_connection) {
        t_close_connection = false;
        close_gracefully(sock, true);
        return ok;
      }
      if (!ok || closed || strm.aborted()) break;
    }
    close_gracefully(sock, strm.aborted());
    return ok;
  }

  /// The queue is full: read what the client sent at once, answer 503 and close. This runs on the
  /// accepting thread, so it waits at most 50 ms for the request and does not wait to drain.
  void reject_overloaded(socket_t sock) {
    if (poll_socket(sock, POLLIN, 50) > 0) {
      char buf[4096];
      std::size_t total = 0;
      for (;;) {
        const ssize_t n = ::recv(sock, buf, sizeof buf, MSG_DONTWAIT);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        total += static_cast<std::size_t>(n);
        if (total >= 64 * 1024) break;
      }
    }
    ApiResponse a = error_response(503, "overloaded",
                                   fmt::format("the server is busy ({} connections waiting for "
                                               "{} workers); retry after a second",
                                               o_->max_queued_connections, o_->threads));
    send_all(sock, raw_response(a, true), 200);
    close_gracefully(sock, true, milliseconds(0));
  }

  const ServerOptions* o_;
};

/// A fixed set of worker threads and a bounded queue of accepted connections. A connection that
/// finds the queue full is handled at once on the accepting thread, in reject mode (503).
class BoundedPool final : public httplib::TaskQueue {
public:
  BoundedPool(std::size_t threads, std::size_t max_queued) : max_queued_(max_queued) {
    for (std::size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
  }
  BoundedPool(const BoundedPool&) = delete;
  BoundedPool& operator=(const BoundedPool&) = delete;
  ~BoundedPool() override = default;

  void enqueue(std::function<void()> fn) override {
    {
      std::unique_lock lock(mutex_);
      // Jobs that an idle worker is about to take do not count as waiting. A worker finishing a
      // connection at this very moment gets a few milliseconds to come back before the refusal.
      const auto has_room = [&] { return jobs_.size() < idle_ + max_queued_; };
      if (has_room() || room_.wait_for(lock, milliseconds(10), has_room)) {
        jobs_.push_back(std::move(fn));
        cond_.notify_one();
        return;
      }
    }
    t_reject_overloaded = true;
    fn();
    t_reject_overloaded = false;
  }

  void shutdown() override {
    {
      std::lock_guard lock(mutex_);
      shutdown_ = true;
    }
    cond_.notify_all();
    for (auto& t : workers_) t.join();
  }

private:
  void work() {
    for (;;) {
      std::function<void()> fn;
      {
        std::unique_lock lock(mutex_);
        ++idle_;
        room_.notify_one();
        cond_.wait(lock, [&] { return shutdown_ || !jobs_.empty(); });
        --idle_;
        if (jobs_.empty()) return; // shutting down and nothing left
        fn = std::move(jobs_.front());
        jobs_.pop_front();
      }
      fn();
    }
  }

  std::size_t max_queued_;
  std::size_t idle_ = 0; ///< workers waiting for a job
  std::vector<std::thread> workers_;
  std::deque<std::function<void()>> jobs_;
  std::mutex mutex_;
  std::condition_variable cond_;
  std::condition_variable room_; ///< a worker became idle
  bool shutdown_ = false;
};

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

/// True for 127.0.0.0/8, ::1 and IPv4-mapped 127.x addresses.
bool is_loopback(const std::string& ip) {
  return ip.rfind("127.", 0) == 0 || ip == "::1" || ip.rfind("::ffff:127.", 0) == 0;
}

constexpr const char* kNetworkHeader = "X-Caravan-Network";

} // namespace

struct HttpServer::Impl {
  explicit Impl(ServerOptions o) : options(std::move(o)), svr(options) {}
  ApiSource source;
  ServerOptions options;
  GuardedServer svr;
};

HttpServer::HttpServer(const Api& api, ServerOptions options)
    : HttpServer([p = std::shared_ptr<const Api>(&api, [](const Api*) {})] { return p; },
                 std::move(options)) {}

HttpServer::HttpServer(ApiSource source, ServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {
  impl_->source = std::move(source);
  auto& svr = impl_->svr;
  const ServerOptions& o = impl_->options;
  const auto threads = static_cast<std::size_t>(o.threads < 1 ? 1 : o.threads);
  const std::size_t queued = o.max_queued_connections;
  svr.new_task_queue = [threads, queued] { return new BoundedPool(threads, queued); };
  svr.set_payload_max_length(o.max_body_bytes);
  // Small JSON answers: without TCP_NODELAY, Nagle and delayed ACKs add ~40 ms per request.
  svr.set_tcp_nodelay(true);
  // Used by httplib for the socket options of accepted connections; GuardedStream enforces them.
  svr.set_read_timeout(o.read_timeout);
  svr.set_write_timeout(o.write_timeout);
  // Only for the Keep-Alive header httplib writes; GuardedServer's loop enforces them.
  svr.set_keep_alive_timeout(std::max<time_t>(
      1, std::chrono::duration_cast<std::chrono::seconds>(o.keep_alive_timeout).count()));
  svr.set_keep_alive_max_count(std::max<std::size_t>(1, o.keep_alive_max_requests));
  svr.set_default_headers({{"Access-Control-Allow-Origin", "*"}});
  if (!o.web_dir.empty() && !svr.set_mount_point("/", o.web_dir))
    throw std::runtime_error(fmt::format("--web: '{}' is not a readable directory", o.web_dir));

  // A body announced over the limit is refused before it is read (httplib would read and discard
  // all of it first), and the connection closes after the answer.
  svr.set_pre_routing_handler([max = o.max_body_bytes](const httplib::Request& req,
                                                       httplib::Response& res) {
    const std::string length = req.get_header_value("Content-Length");
    if (length.empty()) {
      // A request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112 6.3),
      // but httplib 0.11 reads a POST's body until the client closes (e.g. `curl -X POST` gets a
      // 408 after the read timeout). Say so explicitly; the request object is httplib's own,
      // only handed here as const.
      if (!req.has_header("Transfer-Encoding"))
        const_cast<httplib::Request&>(req).headers.emplace("Content-Length", "0");
      return httplib::Server::HandlerResponse::Unhandled;
    }
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(length.data(), length.data() + length.size(), n);
    if (ec == std::errc() && end == length.data() + length.size() && n <= max)
      return httplib::Server::HandlerResponse::Unhandled;
    write(res, ec == std::errc() || ec == std::errc::result_out_of_range
                   ? error_response(413, "payload_too_large",
                                    fmt::format("the request body is over {} bytes", max), "body")
                   : error_response(400, "bad_request", "Content-Length is not a number"));
    res.set_header("Connection", "close");
    t_close_connection = true;
    return httplib::Server::HandlerResponse::Handled;
  });

  const ApiSource* src = &impl_->source;
  auto handler = [src, log = o.on_request, admin = o.admin](const httplib::Request& req,
                                                            httplib::Response& res) {
    const auto start = std::chrono::steady_clock::now();
    const std::shared_ptr<const Api> api = (*src)(); // this request's network, held to the end
    if (!api->network_hash().empty()) res.set_header(kNetworkHeader, api->network_hash());
    if (admin && req.path.rfind("/admin/", 0) == 0) {
      const bool proxied = req.has_header("X-Forwarded-For") || req.has_header("X-Real-IP") ||
                           req.has_header("Forwarded");
      write(res, !is_loopback(t_peer_ip) || proxied
                     ? error_response(403, "forbidden",
                                      "admin requests are answered only from the replica's own "
                                      "host (loopback), not through a proxy")
                     : admin(to_api_request(req)));
      // A reload's answer names the network served after it.
      res.headers.erase(kNetworkHeader);
      if (const auto now = (*src)(); !now->network_hash().empty())
        res.set_header(kNetworkHeader, now->network_hash());
    } else {
      write(res, api->handle(to_api_request(req)));
    }
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
      httplib::Server::HandlerWithResponse([src](const httplib::Request&, httplib::Response& res) {
        if (!res.has_header(kNetworkHeader))
          if (const auto api = (*src)(); !api->network_hash().empty())
            res.set_header(kNetworkHeader, api->network_hash());
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
