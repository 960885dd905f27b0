// Test support: a raw TCP connection to a loopback HTTP server, for requests no HTTP client would
// send (oversize, slow, truncated, garbage), and a parse of the status line, headers and body.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>

namespace caravan::server::testing {

/// One parsed HTTP response; status 0 when nothing parseable came back.
struct RawResponse {
  int status = 0;
  std::map<std::string, std::string> headers; ///< names lower-cased
  std::string body;
};

/// Parses the first response in `text` (headers and a Content-Length body).
inline RawResponse parse_response(const std::string& text, std::size_t* consumed = nullptr) {
  RawResponse r;
  const std::size_t end = text.find("\r\n\r\n");
  if (text.rfind("HTTP/1.", 0) != 0 || end == std::string::npos || text.size() < 12) return r;
  r.status = std::atoi(text.c_str() + 9);
  std::size_t pos = text.find("\r\n") + 2;
  while (pos < end) {
    const std::size_t eol = text.find("\r\n", pos);
    const std::string line = text.substr(pos, eol - pos);
    const std::size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::size_t v = colon + 1;
      while (v < line.size() && line[v] == ' ') ++v;
      r.headers[name] = line.substr(v);
    }
    pos = eol + 2;
  }
  std::size_t length = 0;
  if (auto it = r.headers.find("content-length"); it != r.headers.end())
    length = std::stoul(it->second);
  if (text.size() < end + 4 + length) {
    r.status = 0; // incomplete
    return r;
  }
  r.body = text.substr(end + 4, length);
  if (consumed != nullptr) *consumed = end + 4 + length;
  return r;
}

class RawConnection {
public:
  /// `receive_buffer` > 0 sets SO_RCVBUF before connecting (a client that buffers little).
  explicit RawConnection(int port, int timeout_s = 10, int receive_buffer = 0)
      : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    if (receive_buffer > 0)
      ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    timeval tv{timeout_s, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }
  ~RawConnection() { ::close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  [[nodiscard]] bool connected() const { return connected_; }
  /// False when the server has closed the connection.
  bool send(const std::string& s) {
    return ::send(fd_, s.data(), s.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(s.size());
  }
  /// No more bytes from this side (the server sees end of file).
  void close_sending() { ::shutdown(fd_, SHUT_WR); }
  /// Everything until the server closes the connection (or the timeout passes).
  std::string read_all() {
    std::string out;
    char buf[4096];
    for (;;) {
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) break;
      out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
  }
  /// Reads until one complete response has arrived; the connection stays open. Status 0 when the
  /// server closed (or timed out) first.
  RawResponse read_response() {
    for (;;) {
      std::size_t used = 0;
      RawResponse r = parse_response(pending_, &used);
      if (r.status != 0) {
        pending_.erase(0, used);
        return r;
      }
      char buf[16384];
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) return {};
      pending_.append(buf, static_cast<std::size_t>(n));
    }
  }

private:
  int fd_;
  bool connected_ = false;
  std::string pending_;
};

} // namespace caravan::server::testing
