// SPDX-License-Identifier: MIT
#include "viewer/shareclaimmodel.h"

#include "map/mapstyle.h"
#include "viewer/displaytext.h"

using namespace frontline;
using Row = ShareClaimModel::Row;

const std::vector<ModelRole<Row>> ShareClaimModel::kRoles = {
    {DayRole, "day", &Row::day},
    {DateRole, "date", [](const Row &r) { return QVariant(shown(r.claim.date.toString())); }},
    {ClaimantRole, "claimant", [](const Row &r) { return QVariant(shown(r.claim.claimant)); }},
    {FactionRole, "faction", [](const Row &r) { return QVariant(shown(r.claim.factionName)); }},
    {ColourRole, "colour", &Row::colour},
    {ClaimedRole, "claimed", [](const Row &r) { return QVariant(r.claim.claimed); }},
    {MeasuredRole, "measured", [](const Row &r) { return QVariant(r.claim.measured); }},
    {TextRole, "text",
        [](const Row &r) {
            const ShareClaim &c = r.claim;
            return QVariant(tr("%1, %2: %3 holds %4% of %5. The dataset: %6%.")
                    .arg(QString::fromStdString(c.claimant), QString::fromStdString(c.date.toString()),
                        QString::fromStdString(c.factionName))
                    .arg(c.claimed, 0, 'f', 0)
                    .arg(QString::fromStdString(c.areaName))
                    .arg(c.measured, 0, 'f', 0));
        }},
};

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
