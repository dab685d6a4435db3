#pragma once
// The screen before the work behind it: a thread that may use a whole core (the camera's
// decoding) runs at a lower priority, so that on a machine with few cores the UI thread is never
// kept waiting for its frame. Linux: the nice value of the calling thread only.

namespace kiosk {

// The camera thread's nice value (DeviceThreads): its decoding may take most of a core (the MRZ
// reader about 60 ms a frame), and on a kiosk's two cores the UI thread must still draw every
// frame in time.
inline constexpr int kCameraThreadNice = 10;

// Raises the calling thread's nice value to `nice` (0 to 19; higher yields more); false when the
// system refused (the thread then keeps its priority, which is not an error worth stopping for).
bool lowerThisThreadsPriority(int nice);

// The calling thread's nice value.
int thisThreadsNice();

}  // namespace kiosk
