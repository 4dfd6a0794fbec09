// SPDX-License-Identifier: MIT
#pragma once

#include "query/controlindex.h"

#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <span>

namespace frontline {

//! Steps the whole map's control through time in memory: a step applies one day's changes forward, or
//! undoes them backward. Days are read from the database a block of kBlockDays at a time and a few blocks
//! are kept, so memory stays bounded whatever the length of the war. While days are stepped forward, the
//! next block is read on a second connection in the background, so that playing never waits for the
//! database. Days are day numbers. Holds a reference to the database, which must outlive it. Not thread-safe.
class ControlCursor {
public:
    //! A cursor on `day`.
    [[nodiscard]] static Result<ControlCursor> open(const Database &db, int day);

    //! Moves to any day: from the snapshot before it. On error the cursor stays where it was.
    [[nodiscard]] Result<void> seek(int day);
    //! Moves by `days` (negative: back), a day's changes at a time. On error the cursor is where it got to.
    [[nodiscard]] Result<void> step(int days = 1);

    [[nodiscard]] int day() const { return m_day; }
    [[nodiscard]] const ControlVector &controls() const { return m_state; }
    //! The districts (number - 1) whose control the last seek or step may have changed.
    [[nodiscard]] std::span<const std::uint32_t> touched() const { return m_touched; }

    //! One change: district slot, the control it replaced and the control it set.
    struct Entry {
        std::uint32_t slot;
        std::uint16_t before;
        std::uint16_t after;
    };
    //! The changes that start on the current day, in the order of the changes (file order within a day).
    [[nodiscard]] std::span<const Entry> changesToday() const { return m_today; }

private:
    explicit ControlCursor(const Database &db) : m_db(db) { }
    //! kBlockDays days' changes, each with the control it replaced.
    struct Block {
        std::vector<std::uint32_t> dayEnds; //!< entries of day `first + i` end at dayEnds[i]
        std::vector<Entry> entries;
    };
    //! Short, so that stepping into a block not yet read costs one query of a few days' changes; a
    //! snapshot span (kSnapshotEvery) holds a whole number of blocks.
    static constexpr int kBlockDays = 8;
    static_assert(controlindex::kSnapshotEvery % kBlockDays == 0);
    static constexpr std::size_t kBlocksKept = 16;
    [[nodiscard]] static int blockStart(int day) { return day - ((day % kBlockDays) + kBlockDays) % kBlockDays; }

    //! The block that starts on `first`; `before` is the state before it if the caller has it (else read).
    [[nodiscard]] Result<const Block *> block(int first, const ControlVector *before = nullptr);
    //! Keeps `b` as the block that starts on `first`, dropping the one farthest from it if full.
    const Block &keep(int first, Block b);
    //! Reads the changes of the block that starts on `first` to districts below `slots`, without the
    //! controls they replaced.
    [[nodiscard]] static Result<Block> readBlock(const Database &db, int first, std::size_t slots);
    //! Fills in the controls a block's changes replaced, from `state` before it, and advances `state` past it.
    static void replay(Block &b, ControlVector &state);
    //! Starts reading the block that starts on `first` in the background, unless it is read or being read.
    void prefetch(int first);
    [[nodiscard]] static std::span<const Entry> entriesOf(const Block &b, int dayInBlock);

    const Database &m_db;
    std::unique_ptr<Database> m_reader; //!< the background reads' own connection; none without a file
    std::optional<std::pair<int, std::future<Result<Block>>>> m_next; //!< a block's first day, and it being read
    std::map<int, Block> m_blocks; //!< by first day
    ControlVector m_state;
    std::vector<std::uint32_t> m_touched;
    std::vector<Entry> m_today;
    int m_day = 0;
};

} // namespace frontline
