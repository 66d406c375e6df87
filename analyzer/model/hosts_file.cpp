#include "analyzer/model/hosts_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "analyzer/util/cidr.h"

namespace netlint::model {

bool looks_like_ip(std::string_view token) {
  if (token.find(':') != std::string_view::npos) token = token.substr(0, token.find('%'));  // an IPv6 zone
  return parse_ip(token).has_value();
}

void read_hosts_file(const EmbeddedText& text, Settings& out) {
  const std::string_view body = text.text();
  std::size_t entry = 0;
  for (std::size_t line_begin = 0; line_begin < body.size();) {
    std::size_t line_end = body.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = body.size();
    std::string_view line = body.substr(line_begin, line_end - line_begin);
    line = line.substr(0, line.find('#'));
    struct Field {
      std::string_view text;
      std::size_t at;
    };
    std::vector<Field> fields;
    for (std::size_t i = 0; i < line.size();) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
      const std::size_t start = i;
      while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
      if (i > start) fields.push_back({line.substr(start, i - start), line_begin + start});
    }
    if (fields.size() >= 2 && looks_like_ip(fields[0].text)) {
      auto add = [&](std::string path, const Field& f) {
        const auto begin = static_cast<std::uint32_t>(f.at);
        const SourceRange range = text.map(begin, begin + static_cast<std::uint32_t>(f.text.size()));
        out.entries.push_back(Setting{std::move(path), Text{std::string(f.text), range}, range, false});
      };
      add(fmt::format("hosts[{}].address", entry), fields[0]);
      for (std::size_t j = 1; j < fields.size(); ++j) add(fmt::format("hosts[{}].names[{}]", entry, j - 1), fields[j]);
      ++entry;
    }
    line_begin = line_end + 1;
  }
}

}  // namespace netlint::model
