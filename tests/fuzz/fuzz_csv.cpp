// SPDX-License-Identifier: MIT
// CSV reading through GDAL with our checks (required columns, UTF-8, line numbers): never crash.
#include "fuzzfile.h"
#include "import/csvtable.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    auto table = frontline::CsvTable::open(fuzzFile(data, size, "input.csv"), {"id"});
    if (!table)
        return 0;
    while (table->next()) {
        for (const char *column : {"id", "name", "date", "text"})
            (void)(*table)[column];
        (void)table->where();
    }
    return 0;
}
