// SPDX-License-Identifier: MIT
#include "viewer/shareclaimmodel.h"

#include "map/mapstyle.h"

using namespace frontline;

Result<void> ShareClaimModel::load(const Database &db, Date first, const std::unordered_map<std::string, QColor> &colours)
{
    auto claims = shareClaims(db);
    std::vector<Row> rows;
    for (auto &c : claims ? *claims : std::vector<ShareClaim>{}) {
        const auto colour = colours.find(c.faction);
        const int day = first.daysTo(c.date);
        rows.push_back({std::move(c), day, colour == colours.end() ? MapStyle::kNoSide : colour->second});
    }
    resetRows(m_rows, std::move(rows));
    if (!claims)
        return std::unexpected(claims.error());
    return {};
}

QVariant ShareClaimModel::value(std::size_t at, int role) const
{
    const Row &r = m_rows[at];
    auto qs = [](const std::string &s) { return QString::fromStdString(s); };
    switch (role) {
    case DayRole: return r.day;
    case DateRole: return qs(r.claim.date.toString());
    case ClaimantRole: return qs(r.claim.claimant);
    case FactionRole: return qs(r.claim.factionName);
    case ColourRole: return r.colour;
    case ClaimedRole: return r.claim.claimed;
    case MeasuredRole: return r.claim.measured;
    case TextRole:
        return tr("%1, %2: %3 holds %4% of %5. The dataset: %6%.")
            .arg(qs(r.claim.claimant), qs(r.claim.date.toString()), qs(r.claim.factionName))
            .arg(r.claim.claimed, 0, 'f', 0)
            .arg(qs(r.claim.areaName))
            .arg(r.claim.measured, 0, 'f', 0);
    default: return {};
    }
}

QHash<int, QByteArray> ShareClaimModel::roleNames() const
{
    return {{DayRole, "day"}, {DateRole, "date"}, {ClaimantRole, "claimant"}, {FactionRole, "faction"}, {ColourRole, "colour"},
        {ClaimedRole, "claimed"}, {MeasuredRole, "measured"}, {TextRole, "text"}};
}
