#pragma once
// kioskctl run as an operator runs it: a separate process, its arguments and stdin, one JSON object
// on stdout and an exit code.

#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace kiosk::test {

struct KioskctlRun {
    int exitCode = -1;
    std::string out;
    nlohmann::json json() const { return nlohmann::json::parse(out); }
};

inline std::string shellQuote(const std::string& arg) {
    std::string q = "'";
    for (const char c : arg) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

inline KioskctlRun runKioskctl(const std::vector<std::string>& args) {
    std::string command = shellQuote(KIOSKCTL_PATH);
    for (const auto& a : args) command += " " + shellQuote(a);
    command += " </dev/null 2>/dev/null";
    KioskctlRun run;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return run;
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
    const int status = ::pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

}  // namespace kiosk::test
