// SPDX-License-Identifier: MIT
#include "viewer/dataset.h"

#include "import/datasetimporter.h"
#include "import/vectorimport.h"
#include "query/verifiedonly.h"
#include "viewer/bundleddatabase.h"
#include "viewer/displaytext.h"

#include <algorithm>

using namespace frontline;

namespace {
//! Parts with more vertices are simplified for display, so a surveyed boundary cannot freeze the map.
constexpr std::size_t kMaxVerticesPerPart = 4000;

//! The file at `path`, read-only, drafts hidden if `verifiedOnly`.
Result<Database> readOnly(const std::filesystem::path &path, bool verifiedOnly)
{
    auto db = Database::open(path, Database::Mode::ReadOnly);
    if (db && verifiedOnly)
        if (auto shown = verifiedonly::show(*db); !shown)
            return std::unexpected(shown.error());
    return db;
}
} // namespace

Result<std::unique_ptr<Dataset>> Dataset::open(const std::filesystem::path &path, Notices &notices, bool verifiedOnly)
{
    auto db = readOnly(path, verifiedOnly);
    if (!db)
        return std::unexpected(db.error());
    std::unique_ptr<Dataset> dataset(new Dataset(std::move(*db), notices));
    dataset->m_verifiedOnly = verifiedOnly;
    if (auto ok = dataset->load(); !ok)
        return fail(path.string() + ": " + ok.error().message);
    return dataset;
}

Result<void> Dataset::load()
{
    auto factions = m_queries.factions();
    auto districts = m_queries.districts(true, kMaxVerticesPerPart);
    auto meta = m_queries.metadata();
    if (!factions || !districts || !meta)
        return fail("cannot read the dataset");
    auto span = m_queries.span();
    if (districts->empty() || !span)
        return fail("the database holds no districts or no changes yet; import a dataset first");
    m_factions = std::move(*factions);
    m_districts = std::move(*districts);
    m_colours.clear();
    for (const auto &f : m_factions)
        m_colours[f.id] = QColor(QString::fromStdString(f.colour));
    m_indexOfSlot.clear();
    for (std::size_t i = 0; i < m_districts.size(); ++i) {
        const auto slot = std::size_t(m_districts[i].number - 1);
        m_indexOfSlot.resize(std::max(m_indexOfSlot.size(), slot + 1), -1);
        m_indexOfSlot[slot] = int(i);
    }
    m_first = span->first;
    m_last = span->last;
    m_title = shown((*meta)["name"]);
    m_licence = shown((*meta)["license"]);
    BoundingBox box = m_districts.front().bbox;
    for (const auto &d : m_districts) {
        box.min = {std::min(box.min.lon, d.bbox.min.lon), std::min(box.min.lat, d.bbox.min.lat)};
        box.max = {std::max(box.max.lon, d.bbox.max.lon), std::max(box.max.lat, d.bbox.max.lat)};
    }
    m_bounds = QGeoRectangle(QGeoCoordinate(box.max.lat, box.min.lon), QGeoCoordinate(box.min.lat, box.max.lon));
    m_bundled = isBundledDatabase(m_db.path());
    return {};
}

Result<Database> Dataset::connect(const std::filesystem::path &path) const
{
    return readOnly(path, m_verifiedOnly);
}

Result<Database> Dataset::openReader() const
{
    return connect(m_db.path());
}

void Dataset::setVerifiedOnly(bool on)
{
    if (on == m_verifiedOnly)
        return;
    m_verifiedOnly = on;
    const bool switched = m_notices.check(reconnect());
    if (!switched)
        m_verifiedOnly = !on;
    emit verifiedOnlyChanged();
    if (switched)
        announceEdit(); // the same districts: only their control and evidence look different
}

Result<void> Dataset::reconnect()
{
    auto db = connect(m_db.path());
    if (!db)
        return std::unexpected(db.error());
    m_db = std::move(*db);
    return {};
}

Result<void> Dataset::reopen(const std::filesystem::path &path)
{
    auto db = connect(path);
    if (!db)
        return std::unexpected(db.error());
    m_db = std::move(*db); // m_queries refers to the member, which now holds the new connection
    if (auto ok = load(); !ok)
        return ok;
    emit loaded();
    emit spanChanged();
    return {};
}

void Dataset::noteEdit()
{
    if (m_verifiedOnly && !m_notices.check(reconnect())) // the snapshots without drafts are the connection's own
        return;
    announceEdit();
}

void Dataset::announceEdit()
{
    if (auto span = m_queries.span(); m_notices.check(span)) {
        m_first = span->first;
        m_last = span->last;
    }
    emit edited();
    emit spanChanged();
}

bool Dataset::openDatabase(const QUrl &file)
{
    const std::filesystem::path path = file.toLocalFile().toStdString();
    const std::filesystem::path current = m_db.path();
    if (auto ok = reopen(path); !ok) {
        m_notices.check(ok);
        if (m_db.path() != current) // the new file opened but could not be read: go back
            (void)reopen(current);
        return false;
    }
    return true;
}

bool Dataset::saveCopyAs(const QUrl &file)
{
    const std::filesystem::path copy = file.toLocalFile().toStdString();
    std::error_code ec;
    if (std::filesystem::exists(copy, ec)) { // VACUUM INTO writes only a new file; never replace one
        m_notices.report(tr("%1 already exists; choose a new name for the copy").arg(file.toLocalFile()));
        return false;
    }
    if (auto copied = Database::backUp(m_db.path(), copy); !copied) {
        m_notices.check(copied);
        return false;
    }
    return openDatabase(file);
}

QString Dataset::importInto(const QString &kind, const QUrl &url)
{
    if (m_bundled) {
        m_notices.report(tr("The bundled dataset is never changed: save a copy of your own first (File > Save a copy as…), "
                            "then import into it. Nothing was imported."));
        return {};
    }
    const std::filesystem::path source = url.toLocalFile().toStdString();
    Result<ImportSummary> summary = fail("unknown import kind");
    {
        auto writer = Database::open(m_db.path(), Database::Mode::ReadWrite);
        if (!writer) {
            m_notices.check(writer);
            return {};
        }
        if (kind == "dataset")
            summary = importDataset(*writer, source);
        else if (kind == "districts")
            summary = importDistrictFile(*writer, source, {});
    }
    if (!summary) {
        m_notices.report(QString::fromStdString(summary.error().message) + tr(" (nothing was imported)"));
        return {};
    }
    if (auto ok = reopen(m_db.path()); !ok)
        m_notices.check(ok);
    QString text = QString::fromStdString(summary->toString());
    for (const auto &remark : summary->remarks)
        text += '\n' + QString::fromStdString(remark);
    return text;
}

const District *Dataset::districtAtSlot(std::size_t slot) const
{
    return slot < m_indexOfSlot.size() && m_indexOfSlot[slot] >= 0 ? &m_districts[std::size_t(m_indexOfSlot[slot])] : nullptr;
}

const District *Dataset::district(const std::string &id) const
{
    auto it = std::ranges::lower_bound(m_districts, id, {}, &District::id);
    return it != m_districts.end() && it->id == id ? &*it : nullptr;
}

QStringList Dataset::factionNames(const std::vector<std::string> &ids) const
{
    QStringList names;
    for (const auto &id : ids) {
        auto it = std::ranges::find(m_factions, id, &Faction::id);
        names << shown(it == m_factions.end() ? id : it->name);
    }
    return names;
}
