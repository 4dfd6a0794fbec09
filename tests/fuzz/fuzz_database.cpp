// SPDX-License-Identifier: MIT
// Whole .frontline files, mutated, opened and queried as the viewer and the command line do: the day's state, a
// district's history, search, the front line, the day cursor. Never crash, never hang, never write to the input.
#include "fuzzfile.h"
#include "query/controlcursor.h"
#include "query/controlqueries.h"
#include "storage/database.h"

#include <cstdlib>
#include <cstring>

namespace {
void query(const frontline::Database &db)
{
    const frontline::ControlQueries queries(db);
    if (auto span = queries.span()) {
        (void)queries.stateAt(span->first);
        (void)queries.stateAt(span->last);
        (void)queries.frontLine(span->last);
        (void)queries.incidentsOn(span->first);
        try {
            if (auto cursor = frontline::ControlCursor::open(db, span->first.dayNumber())) {
                (void)cursor->step(3);
                (void)cursor->seek(span->last.dayNumber());
                (void)cursor->step(-2);
            }
        } catch (const frontline::SqlError &) { // NOLINT(bugprone-empty-catch): the viewer reports it as an unreadable history
        }
    }
    if (auto districts = queries.districts(true); districts && !districts->empty())
        (void)queries.history(districts->front().id);
    (void)queries.search("a*");
    (void)queries.changeDays();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto path = fuzzFile(data, size, "input.frontline");
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
    if (auto db = frontline::Database::open(path, frontline::Database::Mode::ReadOnly))
        query(*db);
    (void)frontline::Database::inspect(path);
    std::ifstream in(path, std::ios::binary);
    const std::string now{std::istreambuf_iterator<char>(in), {}};
    if (now.size() != size || std::memcmp(now.data(), data, size) != 0)
        std::abort(); // reading wrote to the file
    return 0;
}
