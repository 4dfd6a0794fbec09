// SPDX-License-Identifier: MIT
#include "csvtable.h"

#include "gdal/ogr.h"
#include "text/utf8.h"

#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <format>
#include <mutex>

namespace frontline {

struct CsvTable::Impl {
    std::string name;
    GDALDatasetH dataset = nullptr;
    OGRLayerH layer = nullptr;
    OGRFeatureH feature = nullptr;
    long lastLine = 1;
    std::uintmax_t bytes = 0;
    std::string error;
    ~Impl()
    {
        if (feature)
            OGR_F_Destroy(feature);
        if (dataset)
            GDALClose(dataset);
    }
};

CsvTable::CsvTable(std::unique_ptr<Impl> impl) : m_impl(std::move(impl))
{
}
CsvTable::CsvTable(CsvTable &&) noexcept = default;
CsvTable::~CsvTable() = default;

Result<CsvTable> CsvTable::open(const std::filesystem::path &path, const std::vector<std::string> &required)
{
    ogr::initialize();
    auto impl = std::make_unique<Impl>();
    impl->name = path.filename().string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return fail(std::format("{}: no such file", path.string()));
    impl->bytes = std::filesystem::file_size(path, ec);
    if (impl->bytes == 0)
        return fail(std::format("{}: the file is empty (a header line is required)", path.string()));
    const char *drivers[] = {"CSV", nullptr};
    const char *options[] = {"HEADERS=YES", "AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=NO", "GEOM_POSSIBLE_NAMES=", nullptr};
    CPLErrorReset();
    impl->dataset = GDALOpenEx(("CSV:" + path.string()).c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, options, nullptr);
    const std::string gdalMessage = CPLGetLastErrorMsg();
    if (!impl->dataset)
        return fail(std::format("{}: not a readable CSV file{}{}", path.string(), gdalMessage.empty() ? "" : ": ", gdalMessage));
    impl->layer = GDALDatasetGetLayer(impl->dataset, 0);
    CsvTable table(std::move(impl));
    for (const auto &column : required)
        if (!table.hasColumn(column))
            return fail(std::format("{}:1: missing column \"{}\"", path.string(), column));
    return table;
}

bool CsvTable::next()
{
    if (m_impl->feature) {
        m_impl->lastLine = OGR_F_GetFID(m_impl->feature) + 1;
        OGR_F_Destroy(m_impl->feature);
    }
    CPLErrorReset();
    m_impl->feature = OGR_L_GetNextFeature(m_impl->layer);
    if (!m_impl->feature && CPLGetLastErrorType() >= CE_Failure)
        m_impl->error =
            std::format("{}:{}: cannot read the next record: {}", m_impl->name, m_impl->lastLine + 1, CPLGetLastErrorMsg());
    if (!m_impl->feature)
        return false;
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(m_impl->layer);
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
        if (OGR_F_IsFieldSetAndNotNull(m_impl->feature, i) && !isValidUtf8(OGR_F_GetFieldAsString(m_impl->feature, i))) {
            m_impl->error = std::format("{}: column \"{}\" is not valid UTF-8 (save the file as UTF-8)", where(),
                OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
            OGR_F_Destroy(m_impl->feature);
            m_impl->feature = nullptr;
            return false;
        }
    }
    return true;
}

const std::string &CsvTable::error() const
{
    return m_impl->error;
}

bool CsvTable::hasColumn(const std::string &column) const
{
    return OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(m_impl->layer), column.c_str()) >= 0;
}

std::string CsvTable::operator[](const std::string &column) const
{
    const int index = OGR_F_GetFieldIndex(m_impl->feature, column.c_str());
    if (index < 0 || !OGR_F_IsFieldSetAndNotNull(m_impl->feature, index))
        return {};
    return OGR_F_GetFieldAsString(m_impl->feature, index);
}

const std::string &CsvTable::name() const
{
    return m_impl->name;
}

std::uintmax_t CsvTable::bytes() const
{
    return m_impl->bytes;
}

std::string CsvTable::where() const
{
    return std::format("{}:{}", m_impl->name, m_impl->feature ? OGR_F_GetFID(m_impl->feature) + 1 : 1);
}

} // namespace frontline
