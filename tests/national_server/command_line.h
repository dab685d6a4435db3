#pragma once
// The command line of national-server-sim:
//   national-server-sim [--db PATH] [--keys DIR] [--data DIR] [--kiosk ID=KEY[,SITE]]... [...]
//       serve until SIGTERM, SIGINT or POST /admin/shutdown; the first stdout line is the ports, as JSON
//   national-server-sim keygen --out DIR
//   national-server-sim import FILE --db PATH --keys DIR [--kiosk ID=KEY[,SITE]]...
// Exit codes: 0 done, 1 failed (a JSON error on stdout), 2 misused.

namespace kiosk::sim {

int runCommandLine(int argc, char** argv);

}  // namespace kiosk::sim
