#include "analyzer/model/scalar_edit.h"

#include <fmt/format.h>

#include "analyzer/model/field_checks.h"

namespace netlint::model {

std::string yaml_double_quoted(std::string_view value) {
  std::string out = "\"";
  for (const char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\x{:02x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

bool plain_scalar_safe(std::string_view value) {
  if (value.empty() || value.front() == ' ' || value.back() == ' ') return false;
  // Indicators that start something else, and characters that end a plain scalar in flow
  // context or start a comment: refuse them all rather than reason about the context.
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(value.front()) != std::string_view::npos) return false;
  for (const char c : value) {
    if (static_cast<unsigned char>(c) < 0x20 || c == ',' || c == '[' || c == ']' || c == '{' || c == '}') return false;
  }
  if (value.find(": ") != std::string_view::npos || value.find(" #") != std::string_view::npos || value.back() == ':') {
    return false;
  }
  return resolve_plain(value).type == YamlType::kString;
}

namespace {

std::string single_quoted(std::string_view value) {
  std::string out = "'";
  for (const char c : value) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

bool simple_in_quotes(std::string_view value, char quote) {
  for (const char c : value) {
    if (c == quote || c == '\\' || c == '\n' || static_cast<unsigned char>(c) < 0x20) return false;
  }
  return true;
}

}  // namespace

std::optional<diag::Edit> scalar_edit(std::string_view file_text, SourceRange range, std::string_view old_value,
                                      std::string_view new_value) {
  if (!range.valid() || range.end < range.begin || range.end > file_text.size()) return std::nullopt;
  const std::string_view written = file_text.substr(range.begin, range.end - range.begin);
  const char before = range.begin > 0 ? file_text[range.begin - 1] : '\0';
  const char after = range.end < file_text.size() ? file_text[range.end] : '\0';
  if (written == old_value && !old_value.empty()) {
    // The range holds the bare text; it may still sit between quotes.
    if ((before == '"' || before == '\'') && after == before) {
      if (!simple_in_quotes(old_value, before)) return std::nullopt;
      if (before == '\'') {
        const std::string quoted = single_quoted(new_value);
        return diag::Edit{range, quoted.substr(1, quoted.size() - 2)};
      }
      const std::string quoted = yaml_double_quoted(new_value);
      return diag::Edit{range, quoted.substr(1, quoted.size() - 2)};
    }
    return diag::Edit{range, plain_scalar_safe(new_value) ? std::string(new_value) : yaml_double_quoted(new_value)};
  }
  if (written.size() >= 2 && written.front() == written.back() && (written.front() == '"' || written.front() == '\'')) {
    const char quote = written.front();
    if (written.substr(1, written.size() - 2) != old_value || !simple_in_quotes(old_value, quote)) return std::nullopt;
    return diag::Edit{range, quote == '"' ? yaml_double_quoted(new_value) : single_quoted(new_value)};
  }
  return std::nullopt;
}

std::optional<diag::Fix> scalar_fix(const Model& model, const Text& old, std::string_view new_value,
                                    diag::Applicability applicability, std::string title) {
  if (!old.range.valid() || old.value == new_value || old.range.file >= model.files.size()) return std::nullopt;
  std::optional<diag::Edit> edit = scalar_edit(model.file(old.range.file).text, old.range, old.value, new_value);
  if (!edit) return std::nullopt;
  diag::Fix fix;
  fix.title = std::move(title);
  fix.applicability = applicability;
  fix.edits.push_back(std::move(*edit));
  return fix;
}

std::optional<diag::Fix> verbatim_fix(const Model& model, const Text& old, std::string_view new_value,
                                      diag::Applicability applicability, std::string title) {
  const SourceRange range = old.range;
  if (!range.valid() || old.value == new_value || old.value.empty() || range.file >= model.files.size())
    return std::nullopt;
  const std::string_view text = model.file(range.file).text;
  if (range.end < range.begin || range.end > text.size()) return std::nullopt;
  if (text.substr(range.begin, range.end - range.begin) != old.value) return std::nullopt;
  diag::Fix fix;
  fix.title = std::move(title);
  fix.applicability = applicability;
  fix.edits.push_back(diag::Edit{range, std::string(new_value)});
  return fix;
}

std::optional<diag::Fix> integer_fix(const Model& model, const Spanned<std::int64_t>& old, std::int64_t new_value,
                                     diag::Applicability applicability, std::string title) {
  return verbatim_fix(model, Text{std::to_string(old.value), old.range}, std::to_string(new_value), applicability,
                      std::move(title));
}

}  // namespace netlint::model
