// SPDX-License-Identifier: MIT
#include "changewriter.h"

#include <format>

namespace frontline {

ChangeWriter::ChangeWriter(const Database &db)
    : m_findControl(db.prepare("SELECT num FROM controls WHERE state = ? AND confidence = ? AND factions = ?")),
      m_addControl(db.prepare("INSERT INTO controls (state, confidence, factions) VALUES (?, ?, ?)")),
      m_change(db.prepare("INSERT INTO changes (id, day, district, control, note) VALUES (?, ?, ?, ?, ?)")),
      m_evidence(db.prepare("INSERT INTO evidence (change, excerpt_id, stance) VALUES (?, ?, ?)"))
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

std::int64_t ChangeWriter::write(
    std::string_view id, Date day, std::int64_t district, std::int64_t control, std::string_view note)
{
    m_change.reset();
    m_change.bindTextOrNull(1, id);
    m_change.bind(2, day.dayNumber());
    m_change.bind(3, district);
    m_change.bind(4, control);
    m_change.bindTextOrNull(5, note);
    m_change.run();
    return m_change.lastInsertRowid();
}

void ChangeWriter::addEvidence(std::int64_t change, std::string_view excerptId, Stance stance)
{
    m_evidence.bindAll(change, excerptId, int(stance)).run();
}

} // namespace frontline
