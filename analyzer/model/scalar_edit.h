// The edit that rewrites one YAML scalar in place (fixes as data, diag/fix.h): rules know the
// value they want ("orders-service"), this knows how the file spells it. The replacement keeps
// the scalar's style (plain, 'single' or "double" quoted) and quotes a plain value that YAML
// would otherwise read as something else (a number, a boolean, a map). When the bytes at the
// range are not a simple spelling of the old value (escapes, a block scalar, a value that a
// kustomize transformer wrote), there is no edit: a fix must never guess.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "analyzer/diag/fix.h"
#include "analyzer/model/model.h"

namespace netlint::model {

// The edit replacing the scalar `old_value` written at `range` of `file_text` by `new_value`.
std::optional<diag::Edit> scalar_edit(std::string_view file_text, SourceRange range, std::string_view old_value,
                                      std::string_view new_value);

// A one-edit fix for the scalar `old` (as the model read it), or nullopt when it cannot be edited
// exactly (see above) or would change nothing.
std::optional<diag::Fix> scalar_fix(const Model& model, const Text& old, std::string_view new_value,
                                    diag::Applicability applicability, std::string title);

// A one-edit fix for an integer written plainly in decimal (`8080`, not `"8080"` or `0x1F90`).
std::optional<diag::Fix> integer_fix(const Model& model, const Spanned<std::int64_t>& old, std::int64_t new_value,
                                     diag::Applicability applicability, std::string title);

// A one-edit fix replacing the bytes `old` (exactly as written at old.range) by `new_value`
// verbatim: for words of embedded formats (a Corefile plugin name), which have their own quoting.
std::optional<diag::Fix> verbatim_fix(const Model& model, const Text& old, std::string_view new_value,
                                      diag::Applicability applicability, std::string title);

// `new_value` as a YAML double-quoted scalar (escapes `"`, `\` and control characters).
std::string yaml_double_quoted(std::string_view value);
// Whether `value` can be written as a plain scalar and still be read back as that string.
bool plain_scalar_safe(std::string_view value);

}  // namespace netlint::model
