#ifndef COREBALANCE_CLIENTS_CLI_PAGING_H_
#define COREBALANCE_CLIENTS_CLI_PAGING_H_

// --limit / --page-token / --all for list commands: pages through the
// server's AIP-158 pages until the limit (or the end with --all).

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <string>

#include "clients/cli/connection.h"

namespace corebalance::cli {

struct Paging {
  int limit = 50;
  std::string page_token;
  bool all = false;
};

inline void AddPagingFlags(CLI::App* command, Paging& paging) {
  command->add_option("--limit", paging.limit, "Show at most N results")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command->add_option("--page-token", paging.page_token,
                      "Continue from a previous list's next page token");
  command->add_flag("--all", paging.all, "Page through all results");
}

// `fetch(context, page_size, page_token, &response)` calls the RPC; `items`
// returns a response's mutable repeated field. The returned response holds
// every item fetched and the token of the next page ("" at the end).
template <typename Response, typename Fetch, typename Items>
Response FetchPages(const Connection& connection, const Paging& paging,
                    Fetch fetch, Items items) {
  Response all;
  std::string token = paging.page_token;
  while (true) {
    const int have = items(&all)->size();
    const int size = paging.all ? 1000 : std::min(1000, paging.limit - have);
    Response page;
    connection.Call(true, [&](grpc::ClientContext* context) {
      return fetch(context, size, token, &page);
    });
    for (auto& item : *items(&page)) items(&all)->Add(std::move(item));
    token = page.next_page_token();
    if (token.empty() || (!paging.all && items(&all)->size() >= paging.limit)) {
      break;
    }
  }
  all.set_next_page_token(token);
  return all;
}

// After a table: tells how to get the next page.
inline void PrintMoreHint(const std::string& next_page_token) {
  if (next_page_token.empty()) return;
  std::cerr << "More results: repeat with --page-token " << next_page_token
            << " or --all\n";
}

}  // namespace corebalance::cli

#endif  // COREBALANCE_CLIENTS_CLI_PAGING_H_
