// SPDX-License-Identifier: MIT
#include "export/qgisstyle.h"

#include "gdal/ogr.h"

#include <format>

namespace frontline::exporting {

namespace {
std::string rgba(const std::string &hex, int alpha)
{
    const auto channel = [&](int i) { return std::stoi(hex.substr(1 + 2 * std::size_t(i), 2), nullptr, 16); };
    return std::format("{},{},{},{}", channel(0), channel(1), channel(2), alpha);
}

std::string fillSymbol(int index, const std::string &fill, const std::string &outline, double outlineWidth)
{
    return std::format(
        R"(<symbol type="fill" name="{}" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleFill" enabled="1" locked="0" pass="0"><Option type="Map"><Option name="color" value="{}" type="QString"/><Option name="outline_color" value="{}" type="QString"/><Option name="outline_width" value="{}" type="QString"/><Option name="outline_width_unit" value="MM" type="QString"/><Option name="style" value="solid" type="QString"/></Option></layer></symbol>)",
        index, fill, outline, outlineWidth);
}

std::string escape(const std::string &text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string styleQml(const std::map<std::string, std::pair<std::string, std::string>> &factions)
{
    std::string categories, symbols;
    int index = 0;
    for (const auto &[id, info] : factions) {
        categories +=
            std::format(R"(<category value="{}" symbol="{}" label="{}" render="true"/>)", escape(id), index, escape(info.first));
        symbols += fillSymbol(index++, rgba(info.second, 200), "255,255,255,255", 0.2);
    }
    categories += std::format(R"(<category value="contested" symbol="{}" label="Contested" render="true"/>)", index);
    symbols += fillSymbol(index, "160,160,160,110", "40,40,40,255", 0.8);
    // Temporal mode 2: separate start and end fields; limit mode 0: the start included, the end (the next change's
    // day) excluded, so a district shows once on the day it changes hands.
    return std::format(
        R"(<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'><qgis version="3.34.0" styleCategories="Symbology|Temporal">)"
        R"(<temporal enabled="1" mode="2" startField="start" endField="end" accumulate="0" limitMode="0" durationField="" durationUnit="d" startExpression="" endExpression="" fixedDuration="0"><fixedRange><start></start><end></end></fixedRange></temporal>)"
        R"(<renderer-v2 type="categorizedSymbol" attr="CASE WHEN &quot;state&quot; = 'contested' THEN 'contested' ELSE &quot;holders&quot; END" symbollevels="0" enableorderby="0" forceraster="0" referencescale="-1">)"
        R"(<categories>{}</categories><symbols>{}</symbols></renderer-v2></qgis>)",
        categories, symbols);
}
} // namespace

void writeQgisStyle(
    GDALDatasetH dataset, const std::string &layer, const std::map<std::string, std::pair<std::string, std::string>> &factions)
{
    OGRLayerH styles = GDALDatasetCreateLayer(dataset, "layer_styles", nullptr, wkbNone, nullptr);
    if (!styles
        || !ogr::addFields(styles,
            {{"f_table_catalog", OFTString}, {"f_table_schema", OFTString}, {"f_table_name", OFTString},
                {"f_geometry_column", OFTString}, {"styleName", OFTString}, {"styleQML", OFTString}, {"styleSLD", OFTString},
                {"useAsDefault", OFTInteger}, {"description", OFTString}, {"owner", OFTString}, {"ui", OFTString},
                {"update_time", OFTDateTime}}))
        throw std::runtime_error("cannot create the layer_styles table: " + ogr::lastError());
    ogr::Feature f(OGR_F_Create(OGR_L_GetLayerDefn(styles)));
    const auto set = [&](const char *field, const std::string &value) {
        OGR_F_SetFieldString(f.get(), OGR_F_GetFieldIndex(f.get(), field), value.c_str());
    };
    set("f_table_catalog", "");
    set("f_table_schema", "");
    set("f_table_name", layer);
    set("f_geometry_column", "geom");
    set("styleName", "Frontline control");
    set("styleQML", styleQml(factions));
    set("styleSLD", "");
    OGR_F_SetFieldInteger(f.get(), OGR_F_GetFieldIndex(f.get(), "useAsDefault"), 1);
    set("description", "Colours districts by holder; the Temporal Controller replays the start/end intervals.");
    set("owner", "");
    set("ui", "");
    if (OGR_L_CreateFeature(styles, f.get()) != OGRERR_NONE)
        throw std::runtime_error("cannot write the QGIS style: " + ogr::lastError());
}

} // namespace frontline::exporting
