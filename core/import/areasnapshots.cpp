// SPDX-License-Identifier: MIT
#include "import/areasnapshots.h"

#include "import/importsupport.h"
#include "import/snapshotdates.h"
#include "import/vectorlayer.h"

#include <algorithm>
#include <format>

namespace frontline::importing {

namespace {
namespace fs = std::filesystem;

bool isVectorFile(const fs::path &path)
{
    const std::string ext = path.extension().string();
    if ((ext == ".dbf" || ext == ".shx") && fs::exists(fs::path(path).replace_extension(".shp")))
        return false; // a shapefile's parts
    return GDALIdentifyDriverEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr) != nullptr;
}

struct ArchiveFile {
    fs::path path;
    bool named; //!< named on its own, not found in a folder
};

//! The files named, and every vector file in the folders named (sorted, subfolders too) but `database`.
std::vector<ArchiveFile> archiveFiles(const std::vector<fs::path> &paths, const fs::path &database)
{
    ogr::initialize();
    std::vector<ArchiveFile> files;
    for (const auto &path : paths) {
        std::error_code ec;
        if (!fs::is_directory(path, ec)) {
            files.push_back({path, true});
            continue;
        }
        std::vector<fs::path> inside;
        for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
            it.increment(ec))
            if (it->is_regular_file(ec) && !fs::equivalent(it->path(), database, ec) && isVectorFile(it->path()))
                inside.push_back(it->path());
        if (ec)
            throw ImportError(std::format("{}: cannot list the folder: {}", path.string(), ec.message()));
        if (inside.empty())
            throw ImportError(path.string() + ": no vector files in this folder");
        std::ranges::sort(inside);
        for (auto &p : inside)
            files.push_back({std::move(p), false});
    }
    if (files.empty())
        throw ImportError("no files to import");
    return files;
}

//! Reads a vector file's polygons into the snapshots of their dates; counts what has no polygons.
void readFile(const ArchiveFile &in, const AreaArchive &archive, const geos::Context &ctx,
    std::map<Date, AreaSnapshot> &snapshots, ImportSummary &summary)
{
    const fs::path &file = in.path;
    VectorLayer layer(file, {}, archive.layer);
    if (!in.named && OGR_L_GetGeomType(layer.layer()) == wkbNone) { // a table beside the snapshots
        ++summary.skipped["files without geometry"];
        return;
    }
    if (!archive.where.empty())
        layer.filter(archive.where);
    std::optional<Date> fileDate = archive.date;
    if (!archive.dateFromName.empty())
        fileDate = dateInName(file.filename().string(), archive.dateFromName);
    if (!archive.dateFromName.empty() && !fileDate)
        throw ImportError(std::format("{}: no date in its name matching \"{}\"", file.string(), archive.dateFromName));
    const int dateField = archive.dateField.empty()
        ? -1
        : OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(layer.layer()), layer.field(archive.dateField, {}, "date").c_str());
    const std::string name = file.filename().string();
    long index = 0;
    while (ogr::Feature f = layer.next()) {
        const std::string where = featureWhere(layer.file(), ++index);
        geos::Geometry g = layer.geometryOrNull(ctx, f.get(), where);
        if (!g) {
            ++summary.skipped["features without geometry"];
            continue;
        }
        const std::string type = GEOSGeomType_r(ctx.handle(), g.get());
        auto parts = polygonsIn(ctx, std::move(g), where, summary);
        if (parts.empty()) {
            ++summary.skipped[type + " features"];
            continue;
        }
        std::optional<Date> date = dateField >= 0 ? dateOfField(f.get(), dateField) : fileDate;
        if (!date)
            throw ImportError(std::format("{}: no date in field \"{}\" (\"{}\"; expected a date, a date-time or epoch "
                                          "milliseconds)",
                where, archive.dateField, attribute(f.get(), archive.dateField)));
        AreaSnapshot &s = snapshots[*date];
        if (std::ranges::find(s.files, name) == s.files.end())
            s.files.push_back(name);
        std::ranges::move(parts, std::back_inserter(s.parts));
    }
    if (index == 0 && fileDate)
        summary.remarks.push_back(
            std::format("{}: no features{}; its day is left out", name, archive.where.empty() ? "" : " match --where"));
}
} // namespace

std::map<Date, AreaSnapshot> readSnapshots(
    const AreaArchive &archive, const geos::Context &ctx, const fs::path &database, ImportSummary &summary)
{
    const auto files = archiveFiles(archive.paths, database);
    std::map<Date, AreaSnapshot> snapshots;
    for (std::size_t i = 0; i < files.size(); ++i) {
        readFile(files[i], archive, ctx, snapshots, summary);
        if (archive.progress)
            archive.progress("reading", i + 1, files.size());
    }
    return snapshots;
}

geos::Geometry unionOf(const geos::Context &ctx, std::vector<geos::Geometry> parts, const std::string &what)
{
    std::vector<GEOSGeometry *> raw;
    raw.reserve(parts.size());
    for (auto &p : parts)
        raw.push_back(p.release());
    geos::Geometry all =
        geos::own(ctx, GEOSGeom_createCollection_r(ctx.handle(), GEOS_GEOMETRYCOLLECTION, raw.data(), unsigned(raw.size())));
    geos::Geometry merged = geos::own(ctx, GEOSUnaryUnion_r(ctx.handle(), all.get()));
    if (!merged)
        throw ImportError(std::format("{}: cannot union its polygons: {}", what, ctx.lastError()));
    return merged;
}

} // namespace frontline::importing
