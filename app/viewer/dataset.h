// SPDX-License-Identifier: MIT
#pragma once

#include "error.h"
#include "query/controlqueries.h"
#include "storage/database.h"
#include "viewer/notices.h"

#include <QColor>
#include <QGeoRectangle>
#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <filesystem>
#include <memory>
#include <unordered_map>

//! The open database as the viewer reads it: its read-only connection, name and span, factions and districts
//! (display-simplified). Opens another file or imports into this one; `loaded` says the content is new. What it
//! cannot do, it reports to the viewer's Notices.
class Dataset : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("opened by the application")
    Q_PROPERTY(QString title READ title NOTIFY loaded)
    Q_PROPERTY(QString databasePath READ databasePath NOTIFY loaded)
    Q_PROPERTY(QString firstDateText READ firstDateText NOTIFY spanChanged)
    Q_PROPERTY(QString lastDateText READ lastDateText NOTIFY spanChanged)
    Q_PROPERTY(int dayCount READ dayCount NOTIFY spanChanged)
    Q_PROPERTY(QGeoRectangle bounds READ bounds NOTIFY loaded)
    Q_PROPERTY(int districtCount READ districtCount NOTIFY loaded)
    //! The open file is the bundled dataset: a template, never written (imports first ask for a copy of one's own).
    Q_PROPERTY(bool bundled READ bundled NOTIFY loaded)
    //! The record as it would be published: drafts are hidden from every view of it (nothing is written).
    Q_PROPERTY(bool verifiedOnly READ verifiedOnly WRITE setVerifiedOnly NOTIFY verifiedOnlyChanged)

public:
    //! Opens a Frontline database read-only, drafts hidden if `verifiedOnly`; the error names the file and the problem.
    [[nodiscard]] static frontline::Result<std::unique_ptr<Dataset>> open(
        const std::filesystem::path &path, Notices &notices, bool verifiedOnly = false);
    //! Another read-only connection to the open file that shows what this one shows (for a background thread).
    [[nodiscard]] frontline::Result<frontline::Database> openReader() const;

    //! Opens another database in place of this one; on failure keeps the current one and reports why.
    Q_INVOKABLE bool openDatabase(const QUrl &file);
    //! Imports into the open database (`kind`: "dataset" for a folder, "districts" for a boundary file in any
    //! vector format), then reloads. Returns the import summary, or reports why and returns "" (always for the
    //! bundled dataset, which is never written).
    Q_INVOKABLE QString importInto(const QString &kind, const QUrl &url);
    //! After an edit written through another connection (RecordDesk): reads the span again and says `edited`.
    void noteEdit();
    //! Copies the open database to a new file (SQLite's VACUUM INTO) and opens the copy; on failure reports why.
    Q_INVOKABLE bool saveCopyAs(const QUrl &file);

    [[nodiscard]] QString title() const { return m_title; }
    [[nodiscard]] QString licence() const { return m_licence; }
    [[nodiscard]] QString databasePath() const { return QString::fromStdString(m_db.path().string()); }
    [[nodiscard]] frontline::Date first() const { return m_first; }
    [[nodiscard]] frontline::Date last() const { return m_last; }
    [[nodiscard]] QString firstDateText() const { return QString::fromStdString(m_first.toString()); }
    [[nodiscard]] QString lastDateText() const { return QString::fromStdString(m_last.toString()); }
    [[nodiscard]] int dayCount() const { return m_first.daysTo(m_last) + 1; }
    [[nodiscard]] QGeoRectangle bounds() const { return m_bounds; }
    [[nodiscard]] int districtCount() const { return int(m_districts.size()); }
    [[nodiscard]] bool bundled() const { return m_bundled; }
    [[nodiscard]] bool verifiedOnly() const { return m_verifiedOnly; }
    //! Shows the file with drafts hidden or shown (views refresh as after an edit); on failure reports why.
    void setVerifiedOnly(bool on);

    [[nodiscard]] const frontline::Database &database() const { return m_db; }
    [[nodiscard]] const frontline::ControlQueries &queries() const { return m_queries; }
    [[nodiscard]] const std::vector<frontline::Faction> &factions() const { return m_factions; }
    //! Each faction's colour, by id.
    [[nodiscard]] const std::unordered_map<std::string, QColor> &colours() const { return m_colours; }
    //! The districts, sorted by id, with their display-simplified polygons.
    [[nodiscard]] const std::vector<frontline::District> &districts() const { return m_districts; }
    //! The district of a slot (number - 1), or null.
    [[nodiscard]] const frontline::District *districtAtSlot(std::size_t slot) const;
    [[nodiscard]] const frontline::District *district(const std::string &id) const;
    //! Factions' display names, in the order given; an id stands for a faction the dataset does not name.
    [[nodiscard]] QStringList factionNames(const std::vector<std::string> &ids) const;

signals:
    void loaded();
    //! The record changed in place (an edit): the districts are the same, their control and evidence may not be.
    void edited();
    void spanChanged();
    void verifiedOnlyChanged();

private:
    Dataset(frontline::Database db, Notices &notices) : m_db(std::move(db)), m_queries(m_db), m_notices(notices) { }
    //! The file at `path`, read-only, drafts hidden if m_verifiedOnly.
    [[nodiscard]] frontline::Result<frontline::Database> connect(const std::filesystem::path &path) const;
    frontline::Result<void> load();
    //! A new connection to the same file, showing what m_verifiedOnly says; on failure the old one stays.
    frontline::Result<void> reconnect();
    //! Reads the span again and says `edited`.
    void announceEdit();
    frontline::Result<void> reopen(const std::filesystem::path &path);

    frontline::Database m_db;
    frontline::ControlQueries m_queries; //!< refers to m_db, whichever file it holds
    Notices &m_notices;
    bool m_bundled = false;
    bool m_verifiedOnly = false;
    QString m_title, m_licence;
    frontline::Date m_first, m_last;
    std::vector<frontline::Faction> m_factions;
    std::unordered_map<std::string, QColor> m_colours;
    std::vector<frontline::District> m_districts;
    std::vector<int> m_indexOfSlot; //!< index into m_districts by slot, -1 for none
    QGeoRectangle m_bounds;
};
