#include "kiosk/base/thread_priority.h"

#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>

namespace kiosk {

// On Linux a thread id given to setpriority() names that thread alone (its own scheduling entity),
// not the whole process.
bool lowerThisThreadsPriority(int nice) {
    const auto self = static_cast<id_t>(::gettid());
    return ::setpriority(PRIO_PROCESS, self, nice) == 0;
}

int thisThreadsNice() {
    errno = 0;
    return ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
}

}  // namespace kiosk
