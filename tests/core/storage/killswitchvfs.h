// SPDX-License-Identifier: MIT
#pragma once
// A SQLite VFS over the default one that counts the operations that change files on disk (write, truncate,
// sync, delete) and kills the process with SIGKILL just before a chosen one: a crash at a point the test picks,
// the same on a fast machine as on a slow one. SQLite's own crash tests work the same way.

#include <sqlite3.h>

#include <atomic>
#include <csignal>
#include <cstdint>

namespace frontline::test {

class KillSwitchVfs {
public:
    //! Registers the VFS as the default for every connection opened from now on in this process.
    static void install()
    {
        static const bool installed = [] {
            sqlite3_vfs *real = sqlite3_vfs_find(nullptr);
            static sqlite3_vfs vfs = *real;
            vfs.zName = "frontline-kill-switch";
            vfs.pAppData = real;
            vfs.szOsFile = int(sizeof(File)) + real->szOsFile;
            vfs.xOpen = &open;
            vfs.xDelete = &remove;
            return sqlite3_vfs_register(&vfs, 1) == SQLITE_OK;
        }();
        (void)installed;
    }
    //! Counting starts again from zero; the process is killed just before operation `number` (1-based), or never for 0.
    static void arm(std::uint64_t number)
    {
        s_count = 0;
        s_killAt = number;
    }
    //! The operations that changed files since the last arm().
    static std::uint64_t operations() { return s_count; }

private:
    struct File {
        sqlite3_file base;
        sqlite3_file *real; // lies right after this struct, in the memory SQLite gives for szOsFile
    };

    static void step()
    {
        if (++s_count == s_killAt)
            ::raise(SIGKILL);
    }
    static sqlite3_vfs *real(sqlite3_vfs *vfs) { return static_cast<sqlite3_vfs *>(vfs->pAppData); }
    static sqlite3_file *real(sqlite3_file *file) { return reinterpret_cast<File *>(file)->real; }

    static int open(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
    {
        auto *f = reinterpret_cast<File *>(file);
        f->real = reinterpret_cast<sqlite3_file *>(f + 1);
        const int rc = real(vfs)->xOpen(real(vfs), name, f->real, flags, outFlags);
        f->base.pMethods = f->real->pMethods ? &s_methods : nullptr;
        return rc;
    }
    static int remove(sqlite3_vfs *vfs, const char *name, int syncDir)
    {
        step();
        return real(vfs)->xDelete(real(vfs), name, syncDir);
    }

    static constexpr sqlite3_io_methods s_methods = {
        3,
        [](sqlite3_file *f) { return real(f)->pMethods->xClose(real(f)); },
        [](sqlite3_file *f, void *data, int n, sqlite3_int64 at) { return real(f)->pMethods->xRead(real(f), data, n, at); },
        [](sqlite3_file *f, const void *data, int n, sqlite3_int64 at) {
            step();
            return real(f)->pMethods->xWrite(real(f), data, n, at);
        },
        [](sqlite3_file *f, sqlite3_int64 size) {
            step();
            return real(f)->pMethods->xTruncate(real(f), size);
        },
        [](sqlite3_file *f, int flags) {
            step();
            return real(f)->pMethods->xSync(real(f), flags);
        },
        [](sqlite3_file *f, sqlite3_int64 *size) { return real(f)->pMethods->xFileSize(real(f), size); },
        [](sqlite3_file *f, int lock) { return real(f)->pMethods->xLock(real(f), lock); },
        [](sqlite3_file *f, int lock) { return real(f)->pMethods->xUnlock(real(f), lock); },
        [](sqlite3_file *f, int *out) { return real(f)->pMethods->xCheckReservedLock(real(f), out); },
        [](sqlite3_file *f, int op, void *arg) { return real(f)->pMethods->xFileControl(real(f), op, arg); },
        [](sqlite3_file *f) { return real(f)->pMethods->xSectorSize(real(f)); },
        [](sqlite3_file *f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); },
        [](sqlite3_file *f, int page, int size, int extend, void volatile **out) {
            return real(f)->pMethods->xShmMap(real(f), page, size, extend, out);
        },
        [](sqlite3_file *f, int offset, int n, int flags) { return real(f)->pMethods->xShmLock(real(f), offset, n, flags); },
        [](sqlite3_file *f) { real(f)->pMethods->xShmBarrier(real(f)); },
        [](sqlite3_file *f, int remove) { return real(f)->pMethods->xShmUnmap(real(f), remove); },
        [](sqlite3_file *f, sqlite3_int64 at, int n, void **out) { return real(f)->pMethods->xFetch(real(f), at, n, out); },
        [](sqlite3_file *f, sqlite3_int64 at, void *page) { return real(f)->pMethods->xUnfetch(real(f), at, page); },
    };

    static inline std::atomic<std::uint64_t> s_count = 0;
    static inline std::atomic<std::uint64_t> s_killAt = 0;
};

} // namespace frontline::test
