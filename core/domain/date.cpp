// SPDX-License-Identifier: MIT
#include "domain/date.h"

#include <charconv>
#include <format>

namespace frontline {

namespace {
bool parseNumber(std::string_view text, int &out)
{
    if (text.find_first_not_of("0123456789") != std::string_view::npos) // from_chars would take a sign
        return false;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && end == text.data() + text.size();
}
} // namespace

std::optional<Date> Date::parse(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (!parseNumber(text.substr(0, 4), y) || !parseNumber(text.substr(5, 2), m) || !parseNumber(text.substr(8, 2), d))
        return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month(unsigned(m)), std::chrono::day(unsigned(d))};
    if (!ymd.ok())
        return std::nullopt;
    return Date(std::chrono::sys_days(ymd));
}

std::string Date::toString() const
{
    const std::chrono::year_month_day ymd(m_day);
    return std::format("{:04}-{:02}-{:02}", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
}

} // namespace frontline
