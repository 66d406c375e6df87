// A Corefile the view holds: a standalone file, or a ConfigMap key (`Corefile`, `*.server`) of
// CoreDNS's or NodeLocal DNSCache's ConfigMap; or a fragment (`*.override`) of directives that
// a server block imports. The AST's offsets are into `text`; map them with
// text.map() to point into the user's file.
#pragma once

#include "analyzer/corefile/corefile.h"
#include "analyzer/model/embedded_text.h"
#include "analyzer/model/object_meta.h"

namespace netlint::model {

struct CorefileSource {
  ObjectMeta owner;  // the ConfigMap; empty kind for a standalone file
  Text key;          // the ConfigMap key; empty for a file
  EmbeddedText text;
  corefile::Corefile ast;
  bool fragment = false;  // `*.override`: one block of directives, no server keys

  std::string display() const {
    return owner.kind.value.empty() ? std::string("Corefile") : owner.display() + " key " + key.value;
  }
};

}  // namespace netlint::model
