// Writes a file so that readers never see a half-written one: the content goes to a temporary
// file beside the target, which is then renamed over it (rename is atomic within a filesystem).
// A symlink is followed: its target is replaced and the link stays. A device or FIFO is written
// through directly (no rename, which would replace the device node).
#pragma once

#include <string>
#include <string_view>

namespace netlint {

// Returns an empty string on success, else what went wrong.
std::string write_file_atomically(const std::string& path, std::string_view content);

}  // namespace netlint
