// national-server-sim: the national server of docs/api.md on loopback, for the kiosk's tests and
// the demo. Everything lives in national_server_sim_lib; see command_line.h for the usage.

#include "tests/national_server/command_line.h"

int main(int argc, char** argv) { return kiosk::sim::runCommandLine(argc, argv); }
