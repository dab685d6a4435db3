#include "kiosk/app/kiosk_log.h"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <deque>
#include <memory>
#include <mutex>
#include <string>

namespace kiosk::app::log {
namespace {

constexpr std::size_t kFileBytes = 5u * 1024 * 1024;
constexpr std::size_t kFiles = 5;

std::mutex& lock() {
    static std::mutex m;
    return m;
}

std::shared_ptr<spdlog::logger>& current() {
    static std::shared_ptr<spdlog::logger> logger;
    return logger;
}

std::shared_ptr<spdlog::logger> standardError() {
    auto logger = std::make_shared<spdlog::logger>("kiosk", std::make_shared<spdlog::sinks::stderr_sink_mt>());
    logger->set_pattern("kiosk: %l %v");
    logger->flush_on(spdlog::level::info);
    return logger;
}

std::shared_ptr<spdlog::logger> logger() {
    std::lock_guard guard(lock());
    if (!current()) current() = standardError();
    return current();
}

std::deque<Logged>& kept() {
    static std::deque<Logged> problems;  // guarded by lock()
    return problems;
}

void keep(std::string_view code, std::string_view detail) {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    std::lock_guard guard(lock());
    auto& problems = kept();
    problems.push_front(Logged{now, std::string(code), std::string(detail)});
    if (problems.size() > kKeptProblems) problems.pop_back();
}

void write(spdlog::level::level_enum level, std::string_view code, std::string_view detail) {
    if (level >= spdlog::level::warn) keep(code, detail);
    const auto l = logger();
    if (detail.empty())
        l->log(level, "{}", code);
    else
        l->log(level, "{}: {}", code, detail);
}

}  // namespace

void toStandardError() {
    std::lock_guard guard(lock());
    current() = standardError();
}

bool toFile(const std::filesystem::path& file) {
    try {
        auto sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(file.string(), kFileBytes, kFiles);
        auto l = std::make_shared<spdlog::logger>("kiosk", std::move(sink));
        l->set_pattern("%Y-%m-%dT%H:%M:%S%z kiosk: %l %v");
        l->flush_on(spdlog::level::info);
        std::lock_guard guard(lock());
        current() = std::move(l);
        return true;
    } catch (const spdlog::spdlog_ex&) {
        return false;
    }
}

std::vector<Logged> recentProblems() {
    std::lock_guard guard(lock());
    return {kept().begin(), kept().end()};
}

void forgetProblems() {
    std::lock_guard guard(lock());
    kept().clear();
}

void info(std::string_view code, std::string_view detail) { write(spdlog::level::info, code, detail); }
void warn(std::string_view code, std::string_view detail) { write(spdlog::level::warn, code, detail); }
void error(std::string_view code, std::string_view detail) { write(spdlog::level::err, code, detail); }

}  // namespace kiosk::app::log
