#pragma once
// Export bundles (docs/api.md §9): every unsent submission's envelope in one document signed by the
// kiosk, in a file for a USB stick when a centre has no network. Exporting marks nothing: the
// kiosk keeps sending until the server acknowledges each submission itself.

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/base/result.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/device_key.h"
#include "kiosk/sync/envelope.h"

namespace kiosk::sync {

struct ExportSummary {
    std::filesystem::path file;
    std::int64_t count = 0;
    // Submissions left out because they cannot be sent either (local corruption), with the reason.
    std::vector<Error> skipped;
};

// "loket-<kiosk_id>-<YYYYMMDDTHHMMSSZ>.lkb"; a second bundle of the same second on the same stick
// (`copy` 2, 3, ...) is "loket-<kiosk_id>-<YYYYMMDDTHHMMSSZ>-2.lkb".
std::string bundleFileName(std::string_view kioskId, Clock::TimePoint at, int copy = 1);

// The bundle's document bytes (before signing).
std::string bundleDocument(std::string_view kioskId, std::string_view siteId, Clock::TimePoint createdAt,
                           std::span<const Envelope> envelopes);

// Builds the envelopes of every pending, in-flight and sent submission, oldest first, signs the
// bundle with `deviceKey` and writes it atomically into `folder`, never over an existing file: a
// name taken already gets the next copy number (up to 9).
// Runs on the thread that owns `store`; reads only.
Result<ExportSummary> exportUnsent(store::Store& store, const EnvelopeBuilder& envelopes, const DeviceKey& deviceKey,
                                   std::string_view kioskId, std::string_view siteId, Clock::TimePoint now,
                                   const std::filesystem::path& folder);

}  // namespace kiosk::sync
