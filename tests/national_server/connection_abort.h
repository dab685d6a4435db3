#pragma once
// Drops the connection a request came on with a TCP reset and no reply, for the reset faults.
//
// cpp-httplib 0.11 hands a handler the Request, not its socket: the TLS connection's SSL object
// (Request::ssl) leads to the descriptor, a plain one only through its address pair (local and
// remote port). Closing that descriptor behind the library's back would let it close a reused
// number later, so the socket is set to linger 0 (close sends RST) and an unconnected socket is
// dup2'd over the same number: the connection is reset at once, and the library's next write fails
// on the stand-in, which it then closes as its own.

#include <httplib.h>

namespace kiosk::sim {

// false when the connection's socket could not be found (then nothing was changed).
bool abortConnection(const httplib::Request& request);

}  // namespace kiosk::sim
