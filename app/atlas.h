// SPDX-License-Identifier: MIT
#pragma once

#include "daychangemodel.h"
#include "districtmodel.h"
#include "map/territory.h"
#include "query/controlqueries.h"
#include "query/statistics.h"
#include "storage/database.h"
#include "tilesource.h"

#include <QGeoCoordinate>
#include <QGeoRectangle>
#include <QObject>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <thread>

//! One open dataset as the viewer sees it: the current day, the districts coloured for that day,
//! the front line, and the selected district with its sources. Owns its read-only database connection.
//! Lives in the GUI thread. Days are exposed to QML as indexes from the first day, never as JS Dates.
class Atlas : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("opened by the application")
    Q_PROPERTY(QString title READ title NOTIFY datasetChanged)
    Q_PROPERTY(int dayCount READ dayCount NOTIFY datasetChanged)
    Q_PROPERTY(int day READ day WRITE setDay NOTIFY dayChanged)
    Q_PROPERTY(QString dateText READ dateText NOTIFY dayChanged)
    Q_PROPERTY(QString dataEndNote READ dataEndNote NOTIFY dayChanged)
    Q_PROPERTY(QString attribution READ attribution NOTIFY dayChanged)
    Q_PROPERTY(bool attributionShown READ attributionShown WRITE setAttributionShown NOTIFY attributionShownChanged)
    Q_PROPERTY(QString firstDateText READ firstDateText NOTIFY datasetChanged)
    Q_PROPERTY(QString lastDateText READ lastDateText NOTIFY datasetChanged)
    Q_PROPERTY(DistrictModel *districts READ districts CONSTANT)
    Q_PROPERTY(QVariantList factions READ factions NOTIFY dayChanged)
    Q_PROPERTY(QVariantList frontLine READ frontLine NOTIFY dayChanged)
    Q_PROPERTY(QVariantList hatches READ hatches NOTIFY dayChanged)
    Q_PROPERTY(DayChangeModel *dayChanges READ dayChanges CONSTANT)
    Q_PROPERTY(int dayChangeCount READ dayChangeCount NOTIFY dayChanged)
    Q_PROPERTY(QVariantList incidents READ incidents NOTIFY dayChanged)
    Q_PROPERTY(QVariantList totals READ totals NOTIFY totalsChanged)
    Q_PROPERTY(int compareDay READ compareDay WRITE setCompareDay NOTIFY compareChanged)
    Q_PROPERTY(QVariantList compared READ compared NOTIFY compareChanged)
    Q_PROPERTY(QString compareDateText READ compareDateText NOTIFY compareChanged)
    Q_PROPERTY(QVariantList changeDays READ changeDays NOTIFY totalsChanged)
    Q_PROPERTY(QGeoRectangle bounds READ bounds NOTIFY datasetChanged)
    Q_PROPERTY(QString selectedDistrict READ selectedDistrict WRITE select NOTIFY selectionChanged)
    Q_PROPERTY(QVariantMap selection READ selection NOTIFY selectionChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    Q_PROPERTY(QString databasePath READ databasePath NOTIFY datasetChanged)
    Q_PROPERTY(bool basemapOpen READ basemapOpen NOTIFY basemapChanged)
    Q_PROPERTY(bool exporting READ exporting NOTIFY exportingChanged)
    Q_PROPERTY(int basemapMinZoom READ basemapMinZoom NOTIFY basemapChanged)
    Q_PROPERTY(int basemapMaxZoom READ basemapMaxZoom NOTIFY basemapChanged)
    Q_PROPERTY(bool batched READ batched NOTIFY datasetChanged)
    Q_PROPERTY(int districtCount READ districtCount NOTIFY datasetChanged)

public:
    //! How districts are drawn: one Qt Location item each, or one batched layer (DistrictLayer).
    enum class Renderer { Automatic, Items, Batched };

    //! Opens a Frontline database read-only; the error names the file and the problem.
    [[nodiscard]] static frontline::Result<std::unique_ptr<Atlas>> open(
        const std::filesystem::path &path, Renderer renderer = Renderer::Automatic);

    [[nodiscard]] QString title() const { return m_title; }
    //! Whether districts are drawn by the batched layer (large datasets) rather than one item each.
    [[nodiscard]] bool batched() const { return m_batched; }
    [[nodiscard]] int districtCount() const { return int(m_districtList.size()); }
    //! Every district's control on the current day, for the batched layer.
    [[nodiscard]] const Territory &territory() const { return *m_territory; }
    //! The districts with their (display-simplified) polygons.
    [[nodiscard]] const std::vector<frontline::District> &districtList() const { return m_districtList; }
    [[nodiscard]] int dayCount() const { return m_first.daysTo(m_last) + 1; }
    [[nodiscard]] int day() const { return m_first.daysTo(m_date); }
    void setDay(int day);
    [[nodiscard]] frontline::Date date() const { return m_date; }
    //! Moves to a calendar date: clamped to the first day before the span; after it, the date itself, showing the
    //! span's last state (nothing was recorded since) with dataEndNote saying so.
    void setDate(frontline::Date date);
    [[nodiscard]] QString dateText() const;
    //! For a date after the span: that the data end on its last day; empty within it.
    [[nodiscard]] QString dataEndNote() const;
    //! The credit line an exported picture carries: the dataset's name and licence, the publishers behind the day's
    //! map (most cited first), and the basemap's attribution when one is drawn. Made when asked (a query).
    [[nodiscard]] QString attribution() const;
    //! Whether exported pictures carry it (on unless the user turns it off).
    [[nodiscard]] bool attributionShown() const { return m_attributionShown; }
    void setAttributionShown(bool shown);
    [[nodiscard]] QString firstDateText() const { return QString::fromStdString(m_first.toString()); }
    [[nodiscard]] QString lastDateText() const { return QString::fromStdString(m_last.toString()); }
    [[nodiscard]] DistrictModel *districts() { return &m_districts; }
    [[nodiscard]] QVariantList factions() const { return m_factionSummary; }
    [[nodiscard]] QVariantList frontLine() const { return m_frontLine; }
    //! The day's front line as lines of points, whichever way the map draws it.
    [[nodiscard]] std::vector<std::vector<frontline::LonLat>> frontLineOfDay() const;
    //! The changes that start on the current day, the first 500 by name.
    [[nodiscard]] DayChangeModel *dayChanges() { return &m_dayChanges; }
    //! How many changes start on the current day, listed or not.
    [[nodiscard]] int dayChangeCount() const { return m_dayChangeCount; }
    //! The day's incidents: {id, place, placeArabic, coordinate (invalid if not placed), located, description,
    //! confidence, locationConfidence, evidence: [as in selection]}.
    [[nodiscard]] QVariantList incidents() const { return m_incidents; }
    //! Districts per holder per day, for the territory chart: {holder, name, colour, counts: [int per day]}.
    [[nodiscard]] QVariantList totals() const { return m_totals; }
    //! The day compared with the current one, or -1 when not comparing.
    [[nodiscard]] int compareDay() const { return m_compareDay; }
    void setCompareDay(int day);
    //! Districts whose control differs between the current day and compareDay: {districtId, name, before, after}.
    [[nodiscard]] QVariantList compared() const { return m_compared; }
    [[nodiscard]] QString compareDateText() const
    {
        return m_compareDay < 0 ? QString() : QString::fromStdString(m_first.addDays(m_compareDay).toString());
    }
    //! Stripes over contested districts in the colour of their second side: {path, colour} each.
    [[nodiscard]] QVariantList hatches() const { return m_hatches; }
    [[nodiscard]] QVariantList changeDays() const { return m_changeDays; }
    [[nodiscard]] QGeoRectangle bounds() const { return m_bounds; }
    [[nodiscard]] QString selectedDistrict() const { return m_selected; }
    [[nodiscard]] QVariantMap selection() const { return m_selection; }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] QString databasePath() const { return QString::fromStdString(m_db.path().string()); }
    [[nodiscard]] const frontline::Database &database() const { return m_db; }
    [[nodiscard]] frontline::Date firstDate() const { return m_first; }
    //! Each faction's colour, by id.
    [[nodiscard]] const std::unordered_map<std::string, QColor> &colours() const { return m_colours; }

    //! Where basemap tiles come from (owned by the QML engine, which serves them as image://basemap/z/x/y).
    void setTileSource(TileSource *tiles) { m_tiles = tiles; }
    [[nodiscard]] bool basemapOpen() const;
    [[nodiscard]] int basemapMinZoom() const;
    [[nodiscard]] int basemapMaxZoom() const;
    [[nodiscard]] bool exporting() const { return m_exporting; }
    //! The `frontline` executable that renders exports (default: this program).
    void setRendererProgram(const QString &program) { m_renderer = program; }
    //! Renders the whole timeline to a video (MP4 or GIF, by the file name) in the background, with the
    //! command line's renderer; exportFinished() says how it went.
    Q_INVOKABLE void exportAnimation(const QUrl &file, int daysPerSecond);
    //! Saves the current day's map as SVG, as seen at `center` and `zoom` in a view of `size`; false and
    //! errorString on failure.
    Q_INVOKABLE bool exportSvg(const QUrl &file, const QGeoCoordinate &center, double zoom, QSize size);
    //! Shows a user-supplied offline basemap (MBTiles file or z/x/y tile folder); an empty URL removes it.
    Q_INVOKABLE bool openBasemap(const QUrl &file);

    //! Opens another database in place of this one; on failure keeps the current one and sets errorString.
    Q_INVOKABLE bool openDatabase(const QUrl &file);
    //! Imports into the open database (`kind`: "dataset" for a folder, "districts" for a boundary file in any
    //! vector format), then reloads. Returns the import summary, or sets errorString and returns "".
    Q_INVOKABLE QString importInto(const QString &kind, const QUrl &path);

    Q_INVOKABLE void stepDays(int days) { setDay(day() + days); }
    //! Jumps to a typed date; false (and nothing changes) if it is not YYYY-MM-DD.
    Q_INVOKABLE bool goToDate(const QString &text);
    //! Jumps to the selected district's next (or, with -1, previous) change.
    Q_INVOKABLE void jumpToDistrictChange(int direction);
    //! Names and excerpts matching a query: {districtId, name, date, day, text, kind}.
    Q_INVOKABLE QVariantList search(const QString &query);
    //! Jumps to the next (or, with -1, previous) day that has changes.
    Q_INVOKABLE void jumpToChange(int direction);
    Q_INVOKABLE void select(const QString &districtId);
    //! Selects a district by id or any of its names; false (and errorString) if none or several match.
    bool selectByName(const QString &key);
    //! Selects the district under a map coordinate (or clears the selection).
    Q_INVOKABLE void selectAt(const QGeoCoordinate &coordinate);
    //! The representative point of a district (inside it), for tests and labels.
    Q_INVOKABLE QGeoCoordinate anchorOf(const QString &districtId) const;

signals:
    void datasetChanged();
    void totalsChanged();
    void dayChanged();
    void selectionChanged();
    void errorStringChanged();
    void compareChanged();
    void basemapChanged();
    void attributionShownChanged();
    void exportingChanged();
    void exportFinished(bool ok, const QString &message);

private:
    void moveTo(frontline::Date date);
    Atlas(frontline::Database db, QObject *parent = nullptr);
    frontline::Result<void> load();
    frontline::Result<void> reopen(const std::filesystem::path &path);
    void refresh();
    void refreshDayChanges();
    //! How the day's list describes a control ("held by …" or "contested: … / …") and its confidence.
    struct ControlText {
        QString summary, confidence;
    };
    const ControlText &controlText(std::uint16_t control);
    void setTotals(const frontline::Result<std::vector<frontline::HolderTotal>> &totals,
        const frontline::Result<std::vector<frontline::ChangeDay>> &days);
    void setError(const QString &error);
    const QVariantList &hatchPathsOf(const std::string &districtId);

    frontline::Database m_db;
    frontline::ControlQueries m_queries;
    Renderer m_rendererKind = Renderer::Automatic;
    bool m_batched = false;
    std::optional<Territory> m_territory;
    QString m_title;
    QString m_licence;
    bool m_attributionShown = true;
    frontline::Date m_first, m_last, m_date;
    std::vector<frontline::Faction> m_factions;
    std::vector<frontline::District> m_districtList;
    std::unordered_map<std::string, QColor> m_colours;
    std::vector<frontline::Date> m_days;
    DistrictModel m_districts;
    DayChangeModel m_dayChanges;
    QVariantList m_factionSummary, m_frontLine, m_changeDays, m_hatches, m_totals, m_incidents;
    std::unordered_map<std::string, QVariantList> m_hatchPaths; //!< per district, computed when first contested
    std::vector<int> m_districtAtSlot; //!< index into m_districtList by district number - 1, -1 for none
    //! By index into m_districtList: its place in the order of names, the same for the same name.
    std::vector<std::uint32_t> m_nameRank;
    std::vector<std::optional<ControlText>> m_controlTexts; //!< by control number, made when first listed
    int m_dayChangeCount = 0;
    double m_hatchSpacing = 0;
    int m_compareDay = -1;
    TileSource *m_tiles = nullptr;
    bool m_exporting = false;
    QString m_renderer;
    QVariantList m_compared;
    void refreshComparison();
    QGeoRectangle m_bounds;
    QString m_selected;
    QVariantMap m_selection;
    QString m_error;
    int m_generation = 0; //!< which load() the totals worker computes for
    std::jthread m_totalsWorker; //!< last: joined before the members it reads are destroyed
};
