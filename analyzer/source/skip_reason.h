// Why a file or document was not analyzed (counted in the summary, never a finding). Decided by
// the walker (unreadable, too large, negative fixtures) and by the loader (templates, kustomize,
// not Kubernetes); model::LoadStats counts them. model::skip_reason_name names them.
#pragma once

#include <cstdint>

namespace netlint {

enum class SkipReason : std::uint8_t {
  kNotKubernetes,       // YAML without apiVersion/kind, or broken YAML that does not look like a manifest
  kKustomize,           // kustomization files and kustomize/kpt config objects
  kHelmChart,           // Chart.yaml, values.yaml
  kTemplate,            // Go/Helm templates
  kBinary,              // a file with NUL bytes
  kTooLarge,            // above --max-file-size
  kUnreadable,          // could not be read (permissions)
  kNotRegularFile,      // a FIFO, socket or device found by a walk (never opened: it could block)
  kSymlinkOutsideRoot,  // a walk found a symlink to a file outside the walked folder
  kBrokenSymlink,       // a symlink loop or a dangling symlink
  // A test input written to fail (`invalid.yaml`, `bad-policy.yaml`, `bad_netpols/`): RULES.md
  // "Negative fixtures"; the run-level note `negative-fixtures` counts them.
  kNegativeFixture,
  // A document that does not parse on a line holding an angle-bracket placeholder (`<editme>`):
  // a fill-in template, not a broken manifest (RULES.md "API defaulting and placeholders").
  kFillInTemplate,
  // A file beside a kustomization that no build reads (RULES.md "Kustomize", Inert files): the
  // run-level note `inert-files` counts them.
  kInert,
  kCount
};

}  // namespace netlint
