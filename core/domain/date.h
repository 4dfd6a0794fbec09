// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace frontline {

//! A calendar day (proleptic Gregorian), the unit of the timeline.
class Date {
public:
    constexpr Date() = default;
    constexpr explicit Date(std::chrono::sys_days day) : m_day(day) { }
    constexpr Date(int year, unsigned month, unsigned day)
        : m_day(std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day})
    {
    }

    //! Parses strict ISO `YYYY-MM-DD`; rejects impossible days such as 2016-02-30.
    [[nodiscard]] static std::optional<Date> parse(std::string_view text);
    [[nodiscard]] std::string toString() const;

    //! Days since 1970-01-01, as the database stores them.
    [[nodiscard]] static constexpr Date fromDayNumber(int n) { return Date(std::chrono::sys_days{std::chrono::days{n}}); }
    [[nodiscard]] constexpr int dayNumber() const { return int(m_day.time_since_epoch().count()); }
    [[nodiscard]] constexpr std::chrono::sys_days days() const { return m_day; }
    [[nodiscard]] constexpr Date addDays(int n) const { return Date(m_day + std::chrono::days{n}); }
    [[nodiscard]] constexpr int daysTo(Date other) const { return (other.m_day - m_day).count(); }

    constexpr auto operator<=>(const Date &) const = default;

private:
    std::chrono::sys_days m_day{};
};

} // namespace frontline
