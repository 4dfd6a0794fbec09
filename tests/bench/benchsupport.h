// SPDX-License-Identifier: MIT
// What the benchmark programs share: the database under test and per-operation percentiles.
#pragma once

#include "storage/database.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace frontline::bench {

//! The database given with --db (removed from argv before Google Benchmark sees it).
inline std::filesystem::path &databasePath()
{
    static std::filesystem::path path;
    return path;
}

inline bool takeDatabaseArgument(int &argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]).starts_with("--db=")) {
            databasePath() = std::string(argv[i]).substr(5);
            std::copy(argv + i + 1, argv + argc, argv + i);
            --argc;
            return true;
        }
    }
    return false;
}

inline Database openDatabase()
{
    auto db = Database::open(databasePath(), Database::Mode::ReadOnly);
    if (!db)
        throw std::runtime_error(db.error().message);
    return std::move(*db);
}

//! Times each operation; Google Benchmark reports means, the targets are medians, so these add p50/p99/max.
class Timings {
public:
    template <typename F>
    void time(F &&operation)
    {
        const auto start = std::chrono::steady_clock::now();
        operation();
        m_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    void report(benchmark::State &state)
    {
        if (m_ms.empty())
            return;
        std::ranges::sort(m_ms);
        auto at = [&](double q) { return m_ms[std::min(m_ms.size() - 1, std::size_t(q * double(m_ms.size())))]; };
        state.counters["p50_ms"] = at(0.5);
        state.counters["p99_ms"] = at(0.99);
        state.counters["max_ms"] = m_ms.back();
    }

private:
    std::vector<double> m_ms;
};

//! The process's peak resident memory since the last resetPeakMemory(), in MB (Linux).
inline void resetPeakMemory()
{
    std::ofstream("/proc/self/clear_refs") << "5";
}
inline double peakMemoryMb()
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.starts_with("VmHWM:"))
            return std::stod(line.substr(6)) / 1024;
    return 0;
}

} // namespace frontline::bench
