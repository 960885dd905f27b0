// Indexed 4-ary min-heap over dense 32-bit ids with decrease-key, the priority queue of every
// search.
#pragma once

#include <cassert>
#include <cstdint>
#include <limits>
#include <vector>

namespace caravan::graph {

/// A min-priority queue of ids in 0..capacity-1, each present at most once, keyed by a 32-bit key.
/// Memory is allocated once (capacity ids); `clear()` costs O(size), not O(capacity).
class MinIdQueue {
public:
  struct Item {
    std::uint32_t id;
    std::uint32_t key;
  };

  MinIdQueue() = default;
  explicit MinIdQueue(std::uint32_t capacity) : pos_(capacity, kAbsent) {}

  [[nodiscard]] bool empty() const { return heap_.empty(); }
  [[nodiscard]] std::size_t size() const { return heap_.size(); }
  [[nodiscard]] bool contains(std::uint32_t id) const { return pos_[id] != kAbsent; }
  [[nodiscard]] Item peek() const { return heap_.front(); }
  [[nodiscard]] std::uint32_t capacity() const { return static_cast<std::uint32_t>(pos_.size()); }

  void clear() {
    for (const Item& it : heap_) pos_[it.id] = kAbsent;
    heap_.clear();
  }

  void push(std::uint32_t id, std::uint32_t key) {
    assert(!contains(id));
    heap_.push_back({id, key});
    pos_[id] = static_cast<std::uint32_t>(heap_.size() - 1);
    sift_up(pos_[id]);
  }

  /// Lowers the key of a queued id; the new key must not be larger.
  void decrease_key(std::uint32_t id, std::uint32_t key) {
    assert(contains(id) && key <= heap_[pos_[id]].key);
    heap_[pos_[id]].key = key;
    sift_up(pos_[id]);
  }

  /// Pushes `id` or lowers its key; returns false (and does nothing) if it is queued with a key
  /// that is not larger.
  bool push_or_decrease(std::uint32_t id, std::uint32_t key) {
    if (!contains(id)) {
      push(id, key);
      return true;
    }
    if (key < heap_[pos_[id]].key) {
      decrease_key(id, key);
      return true;
    }
    return false;
  }

  /// Sets the key of a queued id to any value, raising or lowering it.
  void update_key(std::uint32_t id, std::uint32_t key) {
    assert(contains(id));
    const std::uint32_t i = pos_[id];
    const std::uint32_t old = heap_[i].key;
    heap_[i].key = key;
    if (key < old) {
      sift_up(i);
    } else {
      sift_down(i);
    }
  }

  Item pop() {
    const Item top = heap_.front();
    pos_[top.id] = kAbsent;
    const Item last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) {
      heap_[0] = last;
      pos_[last.id] = 0;
      sift_down(0);
    }
    return top;
  }

private:
  static constexpr std::uint32_t kAbsent = std::numeric_limits<std::uint32_t>::max();
  static constexpr std::uint32_t kArity = 4;

  void sift_up(std::uint32_t i) {
    const Item it = heap_[i];
    while (i > 0) {
      const std::uint32_t parent = (i - 1) / kArity;
      if (heap_[parent].key <= it.key) break;
      heap_[i] = heap_[parent];
      pos_[heap_[i].id] = i;
      i = parent;
    }
    heap_[i] = it;
    pos_[it.id] = i;
  }

  void sift_down(std::uint32_t i) {
    const Item it = heap_[i];
    const auto n = static_cast<std::uint32_t>(heap_.size());
    for (;;) {
      const std::uint32_t first = i * kArity + 1;
      if (first >= n) break;
      const std::uint32_t last = first + kArity < n ? first + kArity : n;
      std::uint32_t best = first;
      for (std::uint32_t c = first + 1; c < last; ++c) {
        if (heap_[c].key < heap_[best].key) best = c;
      }
      if (heap_[best].key >= it.key) break;
      heap_[i] = heap_[best];
      pos_[heap_[i].id] = i;
      i = best;
    }
    heap_[i] = it;
    pos_[it.id] = i;
  }

  std::vector<Item> heap_;
  std::vector<std::uint32_t> pos_;
};

} // namespace caravan::graph
