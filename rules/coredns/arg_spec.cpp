#include "rules/coredns/arg_spec.h"

#include <fmt/format.h>

#include <cstdint>

#include "analyzer/util/cidr.h"
#include "analyzer/util/go_values.h"

namespace netlint::rules::coredns {
namespace {

enum class Type { kInt, kDuration, kPercent, kIp, kCidr, kAny, kEnum };

struct Element {
  Type type = Type::kAny;
  std::string_view name;  // as written in the spec ("INT", "a|b")
  std::vector<std::string_view> choices;
  std::optional<double> low, high;  // range (ms for durations)
  std::string_view low_text, high_text;
  bool optional = false;
  bool repeat = false;
};

// CoreDNS reads integer arguments with strconv.Atoi ("+5" included).
std::optional<std::int64_t> parse_int(std::string_view text) {
  return go_atoi(text);
}

std::optional<double> parse_percent(std::string_view text) {
  if (text.size() < 2 || text.back() != '%') return std::nullopt;
  const auto v = parse_int(text.substr(0, text.size() - 1));
  if (!v) return std::nullopt;
  return static_cast<double>(*v);
}

std::optional<double> value_of(const Element& e, std::string_view text) {
  switch (e.type) {
    case Type::kInt:
      if (auto v = parse_int(text)) return static_cast<double>(*v);
      return std::nullopt;
    case Type::kDuration:
      return parse_duration_ms(text);
    case Type::kPercent:
      return parse_percent(text);
    default:
      return std::nullopt;
  }
}

std::vector<Element> parse_spec(std::string_view spec) {
  std::vector<Element> out;
  while (!spec.empty()) {
    const std::size_t space = spec.find(' ');
    std::string_view word = spec.substr(0, space);
    spec = space == std::string_view::npos ? std::string_view{} : spec.substr(space + 1);
    if (word.empty()) continue;
    Element e;
    if (word.front() == '[' && word.back() == ']') {
      e.optional = true;
      word = word.substr(1, word.size() - 2);
    }
    if (word.ends_with("...")) {
      e.repeat = true;
      word.remove_suffix(3);
    }
    if (const std::size_t paren = word.find('('); paren != std::string_view::npos && word.back() == ')') {
      const std::string_view range = word.substr(paren + 1, word.size() - paren - 2);
      const std::size_t dots = range.find("..");
      e.low_text = range.substr(0, dots);
      e.high_text = dots == std::string_view::npos ? std::string_view{} : range.substr(dots + 2);
      word = word.substr(0, paren);
    }
    e.name = word;
    if (word == "INT")
      e.type = Type::kInt;
    else if (word == "DURATION")
      e.type = Type::kDuration;
    else if (word == "PERCENT")
      e.type = Type::kPercent;
    else if (word == "IP")
      e.type = Type::kIp;
    else if (word == "CIDR")
      e.type = Type::kCidr;
    else if (word == "STRING" || word == "ZONE" || word == "ADDR" || word == "FILE" || word == "URL")
      e.type = Type::kAny;
    else {
      e.type = Type::kEnum;
      std::string_view rest = word;
      while (!rest.empty()) {
        const std::size_t bar = rest.find('|');
        e.choices.push_back(rest.substr(0, bar));
        rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
      }
    }
    // Bounds are written without the `%` of a percentage.
    const auto bound = [&e](std::string_view text) -> std::optional<double> {
      if (e.type != Type::kPercent) return value_of(e, text);
      if (auto v = parse_int(text)) return static_cast<double>(*v);
      return std::nullopt;
    };
    if (!e.low_text.empty()) e.low = bound(e.low_text);
    if (!e.high_text.empty()) e.high = bound(e.high_text);
    out.push_back(std::move(e));
  }
  return out;
}

const char* type_word(Type t) {
  switch (t) {
    case Type::kInt:
      return "an integer";
    case Type::kDuration:
      return "a duration (like 5s or 1m30s)";
    case Type::kPercent:
      return "a percentage (like 10%)";
    case Type::kIp:
      return "an IP address";
    case Type::kCidr:
      return "a CIDR";
    default:
      return "a value";
  }
}

bool fits_type(const Element& e, const corefile::Token& t) {
  if (t.env_placeholder || t.installer_placeholder) return true;
  switch (e.type) {
    case Type::kAny:
      return true;
    case Type::kEnum:
      for (std::string_view c : e.choices) {
        if (c == t.text) return true;
      }
      return false;
    case Type::kIp:
      return parse_cidr(t.text + (t.text.find(':') != std::string::npos ? "/128" : "/32")).has_value();
    case Type::kCidr:
      return parse_cidr(t.text).has_value();
    default:
      return value_of(e, t.text).has_value();
  }
}

std::optional<ArgProblem> check_value(const Element& e, const corefile::Token& t, std::size_t index) {
  if (t.env_placeholder || t.installer_placeholder || (!e.low && !e.high)) return std::nullopt;
  const auto v = value_of(e, t.text);
  if (!v) return std::nullopt;
  if ((e.low && *v < *e.low) || (e.high && *v > *e.high)) {
    std::string bound = !e.low    ? fmt::format("at most {}", e.high_text)
                        : !e.high ? fmt::format("at least {}", e.low_text)
                                  : fmt::format("in range [{}, {}]", e.low_text, e.high_text);
    return ArgProblem{index, fmt::format("'{}' must be {}", t.text, bound), {}};
  }
  return std::nullopt;
}

std::optional<ArgProblem> mismatch(const Element& e, const corefile::Token& t, std::size_t index) {
  if (e.type == Type::kEnum) {
    std::vector<std::string> choices(e.choices.begin(), e.choices.end());
    return ArgProblem{index, fmt::format("unknown value '{}' (expected {})", t.text, fmt::join(e.choices, ", ")),
                      std::move(choices)};
  }
  return ArgProblem{index, fmt::format("'{}' is not {}", t.text, type_word(e.type)), {}};
}

}  // namespace

std::optional<double> parse_duration_ms(std::string_view text) {
  // Go's time.ParseDuration, but a sign is never valid here (not even "+5s" or "-0").
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) return std::nullopt;
  const std::optional<std::int64_t> nanoseconds = go_parse_duration(text);
  if (!nanoseconds) return std::nullopt;
  return static_cast<double>(*nanoseconds) / 1e6;
}

std::optional<ArgProblem> check_args(std::string_view spec, std::span<const corefile::Token> args) {
  const std::vector<Element> elements = parse_spec(spec);
  std::size_t at = 0;
  const Element* skipped_enum = nullptr;  // the first optional word choice left out
  for (const Element& e : elements) {
    std::size_t taken = 0;
    while (at < args.size() && (e.repeat || taken == 0)) {
      if (!fits_type(e, args[at])) {
        if (taken == 0 && !e.optional) return mismatch(e, args[at], at);
        break;
      }
      if (auto p = check_value(e, args[at], at)) return p;
      ++at;
      ++taken;
    }
    if (taken == 0 && !e.optional)
      return ArgProblem{std::nullopt, "wrong argument count or unexpected line ending", {}};
    if (taken == 0 && e.type == Type::kEnum && skipped_enum == nullptr) skipped_enum = &e;
  }
  if (at < args.size()) {
    // A word that fits no element where a word choice was left out is a misspelt choice more
    // likely than an extra argument (`serve_stale 1h imediate`).
    if (skipped_enum != nullptr) return mismatch(*skipped_enum, args[at], at);
    return ArgProblem{at, fmt::format("wrong argument count: unexpected '{}'", args[at].text), {}};
  }
  return std::nullopt;
}

std::vector<std::string> sample_args(std::string_view spec) {
  std::vector<std::string> out;
  for (const Element& e : parse_spec(spec)) {
    switch (e.type) {
      case Type::kInt:
        out.push_back(e.low_text.empty() ? "30" : std::string(e.low_text));
        break;
      case Type::kDuration:
        out.push_back(e.low_text.empty() ? (e.high_text.empty() ? "5s" : "1s") : std::string(e.low_text));
        break;
      case Type::kPercent:
        out.push_back(e.low_text.empty() ? "10%" : fmt::format("{}%", e.low_text));
        break;
      case Type::kIp:
        out.push_back("10.0.0.1");
        break;
      case Type::kCidr:
        out.push_back("10.0.0.0/8");
        break;
      case Type::kEnum:
        out.push_back(std::string(e.choices.front()));
        break;
      case Type::kAny:
        out.push_back(e.name == "ZONE"   ? "example.org"
                      : e.name == "ADDR" ? ":8080"
                      : e.name == "URL"  ? "https://10.0.0.1:6443"
                      : e.name == "FILE" ? "/etc/file"
                                         : "value");
        break;
    }
  }
  return out;
}

}  // namespace netlint::rules::coredns
