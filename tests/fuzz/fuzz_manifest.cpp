// SPDX-License-Identifier: MIT
// The dataset manifest parser: never crash; an accepted manifest always names the format.
#include "import/datasetimporter.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    auto manifest = frontline::parseManifest(std::string_view(reinterpret_cast<const char *>(data), size), "manifest.ini");
    if (manifest && manifest->value("format") != "frontline-dataset-1")
        std::abort();
    return 0;
}
