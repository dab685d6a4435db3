#pragma once
// kioskctl subcommands. Each prints one JSON object on stdout and returns the exit code:
// 0 the input is valid, 1 it is invalid, 2 the command was misused.

#include <CLI/CLI.hpp>

#include <functional>

namespace kiosk::ctl {

enum ExitCode : int { kValid = 0, kInvalid = 1, kUsage = 2 };

// Registers a subcommand on `app`; `run` is set to the code that executes it after parsing.
using Runner = std::function<int()>;
void addNikCommand(CLI::App& app, Runner& run);
void addMrzCommand(CLI::App& app, Runner& run);
void addQueueCommand(CLI::App& app, Runner& run);
void addReportCommand(CLI::App& app, Runner& run);
void addAuditCommand(CLI::App& app, Runner& run);
void addSyncCommand(CLI::App& app, Runner& run);
void addExportCommand(CLI::App& app, Runner& run);
void addDeviceKeyCommand(CLI::App& app, Runner& run);
void addEnrolCommand(CLI::App& app, Runner& run);
void addDevicesCommand(CLI::App& app, Runner& run);
void addPrintTestCommand(CLI::App& app, Runner& run);
void addDecodeCommand(CLI::App& app, Runner& run);
void addFaceCommand(CLI::App& app, Runner& run);
void addVerifyReceiptCommand(CLI::App& app, Runner& run);

}  // namespace kiosk::ctl
