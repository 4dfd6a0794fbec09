// SPDX-License-Identifier: MIT
#include "query/controlcursor.h"

#include "query/verifiedonly.h"

#include <algorithm>
#include <cstdlib>
#include <ranges>

namespace frontline {

Result<ControlCursor> ControlCursor::open(const Database &db, int day)
{
    ControlCursor cursor(db);
    if (auto reader = Database::open(db.path(), Database::Mode::ReadOnly);
        reader && (!verifiedonly::shown(db) || verifiedonly::hideDrafts(*reader)))
        cursor.m_reader = std::make_unique<Database>(std::move(*reader)); // it reads what `db` shows
    if (auto ok = cursor.seek(day); !ok)
        return std::unexpected(ok.error());
    return cursor;
}

Result<void> ControlCursor::seek(int day)
{
    const int first = blockStart(day);
    auto next = controlindex::stateAt(m_db, first - 1);
    if (!next)
        return std::unexpected(next.error());
    auto b = block(first, &*next);
    if (!b)
        return std::unexpected(b.error());
    for (int d = first; d <= day; ++d)
        for (const Entry &e : entriesOf(**b, d - first))
            (*next)[e.slot] = e.after;
    const auto today = entriesOf(**b, day - first);
    m_today.assign(today.begin(), today.end());
    m_touched.clear();
    for (std::uint32_t i = 0; i < next->size(); ++i)
        if (i >= m_state.size() || (*next)[i] != m_state[i])
            m_touched.push_back(i);
    m_state = *std::move(next);
    m_day = day;
    return {};
}

Result<void> ControlCursor::step(int days)
{
    m_touched.clear();
    if (days == 0)
        return {};
    for (; days > 0; --days) {
        const int first = blockStart(m_day + 1);
        // Into a block not read yet: today's state is the state before it, so no snapshot is needed.
        auto b = first == m_day + 1 ? block(first, &m_state) : block(first);
        if (!b)
            return std::unexpected(b.error());
        if (first == m_day + 1)
            prefetch(first + kBlockDays); // playing forward: the block after this one is next
        ++m_day;
        for (const Entry &e : entriesOf(**b, m_day - first)) {
            m_state[e.slot] = e.after;
            m_touched.push_back(e.slot);
        }
    }
    for (; days < 0; ++days) {
        const int first = blockStart(m_day);
        auto b = block(first);
        if (!b)
            return std::unexpected(b.error());
        for (const Entry &e : std::views::reverse(entriesOf(**b, m_day - first))) {
            m_state[e.slot] = e.before;
            m_touched.push_back(e.slot);
        }
        --m_day;
    }
    const int first = blockStart(m_day);
    auto b = block(first); // kept: the day's own block was read above
    if (!b)
        return std::unexpected(b.error());
    const auto today = entriesOf(**b, m_day - first);
    m_today.assign(today.begin(), today.end());
    return {};
}

Result<ControlCursor::Block> ControlCursor::readBlock(const Database &db, int first, std::size_t slots)
{
    return guarded([&]() -> Result<Block> {
        Block b{std::vector<std::uint32_t>(kBlockDays), {}};
        auto s = db.prepare("SELECT day, district, control FROM changes WHERE day BETWEEN ? AND ? ORDER BY day, num");
        s.bindAll(first, first + kBlockDays - 1);
        while (s.step()) {
            const auto slot = std::uint32_t(s.integer(1) - 1);
            if (slot >= slots)
                continue;
            b.entries.push_back({slot, 0, static_cast<std::uint16_t>(s.integer(2))});
            ++b.dayEnds[std::size_t(s.integer(0) - first)];
        }
        for (std::size_t i = 1; i < b.dayEnds.size(); ++i) // counts to running ends
            b.dayEnds[i] += b.dayEnds[i - 1];
        return b;
    });
}

void ControlCursor::replay(Block &b, ControlVector &state)
{
    for (Entry &e : b.entries) {
        e.before = state[e.slot];
        state[e.slot] = e.after;
    }
}

void ControlCursor::prefetch(int first)
{
    if (!m_reader || m_blocks.contains(first) || (m_next && m_next->first == first))
        return;
    if (m_next) // one read at a time on the reader's connection
        m_next->second.wait();
    m_next.emplace(first, std::async(std::launch::async, [db = m_reader.get(), first, slots = m_state.size()] {
        return readBlock(*db, first, slots);
    }));
}

const ControlCursor::Block &ControlCursor::keep(int first, Block b)
{
    if (m_blocks.size() >= kBlocksKept) {
        auto far = std::ranges::max_element(m_blocks, {}, [&](const auto &k) { return std::abs(k.first - first); });
        m_blocks.erase(far);
    }
    return m_blocks.insert_or_assign(first, std::move(b)).first->second;
}

Result<const ControlCursor::Block *> ControlCursor::block(int first, const ControlVector *before)
{
    if (auto it = m_blocks.find(first); it != m_blocks.end())
        return &it->second;
    if (before) {
        const bool ahead = m_next && m_next->first == first; // read in the background while the block before was stepped
        Result<Block> b = ahead ? m_next->second.get() : readBlock(m_db, first, before->size());
        if (ahead)
            m_next.reset();
        if (!b)
            return std::unexpected(b.error());
        ControlVector state = *before;
        replay(*b, state);
        return &keep(first, *std::move(b));
    }
    // From the snapshot before this block's span, reading every block of the span up to it: stepping back
    // then needs one snapshot per span, not one per block.
    const int span = controlindex::blockStart(first);
    auto state = controlindex::stateAt(m_db, span - 1);
    if (!state)
        return std::unexpected(state.error());
    const Block *found = nullptr;
    for (int start = span; start <= first; start += kBlockDays) {
        if (auto it = m_blocks.find(start); it != m_blocks.end() && start != first) {
            for (const Entry &e : it->second.entries)
                (*state)[e.slot] = e.after;
            continue;
        }
        auto b = readBlock(m_db, start, state->size());
        if (!b)
            return std::unexpected(b.error());
        replay(*b, *state);
        found = &keep(start, *std::move(b));
    }
    return found;
}

std::span<const ControlCursor::Entry> ControlCursor::entriesOf(const Block &b, int dayInBlock)
{
    const std::uint32_t begin = dayInBlock == 0 ? 0 : b.dayEnds[std::size_t(dayInBlock - 1)];
    return std::span(b.entries).subspan(begin, b.dayEnds[std::size_t(dayInBlock)] - begin);
}

} // namespace frontline
