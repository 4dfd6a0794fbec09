// SPDX-License-Identifier: MIT
// Readers (the viewer) keep reading consistent states while an import writes the same file.
#include "core/testdb.h"
#include "import/datasetimporter.h"
#include "import/tableimport.h"
#include "query/controlqueries.h"

#include <atomic>
#include <fstream>
#include <thread>

using namespace frontline;
using frontline::test::TempDir;

TEST(Concurrency, ReadersNeverSeeLocksOrHalfImportsWhileAnImportRuns)
{
    TempDir dir;
    {
        auto db = Database::open(dir / "a.db", Database::Mode::Create);
        ASSERT_TRUE(db);
        ASSERT_TRUE(importDataset(*db, test::kBundledDataset));
    }
    const int batches = 4, rows = 5000;
    std::atomic<bool> done = false;
    std::atomic<int> reads = 0;
    std::vector<std::string> errors;
    std::thread reader([&] {
        while (!done) {
            auto db = Database::open(dir / "a.db", Database::Mode::ReadOnly);
            if (!db) {
                errors.push_back(db.error().message);
                ++reads;
                continue;
            }
            auto count = db->prepare("SELECT count(*) FROM changes WHERE id LIKE 'w%'");
            count.step();
            if (count.integer(0) % rows != 0) // each batch is all or nothing
                errors.push_back("saw " + std::to_string(count.integer(0)) + " rows of a batch");
            auto state = ControlQueries(*db).stateAt(Date(2016, 12, 1));
            if (!state)
                errors.push_back(state.error().message);
            ++reads;
        }
    });
    for (int batch = 0; batch < batches; ++batch) {
        // The reader has tried at least once between two batches, however slow or busy the machine.
        for (const int seen = reads; reads == seen && batch > 0;)
            std::this_thread::yield();
        const auto csv = dir / ("batch" + std::to_string(batch) + ".csv");
        {
            std::ofstream out(csv);
            out << "id,date,district_id,state,factions,confidence\n";
            for (int i = 0; i < rows; ++i)
                out << "w" << batch << '-' << i << ",2016-12-0" << 1 + i % 9 << ",65,held,government,low\n";
        }
        auto db = Database::open(dir / "a.db", Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        auto result = importTable(*db, Table::Changes, csv);
        ASSERT_TRUE(result) << result.error().message;
    }
    done = true;
    reader.join();
    EXPECT_TRUE(errors.empty()) << errors.front();
    EXPECT_GT(reads.load(), 0);
}
