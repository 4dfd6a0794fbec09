// SPDX-License-Identifier: MIT
#include "import/datasetimporter.h"

#include "import/importsupport.h"
#include "import/tableimport.h"

#include <fstream>
#include <optional>
#include <ranges>
#include <sstream>

namespace frontline {

Result<Manifest> parseManifest(std::string_view text, const std::string &fileName)
{
    Manifest manifest;
    int line = 0;
    for (const auto &raw : std::views::split(text, '\n')) {
        ++line;
        const std::string content = importing::trim(std::string_view(raw));
        if (content.empty() || content.starts_with('#'))
            continue;
        const auto eq = content.find('=');
        if (eq == std::string::npos || importing::trim(content.substr(0, eq)).empty())
            return fail(std::format("{}:{}: expected \"key = value\"", fileName, line));
        std::string key = importing::trim(content.substr(0, eq));
        if (key == "licence") // the command line takes both spellings; so does the manifest
            key = "license";
        manifest.values[key] = importing::trim(content.substr(eq + 1));
    }
    if (manifest.value("format") != "frontline-dataset-1")
        return fail(std::format("{}: \"format = frontline-dataset-1\" is missing or names another version", fileName));
    for (const char *key : {"start", "end"})
        if (!manifest.value(key).empty() && !Date::parse(manifest.value(key)))
            return fail(std::format("{}: {} = \"{}\" is not a YYYY-MM-DD date", fileName, key, manifest.value(key)));
    return manifest;
}

Result<ImportSummary> importDataset(const Database &db, const std::filesystem::path &folder)
{
    using namespace importing;
    // The manifest and the changes' header first: a bulk load writes the file as it begins.
    const auto path = folder / "manifest.ini";
    std::ifstream in(path);
    if (!in)
        return fail(std::format("{}: no manifest.ini (is this a Frontline dataset folder?)", folder.string()));
    std::stringstream text;
    text << in.rdbuf();
    auto manifest = parseManifest(text.str(), path.string());
    if (!manifest)
        return std::unexpected(manifest.error());
    const auto inBulk = loadsInBulkChecked(db, folder / "changes.csv");
    if (!inBulk)
        return std::unexpected(inBulk.error());
    std::optional<BulkLoad> bulk;
    if (*inBulk)
        bulk.emplace(db);
    return inTransaction(db, [&](ImportSummary &summary) {
        for (auto [table, file] :
            {std::pair{Table::Factions, "factions.csv"}, {Table::Districts, "districts.csv"}, {Table::Sources, "sources.csv"},
                {Table::Excerpts, "excerpts.csv"}, {Table::Changes, "changes.csv"}, {Table::Evidence, "evidence.csv"}})
            importTableIn(db, table, folder / file, summary);
        for (auto [table, file] :
            {std::pair{Table::Incidents, "incidents.csv"}, {Table::IncidentEvidence, "incident_evidence.csv"},
                {Table::ClaimAreas, "claim_areas.csv"}, {Table::ShareClaims, "share_claims.csv"}})
            if (std::filesystem::exists(folder / file)) // optional
                importTableIn(db, table, folder / file, summary);
        auto meta = db.prepare("INSERT OR REPLACE INTO metadata (key, value) VALUES (?, ?)");
        for (const auto &[key, value] : manifest->values)
            meta.bindAll(key, value).run();
    });
}

Result<ImportSummary> describeDataset(const Database &db, const std::map<std::string, std::string> &values)
{
    return importing::inTransaction(db, [&](ImportSummary &summary) {
        auto meta = db.prepare("INSERT OR REPLACE INTO metadata (key, value) VALUES (?, ?)");
        for (const auto &[key, value] : values)
            meta.bindAll(key, value).run();
        summary.added["description entries"] = int(values.size());
    });
}

} // namespace frontline
