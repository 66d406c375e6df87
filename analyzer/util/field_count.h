// An aggregate's number of fields, counted as brace initialisation accepts them (one value that
// converts to anything per field). Code that must list every field of a type (the on-disk
// cache's codec, a cache key) static_asserts the count, so a new field cannot be forgotten.
#pragma once

#include <cstddef>

namespace netlint::util {

namespace field_count_detail {
struct AnyField {
  template <class T>
  operator T() const;  // declared only: used in unevaluated brace initialisation
};
}  // namespace field_count_detail

template <class T, class... Fields>
consteval std::size_t field_count() {
  if constexpr (requires { T{Fields{}..., field_count_detail::AnyField{}}; })
    return field_count<T, Fields..., field_count_detail::AnyField>();
  else
    return sizeof...(Fields);
}

}  // namespace netlint::util
