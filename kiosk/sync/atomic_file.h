#pragma once
// Writing a file so that a reader, a crash or a pulled USB stick sees either the old file or the
// whole new one: a temporary file in the same folder, written, flushed, renamed over the target,
// and the folder flushed.

#include <filesystem>
#include <string_view>

#include "kiosk/base/result.h"

namespace kiosk::sync {

enum class Replace { Allowed, Refused };

// The file gets mode 0600 (before the umask) where the file system keeps modes. With
// Replace::Refused an existing target is an error ("sync.file_exists") and is left untouched.
Result<void> writeFileAtomically(const std::filesystem::path& file, std::string_view bytes,
                                 Replace replace = Replace::Allowed);

// The whole file, or an Error naming it. "sync.file_missing" when it does not exist.
Result<std::string> readWholeFile(const std::filesystem::path& file);

}  // namespace kiosk::sync
