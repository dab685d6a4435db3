#pragma once
// Versioned schema: PRAGMA user_version counts the migration steps applied. Each step runs in its
// own transaction together with the version bump, so a crash leaves a whole step or none.

#include <cstdint>
#include <filesystem>

#include "kiosk/base/result.h"
#include "kiosk/store/database.h"

namespace kiosk::store {

// The schema version this build writes and understands.
std::int64_t codeSchemaVersion();

// Brings the database up to codeSchemaVersion(); refuses ("store.schema_newer") a database written
// by a newer build, touching nothing. Returns the version found before migrating.
Result<std::int64_t> migrate(Database& db);
// The same, stopping at `target` (at most codeSchemaVersion()): for tests of a step on a database
// as an older build left it.
Result<std::int64_t> migrateTo(Database& db, std::int64_t target);

// For readers that must not migrate (kioskctl): the database must be exactly at codeSchemaVersion().
Result<void> requireCurrentSchema(Database& db);

// Opens an existing database read-only (creating nothing, changing nothing) at the current schema.
Result<Database> openForReading(const std::filesystem::path& path);

}  // namespace kiosk::store
