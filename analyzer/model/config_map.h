#pragma once

#include <vector>

#include "analyzer/model/object_meta.h"

namespace netlint::model {

struct ConfigMapEntry {
  Text key;
  Text value;                 // the scalar's text; its range is the whole token
  bool block_scalar = false;  // `|`/`>`: embedded texts map positions line by line
  bool binary = false;        // from binaryData
};

struct ConfigMap {
  ObjectMeta meta;
  std::vector<ConfigMapEntry> data;
};

struct Namespace {
  ObjectMeta meta;
};

}  // namespace netlint::model
