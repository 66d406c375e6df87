#include "analyzer/diag/did_you_mean.h"

#include <algorithm>
#include <cctype>

namespace netlint::diag {

int osa_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  // Three rolling rows: the transposition step looks two rows back.
  std::vector<int> two_back(m + 1), previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], two_back[j - 2] + 1);
      }
    }
    std::swap(two_back, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

std::string normalise_name(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::string segment;
  auto flush = [&] {
    if (segment.size() > 1 && segment.back() == 's') segment.pop_back();
    out += segment;
    segment.clear();
  };
  for (char c : s) {
    if (c == '-' || c == '_' || c == '.') {
      flush();
    } else {
      segment.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  flush();
  return out;
}

bool differ_only_in_digits(std::string_view a, std::string_view b) {
  if (a == b) return false;
  auto strip = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      if (!std::isdigit(static_cast<unsigned char>(c))) out.push_back(c);
    }
    return out;
  };
  return strip(a) == strip(b);
}

std::optional<int> near_miss_score(std::string_view written, std::string_view candidate,
                                   std::span<const KnownConfusion> confusions) {
  if (written == candidate) return std::nullopt;
  for (const KnownConfusion& c : confusions) {
    if (c.written == written && c.meant == candidate) return 0;
  }
  if (differ_only_in_digits(written, candidate)) return std::nullopt;
  if (normalise_name(written) == normalise_name(candidate)) return 0;
  const std::size_t shorter = std::min(written.size(), candidate.size());
  const int limit = shorter <= 5 ? 1 : 2;
  // The distance is at least the difference in length: skip the matrix when that is too much.
  const std::size_t longer = std::max(written.size(), candidate.size());
  if (longer - shorter > static_cast<std::size_t>(limit)) return std::nullopt;
  const int d = osa_distance(written, candidate);
  if (d <= limit) return d;
  return std::nullopt;
}

std::vector<std::string> best_near_misses(std::string_view written, std::span<const std::string> candidates,
                                          std::span<const KnownConfusion> confusions) {
  std::vector<std::string> best;
  int best_score = 0;
  for (const std::string& candidate : candidates) {
    const auto score = near_miss_score(written, candidate, confusions);
    if (!score) continue;
    if (best.empty() || *score < best_score) {
      best.assign(1, candidate);
      best_score = *score;
    } else if (*score == best_score) {
      best.push_back(candidate);
    }
  }
  std::sort(best.begin(), best.end());
  best.erase(std::unique(best.begin(), best.end()), best.end());
  return best;
}

std::string join_alternatives(std::span<const std::string> items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? " or " : ", ";
    out += items[i];
  }
  return out;
}

}  // namespace netlint::diag
