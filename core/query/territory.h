// SPDX-License-Identifier: MIT
#pragma once

#include "query/controlcursor.h"
#include "query/frontlineindex.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace frontline {

//! Who holds what on one day, kept up to date by stepping a ControlCursor: each district's control, the
//! districts and area per holder, which controls face each other, and the front line. Moving a day costs
//! that day's changes. Table `controls` is read once and shared by all of them. Holds a reference to the
//! database, which must outlive it.
class Territory {
public:
    struct Holder {
        std::string id; //!< a faction id, or "contested"
        int districts = 0;
        double areaKm2 = 0;
    };

    //! Whether frontLine() has lines: a raster draws the front from opposed() alone, and the borders of a
    //! country take a good part of a second to load.
    enum class Lines { Traced, Untraced };

    //! Reads the controls, the borders if `lines` asks, and the state of `day` (a day number).
    [[nodiscard]] static Result<Territory> open(const Database &db, const std::vector<District> &districts, int day, Lines lines);

    //! Steps to `day` (a day number): a day's changes for a neighbour, a block's for anything farther.
    [[nodiscard]] Result<void> moveTo(int day);
    [[nodiscard]] int day() const { return m_cursor.day(); }
    //! The changes that start on the current day (district slot and control number), in the order of the changes.
    [[nodiscard]] std::span<const ControlCursor::Entry> changesToday() const { return m_cursor.changesToday(); }
    //! By district slot: whether it changed hands today (not a restated hold). `isFirstDay`: the day is the
    //! data's first, the initial state rather than a change, and nothing changed hands.
    [[nodiscard]] std::vector<bool> changedHandsToday(bool isFirstDay) const;

    [[nodiscard]] const ControlVector &controls() const { return m_cursor.controls(); }
    //! District slots (number - 1) whose control the last move may have changed.
    [[nodiscard]] std::span<const std::uint32_t> touched() const { return m_cursor.touched(); }
    //! Control numbers run from 0 (unknown) to this, exclusive.
    [[nodiscard]] std::size_t controlCount() const { return m_controls.size(); }
    //! Table `controls`, by number; entry 0 is unknown.
    [[nodiscard]] const std::vector<Control> &controlTable() const { return m_controls; }
    [[nodiscard]] const Control &control(std::uint16_t number) const { return m_controls.at(number); }
    //! Whether a district going from control `a` to `b` changed hands: its state or its sides differ (a new
    //! confidence or a restated hold does not count); to or from unknown always does.
    [[nodiscard]] bool changedHands(std::uint16_t a, std::uint16_t b) const;
    //! Whether it was opened with Lines::Traced.
    [[nodiscard]] bool traced() const { return m_lines.has_value(); }
    //! The day's front line; empty if opened with Lines::Untraced.
    [[nodiscard]] std::vector<std::span<const LonLat>> frontLine() const
    {
        return m_lines ? m_lines->lines(controls()) : std::vector<std::span<const LonLat>>{};
    }
    //! Whether neighbours under these two control numbers have the front line between them.
    [[nodiscard]] bool opposed(std::uint16_t a, std::uint16_t b) const { return m_opposition.opposed(a, b); }
    //! Every faction that holds or contests somewhere, by id, then "contested".
    [[nodiscard]] const std::vector<Holder> &holders() const { return m_holders; }
    //! The holder of this id, or one with nothing if it holds nothing today.
    [[nodiscard]] Holder holder(const std::string &id) const;

private:
    Territory(ControlCursor cursor, std::vector<Control> controls)
        : m_cursor(std::move(cursor)), m_opposition(controls), m_controls(std::move(controls))
    {
    }
    void countHolders(const std::vector<District> &districts);
    void account();

    ControlCursor m_cursor;
    Opposition m_opposition;
    std::optional<FrontLineIndex> m_lines;
    std::vector<Control> m_controls;
    std::vector<int> m_holderOfControl; //!< index into m_holders, -1 for unknown
    std::vector<double> m_areaKm2; //!< by district slot
    std::vector<int> m_holderOf; //!< by district slot
    std::vector<Holder> m_holders;
};

} // namespace frontline
