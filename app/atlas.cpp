// SPDX-License-Identifier: MIT
#include "atlas.h"

#include "geometry/hatch.h"
#include "import/datasetimporter.h"
#include "import/vectorimport.h"
#include "map/mapstyle.h"
#include "query/statistics.h"
#include "svgexporter.h"
#include "text/naturalorder.h"
#include "text/utf8.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QProcess>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <map>
#include <numeric>
#include <ranges>

using namespace frontline;

Q_LOGGING_CATEGORY(lcAtlas, "frontline.atlas")

namespace {
//! Parts with more vertices are simplified for display, so a surveyed boundary cannot freeze the map.
constexpr std::size_t kMaxVerticesPerPart = 4000;
//! Up to this many districts the map draws one Qt Location item per district (labels, hatching, outlines);
//! beyond, one batched scene-graph layer (docs/performance.md has the comparison).
constexpr std::size_t kItemLimit = 3000;
//! The day panel lists at most this many of a day's changes, and compare mode this many districts.
constexpr int kDayChangesShown = 500;
constexpr qsizetype kComparedListed = 2000;
} // namespace

namespace {
QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

//! Dataset text as shown: without bidi overrides (which can make text read differently from what it says)
//! and cut at a length a panel can lay out; the rest is announced, not silently dropped.
QString shown(const std::string &s)
{
    constexpr qsizetype kLimit = 20'000;
    QString text = QString::fromStdString(withoutBidiControls(s));
    if (text.size() > kLimit)
        text = text.left(kLimit) + QObject::tr("… [%1 more characters not shown]").arg(text.size() - kLimit);
    return text;
}

//! One piece of evidence as the panels show it.
QVariantMap evidenceMap(const Evidence &e)
{
    return {{"text", shown(e.excerpt.text)}, {"quote", e.excerpt.kind == ExcerptKind::Quote},
        {"stance", qs(std::string(toString(e.stance)))}, {"publisher", shown(e.source.publisher)},
        {"author", shown(e.source.author)}, {"title", shown(e.source.title)}, {"url", shown(e.source.url)},
        {"date", shown(e.source.date)}};
}

QVariantList pathOf(const std::vector<LonLat> &line)
{
    QVariantList path;
    for (auto p : line)
        path.append(QVariant::fromValue(QGeoCoordinate(p.lat, p.lon)));
    return path;
}
} // namespace

Atlas::Atlas(Database db, QObject *parent) : QObject(parent), m_db(std::move(db)), m_queries(m_db)
{
}

Result<std::unique_ptr<Atlas>> Atlas::open(const std::filesystem::path &path, Renderer renderer)
{
    auto db = Database::open(path, Database::Mode::ReadOnly);
    if (!db)
        return std::unexpected(db.error());
    std::unique_ptr<Atlas> atlas(new Atlas(std::move(*db)));
    atlas->m_rendererKind = renderer;
    if (auto ok = atlas->load(); !ok)
        return fail(path.string() + ": " + ok.error().message);
    return atlas;
}

Result<void> Atlas::reopen(const std::filesystem::path &path)
{
    auto db = Database::open(path, Database::Mode::ReadOnly);
    if (!db)
        return std::unexpected(db.error());
    const Date previous = m_date;
    m_db = std::move(*db); // m_queries refers to the member, which now holds the new connection
    m_colours.clear();
    m_days.clear();
    m_changeDays.clear();
    if (auto ok = load(); !ok)
        return ok;
    if (previous != Date{})
        setDate(previous);
    emit datasetChanged();
    emit totalsChanged();
    emit dayChanged();
    select(QString());
    return {};
}

void Atlas::exportAnimation(const QUrl &file, int daysPerSecond)
{
    if (m_exporting)
        return;
    auto *process = new QProcess(this);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen")); // no window while it renders
    process->setProcessEnvironment(environment);
    process->setProcessChannelMode(QProcess::MergedChannels);
    const QString output = file.toLocalFile();
    connect(process, &QProcess::finished, this, [this, process, output](int code, QProcess::ExitStatus status) {
        const bool ok = status == QProcess::NormalExit && code == 0;
        m_exporting = false;
        emit exportingChanged();
        emit exportFinished(ok, ok ? tr("Saved %1").arg(output) : QString::fromUtf8(process->readAll()).trimmed());
        process->deleteLater();
    });
    m_exporting = true;
    emit exportingChanged();
    process->start(m_renderer.isEmpty() ? QCoreApplication::applicationFilePath() : m_renderer,
        {QStringLiteral("render"), QStringLiteral("--db"), databasePath(), QStringLiteral("--from"), firstDateText(),
            QStringLiteral("--to"), lastDateText(), QStringLiteral("--days-per-second"), QString::number(daysPerSecond),
            QStringLiteral("-o"), output});
}

bool Atlas::exportSvg(const QUrl &file, const QGeoCoordinate &center, double zoom, QSize size)
{
    const QString error = ::exportSvg(*this, file.toLocalFile(), center, zoom, size);
    if (!error.isEmpty())
        setError(error);
    return error.isEmpty();
}

QString Atlas::attribution() const
{
    QStringList parts{m_title};
    if (!m_licence.isEmpty())
        parts << m_licence;
    if (auto publishers = m_queries.publishersAt(m_date); publishers && !publishers->empty()) {
        constexpr std::size_t kNamed = 6;
        QStringList names;
        for (std::size_t i = 0; i < std::min(kNamed, publishers->size()); ++i)
            names << shown((*publishers)[i]);
        QString sources = tr("Sources: %1").arg(names.join(QStringLiteral(", ")));
        if (publishers->size() > kNamed)
            sources += tr(" and %1 more").arg(publishers->size() - kNamed);
        parts << sources;
    }
    if (basemapOpen() && !m_tiles->attribution().isEmpty())
        parts << tr("Basemap: %1").arg(m_tiles->attribution());
    return parts.join(QStringLiteral(" · "));
}

void Atlas::setAttributionShown(bool shown)
{
    if (shown == m_attributionShown)
        return;
    m_attributionShown = shown;
    emit attributionShownChanged();
}

bool Atlas::basemapOpen() const
{
    return m_tiles && m_tiles->isOpen();
}
int Atlas::basemapMinZoom() const
{
    return m_tiles ? m_tiles->minZoom() : 0;
}
int Atlas::basemapMaxZoom() const
{
    return m_tiles ? m_tiles->maxZoom() : 0;
}

bool Atlas::openBasemap(const QUrl &file)
{
    if (!m_tiles)
        return false;
    QString error;
    const bool ok = m_tiles->open(file.isEmpty() ? QString() : file.toLocalFile(), &error);
    if (!ok)
        setError(error);
    emit basemapChanged();
    return ok;
}

bool Atlas::openDatabase(const QUrl &file)
{
    const std::filesystem::path path = file.toLocalFile().toStdString();
    const std::filesystem::path current = m_db.path();
    if (auto ok = reopen(path); !ok) {
        setError(qs(ok.error().message));
        if (m_db.path() != current) // the new file opened but could not be read: go back
            (void)reopen(current);
        return false;
    }
    return true;
}

QString Atlas::importInto(const QString &kind, const QUrl &url)
{
    const std::filesystem::path source = url.toLocalFile().toStdString();
    Result<ImportSummary> summary = fail("unknown import kind");
    {
        auto writer = Database::open(m_db.path(), Database::Mode::ReadWrite);
        if (!writer) {
            setError(qs(writer.error().message));
            return {};
        }
        if (kind == "dataset")
            summary = importDataset(*writer, source);
        else if (kind == "districts")
            summary = importDistrictFile(*writer, source, {});
    }
    if (!summary) {
        setError(qs(summary.error().message) + tr(" (nothing was imported)"));
        return {};
    }
    if (auto ok = reopen(m_db.path()); !ok)
        setError(qs(ok.error().message));
    QString text = qs(summary->toString());
    for (const auto &remark : summary->remarks)
        text += '\n' + qs(remark);
    return text;
}

Result<void> Atlas::load()
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
    m_districtList = std::move(*districts);
    m_districtAtSlot.clear();
    for (std::size_t i = 0; i < m_districtList.size(); ++i) {
        const auto slot = std::size_t(m_districtList[i].number - 1);
        m_districtAtSlot.resize(std::max(m_districtAtSlot.size(), slot + 1), -1);
        m_districtAtSlot[slot] = int(i);
    }
    // The day's list sorts changes by district name: by these numbers, a name compared once per district.
    // Natural order: "District 2" before "District 10".
    std::vector<std::string> keys(m_districtList.size());
    std::ranges::transform(m_districtList, keys.begin(), [](const District &d) { return naturalSortKey(d.name); });
    std::vector<std::uint32_t> byName(m_districtList.size());
    std::iota(byName.begin(), byName.end(), 0u);
    std::ranges::sort(byName, {}, [&](std::uint32_t i) -> const std::string & { return keys[i]; });
    m_nameRank.assign(m_districtList.size(), 0);
    for (std::size_t k = 1; k < byName.size(); ++k)
        m_nameRank[byName[k]] = m_nameRank[byName[k - 1]] + (keys[byName[k]] == keys[byName[k - 1]] ? 0 : 1);
    m_controlTexts.clear();
    for (const auto &f : m_factions)
        m_colours[f.id] = QColor(qs(f.colour));
    m_first = span->first;
    m_last = span->last;
    m_title = shown((*meta)["name"]);
    m_licence = shown((*meta)["license"]);
    BoundingBox box = m_districtList.front().bbox;
    for (const auto &d : m_districtList) {
        box.min = {std::min(box.min.lon, d.bbox.min.lon), std::min(box.min.lat, d.bbox.min.lat)};
        box.max = {std::max(box.max.lon, d.bbox.max.lon), std::max(box.max.lat, d.bbox.max.lat)};
    }
    m_bounds = QGeoRectangle(QGeoCoordinate(box.max.lat, box.min.lon), QGeoCoordinate(box.min.lat, box.max.lon));
    m_hatchSpacing = std::max(box.max.lon - box.min.lon, box.max.lat - box.min.lat) / 160;
    m_hatchPaths.clear();
    m_batched =
        m_rendererKind == Renderer::Batched || (m_rendererKind == Renderer::Automatic && m_districtList.size() > kItemLimit);
    m_totals.clear();
    if (!m_batched) {
        setTotals(dailyTotals(m_db), m_queries.changeDays());
    } else { // a long war takes seconds to total: the map opens first, the timeline marks and chart follow
        m_totalsWorker = std::jthread([this, path = m_db.path(), generation = ++m_generation] {
            auto db = Database::open(path, Database::Mode::ReadOnly);
            if (!db)
                return;
            auto totals = dailyTotals(*db);
            auto days = ControlQueries(*db).changeDays();
            QMetaObject::invokeMethod(
                this,
                [this, totals = std::move(totals), days = std::move(days), generation] {
                    if (generation == m_generation) {
                        setTotals(totals, days);
                        emit totalsChanged();
                    }
                },
                Qt::QueuedConnection);
        });
    }
    m_districts.setDistricts(m_batched ? std::vector<District>{} : m_districtList);
    m_date = m_first;
    try {
        m_territory.emplace(m_db, m_districtList, m_colours, m_date.dayNumber(),
            m_batched ? Territory::Lines::Untraced : Territory::Lines::Traced); // the batched layer draws the front itself
    } catch (const SqlError &e) {
        return fail(std::string("cannot read the control history: ") + e.what());
    }
    refresh();
    return {};
}

void Atlas::setTotals(const Result<std::vector<HolderTotal>> &totals, const Result<std::vector<ChangeDay>> &days)
{
    m_days.clear();
    m_changeDays.clear();
    if (days)
        for (const auto &d : *days) {
            m_days.push_back(d.date);
            m_changeDays.append(QVariantMap{{"day", m_first.daysTo(d.date)}, {"changes", d.changes}});
        }
    m_totals.clear();
    if (!totals)
        return;
    std::map<std::string, QVariantList> counts;
    for (const auto &t : *totals)
        if (t.date >= m_first)
            counts[t.holder].append(t.districts);
    for (const auto &f : m_factions)
        m_totals.append(
            QVariantMap{{"holder", qs(f.id)}, {"name", shown(f.name)}, {"colour", m_colours[f.id]}, {"counts", counts[f.id]}});
    m_totals.append(QVariantMap{
        {"holder", "contested"}, {"name", tr("Contested")}, {"colour", QColor(Qt::gray)}, {"counts", counts["contested"]}});
}

QString Atlas::dateText() const
{
    return qs(m_date.toString());
}

std::vector<std::vector<LonLat>> Atlas::frontLineOfDay() const
{
    std::vector<std::vector<LonLat>> out;
    if (!m_batched) {
        for (const auto line : m_territory->frontLine())
            out.emplace_back(line.begin(), line.end());
    } else if (auto lines = m_queries.frontLine(m_date)) { // the batched layer traces it in pixels only
        out = std::move(*lines);
    }
    return out;
}

QString Atlas::dataEndNote() const
{
    return m_date > m_last ? tr("Data end on %1: nothing recorded since").arg(lastDateText()) : QString();
}

void Atlas::setDate(Date date)
{
    moveTo(std::max(date, m_first));
}

void Atlas::setDay(int day)
{
    moveTo(m_first.addDays(std::clamp(day, 0, dayCount() - 1)));
}

void Atlas::moveTo(Date date)
{
    if (date == m_date)
        return;
    m_date = date;
    refresh();
    emit dayChanged();
    if (m_compareDay >= 0)
        refreshComparison();
    if (!m_selected.isEmpty())
        select(m_selected); // the selected district's "current holder" depends on the day
}

void Atlas::jumpToChange(int direction)
{
    if (direction > 0) {
        auto it = std::ranges::upper_bound(m_days, m_date);
        if (it != m_days.end())
            setDate(*it);
    } else {
        auto it = std::ranges::lower_bound(m_days, m_date);
        if (it != m_days.begin())
            setDate(*std::prev(it));
    }
}

void Atlas::refresh()
{
    try {
        m_territory->moveTo(m_date.dayNumber());
    } catch (const SqlError &e) {
        setError(qs(e.what()));
        return;
    }
    m_factionSummary.clear();
    auto holder = [&](const std::string &id) {
        auto it = std::ranges::find(m_territory->holders(), id, &Territory::Holder::id);
        return it == m_territory->holders().end() ? Territory::Holder{id} : *it;
    };
    for (const auto &f : m_factions)
        m_factionSummary.append(QVariantMap{{"id", qs(f.id)}, {"name", shown(f.name)}, {"colour", QColor(qs(f.colour))},
            {"districts", holder(f.id).districts}, {"areaKm2", holder(f.id).areaKm2}});
    // The contested swatch as the map draws a contest of the dataset's first two sides: a pale fill of the one
    // under stripes of the other.
    QColor pale = m_factions.empty() ? QColor(Qt::gray) : QColor(qs(m_factions[0].colour));
    pale.setAlpha(110);
    const QColor stripes = m_factions.size() > 1 ? QColor(qs(m_factions[1].colour)) : QColor(Qt::gray);
    m_factionSummary.append(QVariantMap{{"id", "contested"}, {"name", tr("Contested")}, {"colour", pale}, {"stripes", stripes},
        {"districts", holder("contested").districts}, {"areaKm2", holder("contested").areaKm2}});
    m_frontLine.clear();
    if (!m_batched) // the batched layer draws it itself
        for (const auto line : m_territory->frontLine())
            m_frontLine.append(QVariant(pathOf(std::vector<LonLat>(line.begin(), line.end()))));
    m_incidents.clear();
    if (auto incidents = m_queries.incidentsOn(m_date)) {
        for (const auto &i : *incidents) {
            QVariantList evidence;
            for (const auto &e : i.evidence)
                evidence.append(evidenceMap(e));
            m_incidents.append(QVariantMap{{"id", qs(i.id)}, {"place", shown(i.place)}, {"placeArabic", shown(i.placeArabic)},
                {"coordinate", QVariant::fromValue(i.at ? QGeoCoordinate(i.at->lat, i.at->lon) : QGeoCoordinate())},
                {"located", i.at.has_value()}, {"description", shown(i.description)},
                {"confidence", qs(std::string(toString(i.confidence)))}, {"locationConfidence", shown(i.locationConfidence)},
                {"evidence", evidence}});
        }
    }
    refreshDayChanges();
    m_hatches.clear();
    if (m_batched)
        return;
    auto states = m_queries.stateAt(m_date);
    if (!states) {
        setError(qs(states.error().message));
        return;
    }
    // The first day is the initial state, not a change of hands: nothing is ringed on it.
    m_districts.setStates(*states, m_colours, m_date == m_first ? Date{} : m_date);
    for (const auto &s : *states) {
        if (!s.change || (s.change->state != ControlState::Contested && !s.change->inferred))
            continue;
        const QColor other = s.change->factions.size() > 1 && m_colours.contains(s.change->factions[1])
            ? m_colours.at(s.change->factions[1])
            : QColor(Qt::gray);
        const QColor colour = MapStyle::stripes(s.change->state, s.change->inferred, other);
        for (const auto &path : hatchPathsOf(s.districtId))
            m_hatches.append(QVariantMap{{"path", path}, {"colour", colour}});
    }
}

void Atlas::refreshDayChanges()
{
    // District and control numbers from the covering day index; names and controls are already in memory.
    // Rows come in the order of the changes, which the list keeps within a name: the sort key is the name's
    // rank, then the row's position.
    auto changes = m_queries.changesOn(m_date);
    if (!changes) {
        setError(qs(changes.error().message));
        return;
    }
    struct Listed {
        std::uint64_t order;
        std::uint32_t district; //!< index into m_districtList
        std::uint16_t control;
    };
    std::vector<Listed> rows;
    for (const DayChange &change : *changes) {
        const auto slot = std::size_t(change.district - 1);
        if (slot < m_districtAtSlot.size() && m_districtAtSlot[slot] >= 0) {
            const auto district = std::uint32_t(m_districtAtSlot[slot]);
            rows.push_back({std::uint64_t(m_nameRank[district]) << 32 | rows.size(), district, change.control});
        }
    }
    m_dayChangeCount = int(rows.size());
    const auto listed = rows.begin() + std::min<std::ptrdiff_t>(std::ssize(rows), kDayChangesShown);
    std::ranges::partial_sort(rows, listed, {}, &Listed::order);
    std::vector<DayChangeModel::Row> shownRows;
    shownRows.reserve(std::size_t(listed - rows.begin()));
    for (auto row = rows.begin(); row != listed; ++row) {
        const District &d = m_districtList[row->district];
        const ControlText &text = controlText(row->control);
        shownRows.push_back({qs(d.id), shown(d.name), text.summary, text.confidence});
    }
    m_dayChanges.setRows(std::move(shownRows));
}

const Atlas::ControlText &Atlas::controlText(std::uint16_t control)
{
    if (control >= m_controlTexts.size())
        m_controlTexts.resize(std::size_t(control) + 1);
    auto &text = m_controlTexts[control];
    if (!text) {
        const Control &c = m_territory->control(control);
        QStringList sides;
        for (const auto &f : c.factions) {
            auto it = std::ranges::find(m_factions, f, &Faction::id);
            sides << shown(it == m_factions.end() ? f : it->name);
        }
        const QString summary = c.state == ControlState::Held ? tr("held by %1").arg(sides.join(QString()))
                                                              : tr("contested: %1").arg(sides.join(tr(" / ")));
        text = ControlText{c.inferred ? tr("%1, inferred").arg(summary) : summary, qs(std::string(toString(c.confidence)))};
    }
    return *text;
}

void Atlas::select(const QString &districtId)
{
    m_selected = districtId;
    m_selection.clear();
    auto district = std::ranges::find(m_districtList, districtId.toStdString(), &District::id);
    if (district != m_districtList.end()) {
        auto history = m_queries.history(district->id);
        if (!history) {
            setError(qs(history.error().message));
            return;
        }
        auto factionName = [&](const std::string &id) {
            auto f = std::ranges::find(m_factions, id, &Faction::id);
            return f == m_factions.end() ? shown(id) : shown(f->name);
        };
        QVariantList changes;
        QString holder, since;
        for (const auto &item : *history) {
            const auto &c = item.change;
            QStringList sides;
            for (const auto &f : c.factions)
                sides << factionName(f);
            const QString summary = c.state == ControlState::Held ? tr("Held by %1").arg(sides.join(QString()))
                                                                  : tr("Contested: %1").arg(sides.join(tr(" / ")));
            QVariantList evidence;
            int supports = 0, disputes = 0, context = 0, infers = 0;
            QString basis; // what an inferred change rests on: the first inferring source
            for (const auto &e : item.evidence) {
                evidence.append(evidenceMap(e));
                ++(e.stance == Stance::Supports        ? supports
                        : e.stance == Stance::Disputes ? disputes
                        : e.stance == Stance::Infers   ? infers
                                                       : context);
                if (e.stance == Stance::Infers && basis.isEmpty())
                    basis = shown(e.source.publisher) + (e.source.date.empty() ? QString() : ", " + shown(e.source.date));
            }
            const bool current = c.date <= m_date;
            if (current) {
                if (holder != summary)
                    since = qs(c.date.toString());
                holder = summary;
            }
            changes.append(QVariantMap{{"date", qs(c.date.toString())}, {"summary", summary},
                {"confidence", qs(std::string(toString(c.confidence)))}, {"note", shown(c.note)}, {"evidence", evidence},
                {"future", !current}, {"supports", supports}, {"disputes", disputes}, {"context", context}, {"infers", infers},
                {"inferred", c.inferred}, {"inferredFrom", c.inferred ? tr("Inferred from %1").arg(basis) : QString()}});
        }
        QVariantList outline; // the outer ring of each part, for the batched map to draw the selection
        for (const auto &part : district->parts)
            if (!part.empty())
                outline.append(QVariant(pathOf(part.front())));
        m_selection = {{"id", districtId}, {"name", shown(district->name)}, {"nameArabic", shown(district->nameArabic)},
            {"holder", holder.isEmpty() ? tr("Unknown on this day") : holder}, {"since", since}, {"changes", changes},
            {"outline", outline}};
    }
    emit selectionChanged();
}

bool Atlas::selectByName(const QString &key)
{
    auto id = m_queries.findDistrict(key.toStdString());
    if (!id) {
        setError(qs(id.error().message));
        return false;
    }
    select(qs(*id));
    return true;
}

void Atlas::selectAt(const QGeoCoordinate &coordinate)
{
    auto hit = m_queries.districtAt({coordinate.longitude(), coordinate.latitude()});
    select(hit && *hit ? qs(**hit) : QString());
}

QGeoCoordinate Atlas::anchorOf(const QString &districtId) const
{
    auto d = std::ranges::find(m_districtList, districtId.toStdString(), &District::id);
    return d == m_districtList.end() ? QGeoCoordinate() : QGeoCoordinate(d->centroid.lat, d->centroid.lon);
}

void Atlas::setCompareDay(int day)
{
    day = day < 0 ? -1 : std::min(day, dayCount() - 1);
    if (day == m_compareDay)
        return;
    m_compareDay = day;
    refreshComparison();
}

void Atlas::refreshComparison()
{
    m_compared.clear();
    QSet<QString> changed;
    if (m_compareDay >= 0) {
        try {
            const auto now = controlindex::stateAt(m_db, m_date.dayNumber());
            const auto then = controlindex::stateAt(m_db, m_first.addDays(m_compareDay).dayNumber());
            auto describe = [&](std::uint16_t number) {
                if (number == 0)
                    return tr("unknown");
                const Control &c = m_territory->control(number);
                QStringList sides;
                for (const auto &f : c.factions) {
                    auto it = std::ranges::find(m_factions, f, &Faction::id);
                    sides << shown(it == m_factions.end() ? f : it->name);
                }
                return c.state == ControlState::Held ? sides.join(QString()) : tr("contested: %1").arg(sides.join(tr(" / ")));
            };
            for (const auto &d : m_districtList) {
                const auto slot = std::size_t(d.number - 1);
                if (slot >= now.size() || slot >= then.size())
                    continue;
                const std::uint16_t a = then[slot], b = now[slot];
                const bool same = a == b
                    || (a && b && m_territory->control(a).state == m_territory->control(b).state
                        && m_territory->control(a).factions == m_territory->control(b).factions);
                if (same)
                    continue;
                changed.insert(qs(d.id));
                if (m_compared.size() < kComparedListed)
                    m_compared.append(QVariantMap{
                        {"districtId", qs(d.id)}, {"name", shown(d.name)}, {"before", describe(a)}, {"after", describe(b)}});
            }
        } catch (const SqlError &e) {
            setError(qs(e.what()));
        }
    }
    m_districts.setCompared(changed);
    emit compareChanged();
}

bool Atlas::goToDate(const QString &text)
{
    auto date = Date::parse(text.trimmed().toStdString());
    if (!date)
        return false;
    if (*date < m_first) {
        setError(tr("%1 is before the data, which cover %2 to %3").arg(qs(date->toString()), firstDateText(), lastDateText()));
        return false;
    }
    setDate(*date);
    return true;
}

void Atlas::jumpToDistrictChange(int direction)
{
    if (m_selected.isEmpty())
        return;
    auto history = m_queries.history(m_selected.toStdString());
    if (!history)
        return;
    std::optional<Date> target;
    for (const auto &item : *history) {
        const Date d = item.change.date;
        if (direction > 0 && d > m_date && (!target || d < *target))
            target = d;
        if (direction < 0 && d < m_date && (!target || d > *target))
            target = d;
    }
    if (target)
        setDate(*target);
}

QVariantList Atlas::search(const QString &query)
{
    QVariantList out;
    if (query.trimmed().isEmpty())
        return out;
    auto hits = m_queries.search(query.toStdString(), 50);
    if (!hits) // a query FTS cannot parse: try it as one quoted phrase
        hits = m_queries.search("\"" + query.toStdString() + "\"", 50);
    if (!hits)
        return out;
    for (const auto &h : *hits)
        out.append(QVariantMap{{"districtId", qs(h.districtId)}, {"name", shown(h.districtName)},
            {"date", h.date ? qs(h.date->toString()) : QString()}, {"day", h.date ? m_first.daysTo(*h.date) : -1},
            {"text", shown(h.text)}, {"kind", h.changeId.empty() ? "name" : "excerpt"}});
    return out;
}

const QVariantList &Atlas::hatchPathsOf(const std::string &districtId)
{
    auto it = m_hatchPaths.find(districtId);
    if (it == m_hatchPaths.end()) {
        QVariantList paths;
        if (auto wkb = m_queries.geometry(districtId))
            for (const auto &line : hatchLines(*wkb, m_hatchSpacing))
                paths.append(QVariant(pathOf(line)));
        it = m_hatchPaths.emplace(districtId, std::move(paths)).first;
    }
    return it->second;
}

void Atlas::setError(const QString &error)
{
    qCWarning(lcAtlas) << error;
    m_error = error;
    emit errorStringChanged();
}
