// SPDX-License-Identifier: MIT
#include "import/snapshotdates.h"

#include <charconv>
#include <cmath>
#include <ctime>

namespace frontline::importing {

namespace {
std::optional<Date> dateOf(int year, int month, int day)
{
    const std::chrono::year_month_day ymd{
        std::chrono::year{year}, std::chrono::month(unsigned(month)), std::chrono::day(unsigned(day))};
    return ymd.ok() ? std::optional(Date(std::chrono::sys_days(ymd))) : std::nullopt;
}

std::optional<Date> fromMilliseconds(double ms)
{
    if (!std::isfinite(ms) || std::abs(ms) > 1e15)
        return std::nullopt;
    return Date::fromDayNumber(int(std::floor(ms / 86'400'000.0)));
}
} // namespace

std::optional<Date> dateInName(std::string_view name, const std::string &pattern)
{
    const std::string text(name);
    for (std::size_t start = 0; start < text.size(); ++start) {
        std::tm tm{};
        if (!strptime(text.c_str() + start, pattern.c_str(), &tm))
            continue;
        if (pattern.find("%s") != std::string::npos) { // glibc reads %s into local time: back to UTC
            const std::time_t seconds = std::mktime(&tm);
            gmtime_r(&seconds, &tm);
        }
        return dateOf(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    }
    return std::nullopt;
}

std::optional<Date> dateOfField(OGRFeatureH feature, int field)
{
    if (field < 0 || !OGR_F_IsFieldSetAndNotNull(feature, field))
        return std::nullopt;
    switch (OGR_Fld_GetType(OGR_F_GetFieldDefnRef(feature, field))) {
    case OFTDate:
    case OFTDateTime: {
        int year = 0, month = 0, day = 0, hour = 0, minute = 0, tz = 0;
        float second = 0;
        if (!OGR_F_GetFieldAsDateTimeEx(feature, field, &year, &month, &day, &hour, &minute, &second, &tz))
            return std::nullopt;
        return dateOf(year, month, day);
    }
    case OFTInteger:
    case OFTInteger64:
    case OFTReal: return fromMilliseconds(OGR_F_GetFieldAsDouble(feature, field));
    default: {
        const std::string_view text = OGR_F_GetFieldAsString(feature, field);
        if (text.size() >= 10)
            if (auto date = Date::parse(text.substr(0, 10)))
                return date;
        double ms = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), ms);
        return error == std::errc() && end == text.data() + text.size() ? fromMilliseconds(ms) : std::nullopt;
    }
    }
}

} // namespace frontline::importing
