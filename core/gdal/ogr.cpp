// SPDX-License-Identifier: MIT
#include "gdal/ogr.h"

#include <cpl_conv.h>
#include <cpl_error.h>

#include <format>
#include <mutex>

namespace frontline::ogr {

void initialize()
{
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

std::string lastError(const std::string &fallback)
{
    const std::string message = CPLGetLastErrorMsg();
    return message.empty() ? fallback : message;
}

Result<Dataset> openVector(const std::filesystem::path &path, const std::vector<std::string> &openOptions)
{
    initialize();
    std::error_code ec;
    // Only files on disk: this also rules out GDAL's virtual network file systems.
    if (!std::filesystem::exists(path, ec))
        return fail(std::format("{}: no such file", path.string()));
    if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) == 0)
        return fail(std::format("{}: the file is empty", path.string()));
    std::vector<const char *> options;
    options.reserve(openOptions.size() + 1);
    for (const auto &o : openOptions)
        options.push_back(o.c_str());
    options.push_back(nullptr);
    CPLErrorReset();
    // A GeoPackage or SQLite file from an unknown hand: GDAL's own connection gets the settings of ours
    // (storage/untrusted.h) that pragmas can give; it is read-only, so its triggers never fire.
    CPLSetThreadLocalConfigOption("OGR_SQLITE_PRAGMA", "trusted_schema=OFF,cell_size_check=ON,mmap_size=0");
    Dataset d(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options.data(), nullptr));
    CPLSetThreadLocalConfigOption("OGR_SQLITE_PRAGMA", nullptr);
    if (!d)
        return fail(std::format("{}: not a vector file GDAL can read ({})", path.string(), lastError("unrecognized format")));
    if (GDALDatasetGetLayerCount(d.get()) == 0)
        return fail(std::format("{}: the file has no vector layer", path.string()));
    return d;
}

Result<Dataset> createVector(const std::filesystem::path &path, const char *driverName)
{
    initialize();
    GDALDriverH driver = GDALGetDriverByName(driverName);
    if (!driver)
        return fail(std::format("this GDAL has no {} driver", driverName));
    std::error_code ec;
    std::filesystem::remove(path, ec);
    CPLErrorReset();
    Dataset d(GDALCreate(driver, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!d)
        return fail(std::format("{}: cannot create: {}", path.string(), lastError()));
    return d;
}

OGRSpatialReferenceH wgs84()
{
    static OGRSpatialReferenceH srs = [] {
        OGRSpatialReferenceH s = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(s, 4326);
        OSRSetAxisMappingStrategy(s, OAMS_TRADITIONAL_GIS_ORDER);
        return s;
    }();
    return srs;
}

bool addFields(OGRLayerH layer, const std::vector<std::pair<std::string, OGRFieldType>> &fields)
{
    for (const auto &[name, type] : fields) {
        OGRFieldDefnH field = OGR_Fld_Create(name.c_str(), type);
        const OGRErr err = OGR_L_CreateField(layer, field, TRUE);
        OGR_Fld_Destroy(field);
        if (err != OGRERR_NONE)
            return false;
    }
    return true;
}

} // namespace frontline::ogr
