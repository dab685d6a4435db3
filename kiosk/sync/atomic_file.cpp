#include "kiosk/sync/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

namespace kiosk::sync {

namespace {

Error ioError(std::string_view what, const std::filesystem::path& file, int err) {
    return Error{"sync.file_io", std::string(what) + " " + file.string() + ": " + std::strerror(err)};
}

// Removes the temporary file unless it was renamed into place.
struct TempFile {
    std::string path;
    int fd = -1;
    bool kept = false;
    ~TempFile() {
        if (fd >= 0) ::close(fd);
        if (!kept && !path.empty()) ::unlink(path.c_str());
    }
};

}  // namespace

Result<void> writeFileAtomically(const std::filesystem::path& file, std::string_view bytes, Replace replace) {
    const auto folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    if (replace == Replace::Refused && ::access(file.c_str(), F_OK) == 0)
        return Error{"sync.file_exists", file.string() + " already exists; it was left as it is"};
    TempFile temp;
    temp.path = (folder / ("." + file.filename().string() + ".tmp-XXXXXX")).string();
    temp.fd = ::mkostemp(temp.path.data(), O_CLOEXEC);
    if (temp.fd < 0) {
        const int err = errno;
        temp.path.clear();
        return ioError("cannot create a temporary file in", folder, err);
    }
    ::fchmod(temp.fd, 0600);
    const char* data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(temp.fd, data, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return ioError("cannot write", temp.path, n < 0 ? errno : EIO);
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(temp.fd) != 0) return ioError("cannot flush", temp.path, errno);
    if (::close(temp.fd) != 0) {
        temp.fd = -1;
        return ioError("cannot close", temp.path, errno);
    }
    temp.fd = -1;
    if (replace == Replace::Refused && ::access(file.c_str(), F_OK) == 0)
        return Error{"sync.file_exists", file.string() + " already exists; it was left as it is"};
    if (::rename(temp.path.c_str(), file.c_str()) != 0) return ioError("cannot rename into place", file, errno);
    temp.kept = true;
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        const int synced = ::fsync(dir);
        const int err = errno;
        ::close(dir);
        // Some file systems (vfat on a USB stick) cannot flush a folder; the file itself is flushed.
        if (synced != 0 && err != EINVAL && err != ENOTSUP) return ioError("cannot flush folder", folder, err);
    }
    return {};
}

Result<std::string> readWholeFile(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec) && !ec) return Error{"sync.file_missing", file.string() + " does not exist"};
    std::ifstream in(file, std::ios::binary);
    if (!in) return ioError("cannot open", file, errno != 0 ? errno : EIO);
    std::ostringstream out;
    out << in.rdbuf();
    if (in.bad()) return ioError("cannot read", file, EIO);
    return out.str();
}

}  // namespace kiosk::sync
