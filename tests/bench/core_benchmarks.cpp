// SPDX-License-Identifier: MIT
// The core at scale, on a database made by `frontline generate`: day steps against the plain SQL query,
// state from cold, the front line, and importing changes. Run by tests/bench/run.sh (`frontline.sh bench`).
#include "benchsupport.h"
#include "common/naivestate.h"
#include "import/csvtable.h"
#include "import/tableimport.h"
#include "query/controlcursor.h"
#include "query/frontlineindex.h"

#include <format>
#include <iostream>
#include <thread>
#include <unistd.h>

using namespace frontline;

namespace {
struct Span {
    int first = 0;
    int last = 0;
};

Span daySpan(const Database &db)
{
    auto s = db.prepare("SELECT (SELECT min(day) FROM changes), (SELECT max(day) FROM changes)");
    s.step();
    return {int(s.integer(0)), int(s.integer(1))};
}

//! Days spread over the span in a fixed, scattered order.
int dayNumber(const Span &span, std::size_t i)
{
    return span.first + int((i * 7919 + 13) % std::size_t(span.last - span.first + 1));
}

void naiveSqlState(benchmark::State &state)
{
    const Database db = bench::openDatabase();
    const Span span = daySpan(db);
    bench::Timings timings;
    std::size_t i = 0;
    for (auto _ : state)
        timings.time([&] { benchmark::DoNotOptimize(test::naiveStateAt(db, dayNumber(span, i++))); });
    timings.report(state);
}

void cursorStep(benchmark::State &state)
{
    const Database db = bench::openDatabase();
    const Span span = daySpan(db);
    ControlCursor cursor = ControlCursor::open(db, span.first).value();
    std::size_t changed = 0;
    int direction = 1;
    bench::Timings timings;
    for (auto _ : state) { // back and forth over the whole war, a day at a time
        if (cursor.day() >= span.last)
            direction = -1;
        else if (cursor.day() <= span.first)
            direction = 1;
        timings.time([&] { (void)cursor.step(direction); });
        changed += cursor.touched().size();
    }
    timings.report(state);
    state.counters["changes_per_step"] = double(changed) / double(state.iterations());
}

//! Playing the war forward at 60 days a second, as the viewer does: the next block of days is read in the
//! background between steps, so no step waits for the database.
void cursorPlay(benchmark::State &state)
{
    const Database db = bench::openDatabase();
    const Span span = daySpan(db);
    ControlCursor cursor = ControlCursor::open(db, span.first).value();
    bench::Timings timings;
    for (auto _ : state) {
        if (cursor.day() >= span.last)
            (void)cursor.seek(span.first);
        timings.time([&] { (void)cursor.step(1); });
        state.PauseTiming();
        std::this_thread::sleep_for(std::chrono::milliseconds(16)); // the rest of the frame
        state.ResumeTiming();
    }
    timings.report(state);
}

void stateFromCold(benchmark::State &state)
{
    const Span span = daySpan(bench::openDatabase());
    bench::Timings timings;
    std::size_t i = 0;
    for (auto _ : state)
        timings.time([&] { // a new connection each time: nothing cached but the operating system's file cache
            const Database db = bench::openDatabase();
            benchmark::DoNotOptimize(controlindex::stateAt(db, dayNumber(span, i++)).value());
        });
    timings.report(state);
}

void frontLine(benchmark::State &state)
{
    const Database db = bench::openDatabase();
    const Span span = daySpan(db);
    const auto loadStart = std::chrono::steady_clock::now();
    const FrontLineIndex index = FrontLineIndex::load(db).value();
    const double loadMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - loadStart).count();
    std::vector<ControlVector> days;
    days.reserve(16);
    for (std::size_t i = 0; i < 16; ++i)
        days.push_back(controlindex::stateAt(db, dayNumber(span, i)).value());
    bench::Timings timings;
    std::size_t i = 0, segments = 0;
    for (auto _ : state)
        timings.time([&] { segments += index.lines(days[i++ % days.size()]).size(); });
    timings.report(state);
    state.counters["segments"] = double(segments) / double(state.iterations());
    state.counters["index_load_ms"] = loadMs;
}

//! The database's changes as a changes.csv file (made once, kept beside the database).
std::filesystem::path changesCsv(const Database &db)
{
    auto path = bench::databasePath();
    path.replace_extension(".changes.csv");
    if (std::filesystem::exists(path))
        return path;
    const auto partial = path.string() + ".partial";
    {
        std::ofstream out(partial);
        out << "id,date,district_id,state,factions,confidence\n";
        auto rows = db.prepare("SELECT 'c' || num, day, district_id, state, factions, confidence FROM change_list ORDER BY num");
        while (rows.step())
            out << rows.text(0) << ',' << rows.text(1) << ',' << rows.text(2) << ',' << rows.text(3) << ',' << rows.text(4) << ','
                << rows.text(5) << '\n';
    }
    std::filesystem::rename(partial, path);
    return path;
}

//! Reading the same file without storing it: the part of an import that is parsing.
void readChangesCsv(benchmark::State &state)
{
    const auto csv = changesCsv(bench::openDatabase());
    std::int64_t rows = 0;
    for (auto _ : state) {
        auto table = CsvTable::open(csv, {});
        if (!table)
            throw std::runtime_error(table.error().message);
        rows = 0;
        while (table->next()) {
            benchmark::DoNotOptimize((*table)["district_id"]);
            ++rows;
        }
    }
    state.SetItemsProcessed(state.iterations() * rows);
}

void importChanges(benchmark::State &state)
{
    const auto csv = changesCsv(bench::openDatabase());
    const auto target = std::filesystem::temp_directory_path() / std::format("frontline-bench-import-{}.db", ::getpid());
    std::int64_t rows = 0;
    double peak = 0;
    for (auto _ : state) {
        state.PauseTiming(); // a database with the districts, factions and sources, but no changes
        for (const auto *suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(target.string() + suffix);
        auto db = Database::open(target, Database::Mode::Create);
        if (!db)
            throw std::runtime_error(db.error().message);
        db->exec(std::format("ATTACH '{}' AS source", bench::databasePath().string()).c_str());
        db->exec(
            "BEGIN; INSERT INTO factions SELECT * FROM source.factions; INSERT INTO districts SELECT * FROM source.districts; "
            "INSERT INTO sources SELECT * FROM source.sources; COMMIT; DETACH source");
        bench::resetPeakMemory();
        state.ResumeTiming();
        auto summary = importTable(*db, Table::Changes, csv);
        if (!summary)
            throw std::runtime_error(summary.error().message);
        rows = summary->count("changes");
        peak = std::max(peak, bench::peakMemoryMb());
    }
    for (const auto *suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(target.string() + suffix);
    state.SetItemsProcessed(state.iterations() * rows);
    state.counters["rows"] = double(rows);
    state.counters["peak_rss_mb"] = peak;
}
} // namespace

BENCHMARK(naiveSqlState)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(cursorStep)->Unit(benchmark::kMicrosecond)->MinTime(2);
BENCHMARK(cursorPlay)->Unit(benchmark::kMicrosecond)->Iterations(240);
BENCHMARK(stateFromCold)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(frontLine)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(readChangesCsv)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime(); // rows are parsed on a second thread
BENCHMARK(importChanges)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

int main(int argc, char **argv)
{
    if (!bench::takeDatabaseArgument(argc, argv)) {
        std::cerr << "usage: core_benchmarks --db=FILE [Google Benchmark options]\n"
                     "  FILE: a database made by 'frontline generate'\n";
        return 2;
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
