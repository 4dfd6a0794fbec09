// SPDX-License-Identifier: MIT
#include "query/controlindex.h"

#include <limits>
#include <ranges>

namespace frontline::controlindex {

namespace {
std::vector<unsigned char> encode(const ControlVector &state)
{
    std::vector<unsigned char> out(state.size() * 2);
    for (std::size_t i = 0; i < state.size(); ++i) {
        out[2 * i] = static_cast<unsigned char>(state[i] & 0xff);
        out[2 * i + 1] = static_cast<unsigned char>(state[i] >> 8);
    }
    return out;
}

void decodeInto(std::span<const unsigned char> blob, ControlVector &state)
{
    const std::size_t n = std::min(state.size(), blob.size() / 2);
    for (std::size_t i = 0; i < n; ++i)
        state[i] = static_cast<std::uint16_t>(blob[2 * i] | (blob[2 * i + 1] << 8));
}

//! Applies the changes of days (after, upTo] in order; calls `beforeDay(d)` as the first change of a new day d comes.
template <typename F>
void replay(const Database &db, int after, int upTo, ControlVector &state, F &&beforeDay)
{
    auto s = db.prepare("SELECT day, district, control FROM changes WHERE day > ? AND day <= ? ORDER BY day, num");
    s.bindAll(after, upTo);
    while (s.step()) {
        beforeDay(int(s.integer(0)));
        const auto slot = std::size_t(s.integer(1)) - 1;
        if (slot < state.size())
            state[slot] = static_cast<std::uint16_t>(s.integer(2));
    }
}

//! The latest snapshot on or before `day` into `state`; returns its day, or the lowest int if there is none.
int loadSnapshot(const Database &db, int day, ControlVector &state)
{
    auto s = db.prepare("SELECT day, controls FROM control_snapshots WHERE day <= ? ORDER BY day DESC LIMIT 1");
    s.bindAll(day);
    if (!s.step())
        return std::numeric_limits<int>::min();
    decodeInto(s.blob(1), state);
    return int(s.integer(0));
}

std::size_t slotsOf(const Database &db)
{
    auto s = db.prepare("SELECT coalesce(max(num), 0) FROM districts");
    s.step();
    return std::size_t(s.integer(0));
}
} // namespace

Result<std::size_t> districtSlots(const Database &db)
{
    return guarded([&]() -> Result<std::size_t> { return slotsOf(db); });
}

Result<void> rebuild(const Database &db, int fromDay)
{
    return guarded([&]() -> Result<void> {
        db.prepare("DELETE FROM control_snapshots WHERE day >= ?").bindAll(fromDay).run();
        ControlVector state(slotsOf(db));
        const int base = loadSnapshot(db, fromDay - 1, state);
        auto write = db.prepare("INSERT INTO control_snapshots (day, controls) VALUES (?, ?)");
        std::optional<int> next; // the next snapshot to take: after the last day of the block of the first change replayed
        replay(db, base, std::numeric_limits<int>::max(), state, [&](int day) {
            if (!next)
                next = blockStart(day) + kSnapshotEvery - 1;
            for (; *next < day; *next += kSnapshotEvery)
                write.bindAll(*next, std::span<const unsigned char>(encode(state))).run();
        });
        return {};
    });
}

Result<void> update(const Database &db, std::span<const std::int64_t> districts, int fromDay)
{
    return guarded([&]() -> Result<void> {
        auto last = db.prepare("SELECT max(day) FROM control_snapshots");
        if (!last.step() || last.isNull(0))
            return rebuild(db, fromDay); // none yet: a small record, replayed whole
        const int lastSnapshot = int(last.integer(0));
        last.reset();
        if (auto first = db.prepare("SELECT min(day) FROM control_snapshots");
            first.step() && fromDay <= first.integer(0) - kSnapshotEvery)
            return rebuild(db, fromDay); // before the first snapshot's block: the blocks before it need snapshots of their own
        auto read = db.prepare("SELECT day, controls FROM control_snapshots WHERE day >= ? ORDER BY day");
        auto controlAt =
            db.prepare("SELECT control FROM changes WHERE district = ? AND day <= ? ORDER BY day DESC, num DESC LIMIT 1");
        auto write = db.prepare("UPDATE control_snapshots SET controls = ? WHERE day = ?");
        std::vector<std::pair<int, std::vector<unsigned char>>> snapshots;
        for (read.bindAll(fromDay); read.step();)
            snapshots.emplace_back(int(read.integer(0)), read.blob(1));
        for (auto &[day, blob] : snapshots) {
            for (const std::int64_t district : districts) {
                const auto at = std::size_t(district - 1) * 2;
                controlAt.bindAll(district, day);
                const auto control = controlAt.step() ? std::uint16_t(controlAt.integer(0)) : std::uint16_t(0);
                controlAt.reset();
                blob.resize(std::max(blob.size(), at + 2));
                blob[at] = static_cast<unsigned char>(control & 0xff);
                blob[at + 1] = static_cast<unsigned char>(control >> 8);
            }
            write.bindAll(std::span<const unsigned char>(blob), day).run();
        }
        return rebuild(db, lastSnapshot + 1); // adds the snapshots a change after the last one needs
    });
}

Result<ControlVector> stateAt(const Database &db, int day)
{
    return guarded([&]() -> Result<ControlVector> {
        ControlVector state(slotsOf(db));
        const int base = loadSnapshot(db, day, state);
        replay(db, base, day, state, [](int) { });
        return state;
    });
}

Result<std::vector<Control>> controls(const Database &db)
{
    return guarded([&]() -> Result<std::vector<Control>> {
        std::vector<Control> out(1);
        auto s = db.prepare("SELECT num, state, confidence, factions, inferred FROM controls ORDER BY num");
        while (s.step()) {
            out.resize(std::size_t(s.integer(0)) + 1);
            Control &c = out.back();
            c.state = parseControlState(s.text(1)).value_or(ControlState::Held);
            c.confidence = parseConfidence(s.text(2)).value_or(Confidence::Medium);
            for (const auto &part : std::views::split(s.text(3), ';'))
                c.factions.emplace_back(std::string_view(part));
            c.inferred = s.integer(4) != 0;
        }
        return out;
    });
}

} // namespace frontline::controlindex
