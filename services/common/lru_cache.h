#ifndef COREBALANCE_SERVICES_COMMON_LRU_CACHE_H_
#define COREBALANCE_SERVICES_COMMON_LRU_CACHE_H_

// A map of at most `capacity` entries that forgets the least recently used
// one to make room: the bound on every cache whose keys callers choose.
// Not thread-safe: the owner locks.

#include <cstddef>
#include <list>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"

namespace corebalance {

template <typename K, typename V>
class LruCache {
 public:
  explicit LruCache(size_t capacity) : capacity_(capacity < 1 ? 1 : capacity) {}

  // The value, now the most recently used; nullopt when absent.
  std::optional<V> Get(const K& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    order_.splice(order_.begin(), order_, it->second);
    return it->second->second;
  }
  // A pointer to the value to change in place (most recently used now), or
  // null when absent.
  V* Find(const K& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second);
    return &it->second->second;
  }
  void Put(const K& key, V value) {
    if (V* existing = Find(key)) {
      *existing = std::move(value);
      return;
    }
    if (index_.size() >= capacity_) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
    order_.emplace_front(key, std::move(value));
    index_[key] = order_.begin();
  }
  void Erase(const K& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return;
    order_.erase(it->second);
    index_.erase(it);
  }
  size_t size() const { return index_.size(); }
  size_t capacity() const { return capacity_; }

 private:
  using Order = std::list<std::pair<K, V>>;
  const size_t capacity_;
  Order order_;  // most recently used first
  absl::flat_hash_map<K, typename Order::iterator> index_;
};

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_LRU_CACHE_H_
