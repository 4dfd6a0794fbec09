// SPDX-License-Identifier: MIT
#include "import/holdermap.h"

#include "import/importsupport.h"

#include <algorithm>
#include <format>

namespace frontline::importing {

HolderMap::HolderMap(const Database &db, const std::filesystem::path &path)
{
    if (path.empty())
        throw ImportError("--holder-map MAP.csv is required: it says what each holder value means");
    CsvTable t = openTable(path, {"value", "state", "factions"});
    auto known = db.prepare("SELECT 1 FROM factions WHERE id = ?");
    while (t.next()) {
        const std::string value = folded(t["value"]);
        const std::string state = trim(t["state"]);
        if (state == "unknown") {
            m_values[value] = -1;
            continue;
        }
        Holding h{parsed(t, "state", &parseControlState, "held, contested or unknown"), splitList(t["factions"], ';')};
        if (h.factions.empty() || (h.state == ControlState::Contested) != (h.factions.size() > 1))
            throw ImportError(std::format("{}: {} needs {}", t.where(), state,
                h.state == ControlState::Held ? "one faction" : "two or more factions, ;-separated"));
        for (const auto &f : h.factions) {
            known.bindAll(f);
            if (!known.step())
                throw ImportError(std::format("{}: unknown faction \"{}\"", t.where(), f));
            known.reset();
        }
        m_values[value] = index(h);
    }
    if (!t.error().empty())
        throw ImportError(t.error());
}

int HolderMap::lookup(std::string_view raw, const std::string &where) const
{
    auto it = m_values.find(folded(raw));
    if (it == m_values.end())
        throw ImportError(std::format("{}: holder \"{}\" is not in the holder map (add a row: value,state,factions; "
                                      "state unknown skips it)",
            where, folded(raw)));
    return it->second;
}

int HolderMap::index(const Holding &h)
{
    auto it = std::ranges::find(m_holdings, h);
    if (it != m_holdings.end())
        return int(it - m_holdings.begin());
    m_holdings.push_back(h);
    return int(m_holdings.size() - 1);
}

} // namespace frontline::importing
