// SPDX-License-Identifier: MIT
#include "import/changewriter.h"

#include <algorithm>
#include <format>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace frontline {

namespace {
constexpr std::size_t kHeldBack = 65'536;
}

ChangeWriter::ChangeWriter(const Database &db, std::string source, Storing storing)
    : m_findControl(db.prepare("SELECT num FROM controls WHERE state = ? AND confidence = ? AND factions = ? AND inferred = 0")),
      m_addControl(db.prepare("INSERT INTO controls (state, confidence, factions) VALUES (?, ?, ?)")),
      m_change(db.prepare("INSERT INTO changes (id, day, district, control, note) VALUES (?, ?, ?, ?, ?)")),
      m_evidence(db.prepare("INSERT INTO evidence (change, excerpt_id, stance) VALUES (?, ?, ?)")), m_source(std::move(source)),
      m_storing(storing)
{
}

ChangeWriter::~ChangeWriter()
{
    if (m_store.valid())
        m_store.wait(); // its error no longer matters: the import is being abandoned
}

std::int64_t ChangeWriter::control(ControlState state, Confidence confidence, const std::vector<std::string> &factions, long line)
{
    std::string joined;
    for (const auto &f : factions)
        joined += (joined.empty() ? "" : ";") + f;
    const std::string key = std::format("{}|{}|{}", toString(state), toString(confidence), joined);
    if (auto it = m_controls.find(key); it != m_controls.end())
        return it->second;
    std::int64_t num = 0;
    waitForStore(); // the connection is used by one thread at a time
    try {
        m_findControl.bindAll(toString(state), toString(confidence), joined);
        if (m_findControl.step()) {
            num = m_findControl.integer(0);
        } else {
            m_addControl.bindAll(toString(state), toString(confidence), joined).run();
            num = m_addControl.lastInsertRowid();
        }
        m_findControl.reset();
    } catch (const SqlError &e) {
        throw located(e, line);
    }
    return m_controls[key] = num;
}

ChangeWriter::Ref ChangeWriter::write(
    std::string_view id, Date day, std::int64_t district, std::int64_t control, std::string_view note, long line)
{
    if (m_pending.changes.size() >= kHeldBack)
        handOff();
    m_pending.changes.push_back({day.dayNumber(), district, control, line, std::string(id), std::string(note)});
    return m_pending.first + m_pending.changes.size() - 1;
}

void ChangeWriter::addEvidence(Ref change, std::string_view excerptId, Stance stance)
{
    if (change < m_pending.first || change >= m_pending.first + m_pending.changes.size())
        throw std::logic_error("ChangeWriter: evidence for a change already stored");
    m_pending.evidence.push_back({change, std::string(excerptId), stance});
}

void ChangeWriter::flush()
{
    handOff();
    waitForStore();
}

void ChangeWriter::handOff()
{
    waitForStore();
    const Ref next = m_pending.first + m_pending.changes.size();
    if (m_storing == Storing::Alongside) {
        m_inFlight = std::exchange(m_pending, {});
        m_store = std::async(std::launch::async, [this] { store(m_inFlight); });
    } else {
        store(m_pending);
        m_pending = {};
    }
    m_pending.first = next;
}

void ChangeWriter::waitForStore()
{
    if (m_store.valid())
        m_store.get();
}

SqlError ChangeWriter::located(const SqlError &e, long line) const
{
    return m_source.empty() || line == 0 ? e : SqlError(std::format("{}:{}: {}", m_source, line, e.what()));
}

void ChangeWriter::store(const Batch &b)
{
    std::vector<std::uint32_t> order(b.changes.size());
    std::iota(order.begin(), order.end(), 0);
    std::ranges::stable_sort(order, {}, [&](std::uint32_t i) { return std::pair(b.changes[i].day, b.changes[i].district); });
    std::vector<std::int64_t> numbers(b.changes.size());
    for (const std::uint32_t i : order) {
        const Pending &p = b.changes[i];
        try {
            m_change.reset();
            m_change.bindTextOrNull(1, p.id);
            m_change.bind(2, p.day);
            m_change.bind(3, p.district);
            m_change.bind(4, p.control);
            m_change.bindTextOrNull(5, p.note);
            m_change.run();
        } catch (const SqlError &e) {
            if (std::string_view(e.what()).contains("UNIQUE constraint failed: changes.id"))
                throw RepeatedId(located(e, p.line).what(), p.id);
            throw located(e, p.line);
        }
        numbers[i] = m_change.lastInsertRowid();
    }
    for (const auto &e : b.evidence)
        m_evidence.bindAll(numbers[e.change - b.first], e.excerptId, int(e.stance)).run();
}

} // namespace frontline
