// The bounded caches' building blocks: LruCache and RateLimiter.

#include "services/common/lru_cache.h"

#include <gtest/gtest.h>

#include <string>

#include "services/common/rate_limiter.h"

namespace corebalance {
namespace {

TEST(LruCache, NeverHoldsMoreThanItsCapacity) {
  LruCache<int, std::string> cache(3);
  for (int i = 0; i < 100; ++i) cache.Put(i, std::to_string(i));
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_EQ(cache.Get(99), "99");
  EXPECT_EQ(cache.Get(97), "97");
  EXPECT_FALSE(cache.Get(96).has_value());
}

TEST(LruCache, ForgetsTheLeastRecentlyUsedFirst) {
  LruCache<std::string, int> cache(2);
  cache.Put("a", 1);
  cache.Put("b", 2);
  ASSERT_EQ(cache.Get("a"), 1);  // "b" is now the least recently used
  cache.Put("c", 3);
  EXPECT_EQ(cache.Get("a"), 1);
  EXPECT_FALSE(cache.Get("b").has_value());
  EXPECT_EQ(cache.Get("c"), 3);
}

TEST(LruCache, PutReplacesAndEraseRemoves) {
  LruCache<std::string, int> cache(2);
  cache.Put("a", 1);
  cache.Put("a", 5);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.Get("a"), 5);
  cache.Erase("a");
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_FALSE(cache.Get("a").has_value());
}

TEST(RateLimiter, AllowsTheBurstThenTheRate) {
  RateLimiter limiter(/*rate=*/2, /*burst=*/3, /*max_keys=*/10);
  const absl::Time t0 = absl::FromUnixSeconds(1000);
  int allowed = 0;
  for (int i = 0; i < 10; ++i) allowed += limiter.Allow("x", t0);
  EXPECT_EQ(allowed, 3);
  // Half a second later: one more at 2 per second.
  EXPECT_TRUE(limiter.Allow("x", t0 + absl::Milliseconds(500)));
  EXPECT_FALSE(limiter.Allow("x", t0 + absl::Milliseconds(500)));
  // Another key has its own bucket.
  EXPECT_TRUE(limiter.Allow("y", t0));
}

TEST(RateLimiter, ASprayOfKeysStaysWithinItsBound) {
  RateLimiter limiter(1, 1, /*max_keys=*/4);
  const absl::Time t0 = absl::FromUnixSeconds(1000);
  ASSERT_TRUE(limiter.Allow("victim", t0));
  EXPECT_FALSE(limiter.Allow("victim", t0));
  // The spray pushes "victim" out; it comes back with a full bucket, which
  // is the price of the bound (never more than burst per key at once).
  for (int i = 0; i < 100; ++i) limiter.Allow(std::to_string(i), t0);
  EXPECT_TRUE(limiter.Allow("victim", t0));
}

}  // namespace
}  // namespace corebalance
