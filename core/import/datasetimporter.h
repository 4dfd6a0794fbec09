// SPDX-License-Identifier: MIT
#pragma once

#include "error.h"
#include "import/importsummary.h"
#include "storage/database.h"

#include <filesystem>
#include <map>
#include <string>

namespace frontline {

//! A dataset folder's `manifest.ini`: `key = value` lines; lines starting with `#` are comments.
struct Manifest {
    std::map<std::string, std::string> values;
    [[nodiscard]] std::string value(const std::string &key) const
    {
        auto it = values.find(key);
        return it == values.end() ? std::string() : it->second;
    }
};
[[nodiscard]] Result<Manifest> parseManifest(std::string_view text, const std::string &fileName);

//! Imports a dataset folder (manifest.ini + CSV files, see docs/data-format.md) in one transaction:
//! on any error the database is left exactly as it was and the error names the file and line.
[[nodiscard]] Result<ImportSummary> importDataset(const Database &db, const std::filesystem::path &folder);

//! Sets entries of the dataset's description (`name`, `license`, `description`...), as a manifest would.
[[nodiscard]] Result<ImportSummary> describeDataset(const Database &db, const std::map<std::string, std::string> &values);

} // namespace frontline
