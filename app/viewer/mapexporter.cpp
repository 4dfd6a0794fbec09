// SPDX-License-Identifier: MIT
#include "viewer/mapexporter.h"

#include "viewer/basemap.h"
#include "viewer/dataset.h"
#include "viewer/daystate.h"
#include "viewer/displaytext.h"
#include "viewer/notices.h"
#include "viewer/svgexporter.h"

#include <QCoreApplication>
#include <QProcess>

using namespace frontline;

MapExporter::MapExporter(const DayState &day, const Basemap &basemap, Notices &notices)
    : m_day(day), m_basemap(basemap), m_notices(notices)
{
    connect(&m_day, &DayState::dayChanged, this, &MapExporter::attributionChanged);
    connect(&m_basemap, &Basemap::changed, this, &MapExporter::attributionChanged);
}

QString MapExporter::attribution() const
{
    const Dataset &dataset = m_day.dataset();
    QStringList parts{dataset.title()};
    if (!dataset.licence().isEmpty())
        parts << dataset.licence();
    if (auto publishers = dataset.queries().publishersAt(m_day.date()); publishers && !publishers->empty()) {
        constexpr std::size_t kNamed = 6;
        QStringList names;
        for (std::size_t i = 0; i < std::min(kNamed, publishers->size()); ++i)
            names << shown((*publishers)[i]);
        QString sources = tr("Sources: %1").arg(names.join(QStringLiteral(", ")));
        if (publishers->size() > kNamed)
            sources += tr(" and %1 more").arg(publishers->size() - kNamed);
        parts << sources;
    }
    if (m_basemap.isOpen() && !m_basemap.attribution().isEmpty())
        parts << tr("Basemap: %1").arg(m_basemap.attribution());
    return parts.join(QStringLiteral(" · "));
}

void MapExporter::setAttributionShown(bool shown)
{
    if (shown == m_attributionShown)
        return;
    m_attributionShown = shown;
    emit attributionChanged();
}

void MapExporter::exportAnimation(const QUrl &file, int daysPerSecond)
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
    const Dataset &dataset = m_day.dataset();
    process->start(m_renderer.isEmpty() ? QCoreApplication::applicationFilePath() : m_renderer,
        {QStringLiteral("render"), QStringLiteral("--db"), dataset.databasePath(), QStringLiteral("--from"),
            dataset.firstDateText(), QStringLiteral("--to"), dataset.lastDateText(), QStringLiteral("--days-per-second"),
            QString::number(daysPerSecond), QStringLiteral("-o"), output});
}

bool MapExporter::exportSvg(const QUrl &file, const QGeoCoordinate &center, double zoom, QSize size)
{
    const QString error =
        ::exportSvg(m_day, m_attributionShown ? attribution() : QString(), file.toLocalFile(), center, zoom, size);
    if (!error.isEmpty())
        m_notices.report(error);
    return error.isEmpty();
}
