#pragma once
// I/O error injection for store tests: a wrapping sqlite3_vfs that fails the Nth xWrite or xSync.
// Open a Store with OpenOptions::vfs = kFaultVfsName after registerFaultVfs(), arm faultPlan, and
// every write and sync through it counts towards the planned failure.

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace kiosk::test {

// The fault plan; only the test thread touches it.
struct FaultPlan {
    bool armed = false;
    bool sticky = false;  // fail every write and sync from the Nth on (the disk went away)
    int failAt = 0;
    int calls = 0;
    bool fired = false;
};
inline FaultPlan faultPlan;

inline bool injectFault() {
    auto& plan = faultPlan;
    if (!plan.armed) return false;
    ++plan.calls;
    if (plan.calls == plan.failAt || (plan.sticky && plan.calls > plan.failAt)) {
        plan.fired = true;
        return true;
    }
    return false;
}

// A file of the fault VFS: our methods in front, the real file right behind it in the same block.
struct FaultFile {
    sqlite3_file base;
    sqlite3_file* real;
};

inline sqlite3_file* real(sqlite3_file* f) { return reinterpret_cast<FaultFile*>(f)->real; }

inline int faultClose(sqlite3_file* f) { return real(f)->pMethods->xClose(real(f)); }
inline int faultRead(sqlite3_file* f, void* p, int n, sqlite3_int64 at) {
    return real(f)->pMethods->xRead(real(f), p, n, at);
}
inline int faultWrite(sqlite3_file* f, const void* p, int n, sqlite3_int64 at) {
    if (injectFault()) return SQLITE_IOERR_WRITE;
    return real(f)->pMethods->xWrite(real(f), p, n, at);
}
inline int faultTruncate(sqlite3_file* f, sqlite3_int64 size) { return real(f)->pMethods->xTruncate(real(f), size); }
inline int faultSync(sqlite3_file* f, int flags) {
    if (injectFault()) return SQLITE_IOERR_FSYNC;
    return real(f)->pMethods->xSync(real(f), flags);
}
inline int faultFileSize(sqlite3_file* f, sqlite3_int64* size) { return real(f)->pMethods->xFileSize(real(f), size); }
inline int faultLock(sqlite3_file* f, int level) { return real(f)->pMethods->xLock(real(f), level); }
inline int faultUnlock(sqlite3_file* f, int level) { return real(f)->pMethods->xUnlock(real(f), level); }
inline int faultCheckReservedLock(sqlite3_file* f, int* out) {
    return real(f)->pMethods->xCheckReservedLock(real(f), out);
}
inline int faultFileControl(sqlite3_file* f, int op, void* arg) {
    return real(f)->pMethods->xFileControl(real(f), op, arg);
}
inline int faultSectorSize(sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); }
inline int faultDeviceCharacteristics(sqlite3_file* f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); }
inline int faultShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
    return real(f)->pMethods->xShmMap(real(f), region, size, extend, out);
}
inline int faultShmLock(sqlite3_file* f, int offset, int n, int flags) {
    return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
inline void faultShmBarrier(sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); }
inline int faultShmUnmap(sqlite3_file* f, int deleteFlag) { return real(f)->pMethods->xShmUnmap(real(f), deleteFlag); }
inline int faultFetch(sqlite3_file* f, sqlite3_int64 at, int n, void** out) {
    return real(f)->pMethods->xFetch(real(f), at, n, out);
}
inline int faultUnfetch(sqlite3_file* f, sqlite3_int64 at, void* p) {
    return real(f)->pMethods->xUnfetch(real(f), at, p);
}

inline const sqlite3_io_methods kFaultMethods = {
    3,
    faultClose,
    faultRead,
    faultWrite,
    faultTruncate,
    faultSync,
    faultFileSize,
    faultLock,
    faultUnlock,
    faultCheckReservedLock,
    faultFileControl,
    faultSectorSize,
    faultDeviceCharacteristics,
    faultShmMap,
    faultShmLock,
    faultShmBarrier,
    faultShmUnmap,
    faultFetch,
    faultUnfetch,
};

inline sqlite3_vfs* realVfs = nullptr;
inline sqlite3_vfs faultVfs;

inline int faultOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags) {
    auto* f = reinterpret_cast<FaultFile*>(file);
    f->real = reinterpret_cast<sqlite3_file*>(f + 1);
    f->real->pMethods = nullptr;
    const int rc = realVfs->xOpen(realVfs, name, f->real, flags, outFlags);
    // SQLite calls xClose whenever pMethods is set, even after a failed open: mirror the real file.
    file->pMethods = f->real->pMethods ? &kFaultMethods : nullptr;
    return rc;
}

inline constexpr const char* kFaultVfsName = "loket-fault";

inline void registerFaultVfs() {
    if (realVfs) return;
    realVfs = sqlite3_vfs_find(nullptr);
    ASSERT_NE(realVfs, nullptr);
    ASSERT_GE(realVfs->iVersion, 2);
    faultVfs = *realVfs;
    faultVfs.pNext = nullptr;
    faultVfs.zName = kFaultVfsName;
    faultVfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + realVfs->szOsFile;
    faultVfs.xOpen = faultOpen;
    ASSERT_EQ(sqlite3_vfs_register(&faultVfs, 0), SQLITE_OK);
}

}  // namespace kiosk::test
