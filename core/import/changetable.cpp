// SPDX-License-Identifier: MIT
#include "import/changetable.h"

#include "import/changewriter.h"
#include "import/importsupport.h"
#include "query/districtresolver.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>

namespace frontline::importing {

namespace {
//! The rows of a changes table, read by column position and without copying: a country's war is tens of millions.
class ChangeRows {
public:
    ChangeRows(CsvTable &t, const ChangeColumns &columns) : m_t(t), m_c(columns) { }
    //! The row's id; a file without ids gets "DISTRICT@DATE", stable across imports of the same table (a district
    //! changes hands at most once a day).
    [[nodiscard]] std::string_view id(std::string_view districtId, Date date)
    {
        if (m_c.id >= 0)
            return need(m_c.id, "id");
        m_madeId.assign(districtId).append("@").append(date.toString());
        return m_madeId;
    }
    [[nodiscard]] std::string_view district() const { return need(m_c.district, "district"); }
    [[nodiscard]] std::string_view note() const { return trimmed(m_t.field(m_c.note)); }
    [[nodiscard]] std::string_view state() const { return trimmed(m_t.field(m_c.state)); }
    [[nodiscard]] std::string_view confidence() const { return trimmed(m_t.field(m_c.confidence)); }
    [[nodiscard]] std::string_view factions() const { return need(m_c.factions, "factions"); }
    //! The row's date; files are mostly in date order, so the last one parsed is kept.
    Date date()
    {
        const std::string_view text = trimmed(m_t.field(m_c.date));
        if (text != m_lastDateText) {
            m_lastDate = Date::parse(text);
            m_lastDateText = text;
        }
        if (!m_lastDate)
            throw ImportError(
                std::format("{}: invalid date \"{}\" (expected YYYY-MM-DD, a real calendar day)", m_t.where(), text));
        return *m_lastDate;
    }
    //! State, confidence and factions as one key, for finding a control already checked and stored.
    [[nodiscard]] const std::string &controlKey()
    {
        m_key.assign(state()); // joined by the unit separator (0x1F), not found in ids or states
        m_key.append("\x1f").append(confidence()).append("\x1f").append(trimmed(m_t.field(m_c.factions)));
        return m_key;
    }

private:
    std::string_view need(int column, const char *name) const
    {
        const std::string_view value = trimmed(m_t.field(column));
        if (value.empty())
            throw ImportError(std::format("{}: empty \"{}\"", m_t.where(), name));
        return value;
    }

    const CsvTable &m_t;
    ChangeColumns m_c;
    std::string m_lastDateText, m_key, m_madeId;
    std::optional<Date> m_lastDate;
};

//! The number and id of the district a row names by id or by any of its names.
std::pair<std::int64_t, std::string> rowDistrict(const DistrictResolver &districts, std::string_view text, const CsvTable &t)
{
    if (auto number = districts.numberOfId(text))
        return {*number, std::string(text)};
    auto resolved = districts.resolve(std::string(text));
    if (!resolved)
        throw ImportError(std::format("{}: {}", t.where(), resolved.error().message));
    return {districts.number(*resolved), *resolved};
}

//! The error for a change id that repeats: it names the line of its second use in the file, or of its first if
//! a change stored before the import (numbered up to `before`) has it.
ImportError repeatedId(
    const Database &db, const CsvTable &changes, const ColumnNames &named, const std::string &id, std::int64_t before)
{
    auto stored = db.prepare("SELECT 1 FROM changes WHERE id = ? AND num <= ?");
    int seen = stored.bindAll(id, before).step() ? 1 : 0;
    CsvTable t = openTable(changes.path(), {});
    ChangeRows row(t, ChangeColumns::find(t, named));
    const DistrictResolver districts(db);
    while (t.next())
        if (row.id(rowDistrict(districts, row.district(), t).second, row.date()) == id && ++seen == 2)
            break;
    const bool made = ChangeColumns::find(t, named).id < 0;
    return ImportError(std::format("{}:{}: change id \"{}\" repeats an earlier change{}", t.name(), t.line(), id,
        made ? " (a district changes at most once a day)" : ""));
}

//! The factions of the database, found by id or, in any case, by name.
class KnownFactions {
public:
    explicit KnownFactions(const Database &db)
    {
        for (auto s = db.prepare("SELECT id, name FROM factions"); s.step();) {
            m_ids.insert(s.text(0));
            m_byWord.emplace(lowered(s.text(1)), s.text(0));
            m_byWord.emplace(lowered(s.text(0)), s.text(0));
        }
    }
    [[nodiscard]] std::string id(const std::string &written, const CsvTable &t) const
    {
        if (m_ids.contains(written))
            return written;
        if (const auto it = m_byWord.find(lowered(written)); it != m_byWord.end())
            return it->second;
        throw ImportError(std::format("{}: unknown faction \"{}\"", t.where(), written));
    }

private:
    std::set<std::string, std::less<>> m_ids;
    std::map<std::string, std::string, std::less<>> m_byWord; // the first faction of a name wins
};

//! The control entry a row asks for, checked in full the first time its text is seen. Holders are separated by
//! ";" or "|"; without a state, one holder holds the district and several contest it; without a confidence, it is
//! medium.
std::int64_t newControl(const CsvTable &t, const ChangeRows &row, ChangeWriter &writer, const KnownFactions &known)
{
    std::string list(row.factions());
    std::ranges::replace(list, '|', ';');
    std::vector<std::string> factions;
    for (const auto &f : splitList(list, ';'))
        factions.push_back(known.id(f, t));
    const std::string stateText = lowered(row.state());
    const auto state = stateText.empty() ? std::optional(factions.size() > 1 ? ControlState::Contested : ControlState::Held)
                                         : parseControlState(stateText);
    if (!state)
        throw ImportError(std::format("{}: invalid state \"{}\" (expected held or contested)", t.where(), row.state()));
    const std::string confidenceText = lowered(row.confidence());
    const auto confidence = confidenceText.empty() ? std::optional(Confidence::Medium) : parseConfidence(confidenceText);
    if (!confidence)
        throw ImportError(
            std::format("{}: invalid confidence \"{}\" (expected high, medium or low)", t.where(), row.confidence()));
    if (*state == ControlState::Held && factions.size() != 1)
        throw ImportError(std::format("{}: a held district has exactly one faction, got {}", t.where(), factions.size()));
    if (*state == ControlState::Contested && factions.size() < 2)
        throw ImportError(std::format("{}: a contested district needs at least two factions", t.where()));
    return writer.control(*state, *confidence, factions, t.line());
}

//! Takes the indexes of `changes` off while a large file loads and puts them back once at the end: sorting
//! once is several times faster than keeping three B-trees in order row by row.
class IndexesOff {
public:
    explicit IndexesOff(const Database &db) : m_db(db)
    {
        auto s =
            db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'changes' AND sql IS NOT NULL");
        while (s.step())
            m_indexes.emplace_back(s.text(0), s.text(1));
        for (const auto &[name, sql] : m_indexes)
            db.exec(std::format("DROP INDEX {}", name).c_str());
    }
    //! Rebuilds them. If the unique index on ids will not build, the repeated id is named with its line.
    void restore(const CsvTable &t, const ColumnNames &named, std::int64_t before)
    {
        for (const auto &[name, sql] : m_indexes)
            try {
                m_db.exec(sql.c_str());
            } catch (const SqlError &) {
                auto repeated =
                    m_db.prepare("SELECT id FROM changes WHERE id IS NOT NULL GROUP BY id HAVING count(*) > 1 LIMIT 1");
                if (repeated.step())
                    throw repeatedId(m_db, t, named, repeated.text(0), before);
                throw;
            }
    }

private:
    const Database &m_db;
    std::vector<std::pair<std::string, std::string>> m_indexes;
};
} // namespace

void importChanges(const Database &db, CsvTable &t, const ColumnNames &named, ImportSummary &summary)
{
    const DistrictResolver districts(db);
    ChangeRows row(t, ChangeColumns::find(t, named));
    ChangeWriter writer(db, t.name(), ChangeWriter::Storing::Alongside); // below, the database only through it
    const KnownFactions knownFactions(db);
    std::optional<IndexesOff> bulk;
    const std::int64_t before = lastChange(db);
    if (loadsInBulk(t.bytes(), before))
        bulk.emplace(db);
    std::map<std::string, std::int64_t, std::less<>> controls; // by the text of state, confidence and factions
    int added = 0;
    try { // the writer's errors name the line of the change or control the database refused
        while (t.next()) {
            const Date date = row.date();
            const auto [district, districtId] = rowDistrict(districts, row.district(), t);
            const std::string &key = row.controlKey();
            auto control = controls.find(key);
            if (control == controls.end())
                control = controls.emplace(key, newControl(t, row, writer, knownFactions)).first;
            writer.write(row.id(districtId, date), date, district, control->second, row.note(), t.line());
            ++added;
        }
        writer.flush();
    } catch (const ChangeWriter::RepeatedId &e) {
        throw repeatedId(db, t, named, e.id, before);
    } catch (const SqlError &e) {
        throw ImportError(e.what());
    }
    summary.added["changes"] += added;
    if (bulk)
        bulk->restore(t, named, before);
}

} // namespace frontline::importing
