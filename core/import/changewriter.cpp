// SPDX-License-Identifier: MIT
#include "changewriter.h"

#include <algorithm>
#include <format>
#include <numeric>
#include <stdexcept>

namespace frontline {

namespace {
constexpr std::size_t kHeldBack = 65'536;
}

ChangeWriter::ChangeWriter(const Database &db, std::string source)
    : m_findControl(db.prepare("SELECT num FROM controls WHERE state = ? AND confidence = ? AND factions = ?")),
      m_addControl(db.prepare("INSERT INTO controls (state, confidence, factions) VALUES (?, ?, ?)")),
      m_change(db.prepare("INSERT INTO changes (id, day, district, control, note) VALUES (?, ?, ?, ?, ?)")),
      m_evidence(db.prepare("INSERT INTO evidence (change, excerpt_id, stance) VALUES (?, ?, ?)")), m_source(std::move(source))
{
}

std::int64_t ChangeWriter::control(ControlState state, Confidence confidence, const std::vector<std::string> &factions)
{
    std::string joined;
    for (const auto &f : factions)
        joined += (joined.empty() ? "" : ";") + f;
    const std::string key = std::format("{}|{}|{}", toString(state), toString(confidence), joined);
    if (auto it = m_controls.find(key); it != m_controls.end())
        return it->second;
    m_findControl.bindAll(toString(state), toString(confidence), joined);
    std::int64_t num = 0;
    if (m_findControl.step()) {
        num = m_findControl.integer(0);
    } else {
        m_addControl.bindAll(toString(state), toString(confidence), joined).run();
        num = m_addControl.lastInsertRowid();
    }
    m_findControl.reset();
    return m_controls[key] = num;
}

ChangeWriter::Ref ChangeWriter::write(
    std::string_view id, Date day, std::int64_t district, std::int64_t control, std::string_view note, long line)
{
    if (m_pending.size() >= kHeldBack)
        flush();
    m_pending.push_back({day.dayNumber(), district, control, line, std::string(id), std::string(note)});
    return m_firstPending + m_pending.size() - 1;
}

void ChangeWriter::addEvidence(Ref change, std::string_view excerptId, Stance stance)
{
    if (change < m_firstPending || change >= m_firstPending + m_pending.size())
        throw std::logic_error("ChangeWriter: evidence for a change already stored");
    m_pendingEvidence.push_back({change, std::string(excerptId), stance});
}

void ChangeWriter::flush()
{
    std::vector<std::uint32_t> order(m_pending.size());
    std::iota(order.begin(), order.end(), 0);
    std::ranges::stable_sort(order, {}, [&](std::uint32_t i) { return std::pair(m_pending[i].day, m_pending[i].district); });
    std::vector<std::int64_t> numbers(m_pending.size());
    for (const std::uint32_t i : order) {
        const Pending &p = m_pending[i];
        try {
            m_change.reset();
            m_change.bindTextOrNull(1, p.id);
            m_change.bind(2, p.day);
            m_change.bind(3, p.district);
            m_change.bind(4, p.control);
            m_change.bindTextOrNull(5, p.note);
            m_change.run();
        } catch (const SqlError &e) {
            throw SqlError(m_source.empty() ? e.what() : std::format("{}:{}: {}", m_source, p.line, e.what()));
        }
        numbers[i] = m_change.lastInsertRowid();
    }
    for (const auto &e : m_pendingEvidence)
        m_evidence.bindAll(numbers[e.change - m_firstPending], e.excerptId, int(e.stance)).run();
    m_firstPending += m_pending.size();
    m_pending.clear();
    m_pendingEvidence.clear();
}

} // namespace frontline
