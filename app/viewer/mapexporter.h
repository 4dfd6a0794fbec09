// SPDX-License-Identifier: MIT
#pragma once

#include <QGeoCoordinate>
#include <QObject>
#include <QSize>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class Basemap;
class DayState;
class Notices;

//! Pictures of the map for others: the day as SVG, the whole timeline as a video (rendered by the command
//! line in the background), and the credit line every exported picture carries.
class MapExporter : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("built by the application")
    Q_PROPERTY(QString attribution READ attribution NOTIFY attributionChanged)
    Q_PROPERTY(bool attributionShown READ attributionShown WRITE setAttributionShown NOTIFY attributionChanged)
    Q_PROPERTY(bool exporting READ exporting NOTIFY exportingChanged)
public:
    MapExporter(const DayState &day, const Basemap &basemap, Notices &notices);

    //! The dataset's name and licence, the publishers behind the day's map (most cited first), and the basemap's
    //! attribution when one is drawn. Made when asked (a query).
    [[nodiscard]] QString attribution() const;
    //! Whether exported pictures carry it (on unless the user turns it off).
    [[nodiscard]] bool attributionShown() const { return m_attributionShown; }
    void setAttributionShown(bool shown);
    [[nodiscard]] bool exporting() const { return m_exporting; }
    //! The `frontline` executable that renders videos (default: this program).
    void setRendererProgram(const QString &program) { m_renderer = program; }

    //! Renders the whole timeline to a video (MP4 or GIF, by the file name) in the background; exportFinished()
    //! says how it went.
    Q_INVOKABLE void exportAnimation(const QUrl &file, int daysPerSecond);
    //! Saves the day's map as SVG, as seen at `center` and `zoom` in a view of `size`; false (and a notice) on
    //! failure.
    Q_INVOKABLE bool exportSvg(const QUrl &file, const QGeoCoordinate &center, double zoom, QSize size);

signals:
    void attributionChanged();
    void exportingChanged();
    void exportFinished(bool ok, const QString &message);

private:
    const DayState &m_day;
    const Basemap &m_basemap;
    Notices &m_notices;
    bool m_attributionShown = true;
    bool m_exporting = false;
    QString m_renderer;
};
