#pragma once
// The composition root: reads the command line, finds the assets, picks how to show the screens
// and runs the kiosk. Returns the process exit code: 0 done, 1 could not run, 2 wrong usage.

namespace kiosk::app {

int runKiosk(int argc, const char* const* argv);

}  // namespace kiosk::app
