// SPDX-License-Identifier: MIT
#include "render/captionband.h"

#include <QDate>
#include <QFont>
#include <QFontMetrics>
#include <QLocale>
#include <QPainter>

#include <algorithm>

namespace {
QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString holders(const frontline::DayCaption &c, const std::map<std::string, std::string> &names)
{
    QStringList sides;
    for (const auto &f : c.factions)
        sides << qs(names.contains(f) ? names.at(f) : f);
    return c.state == frontline::ControlState::Contested ? QObject::tr("contested: %1").arg(sides.join(" / ")) : sides.join("");
}
} // namespace

CaptionBand::CaptionBand(QSize frame)
    : m_frame(frame), m_pixelSize(std::max(11, frame.height() / 45)),
      m_height(kLines * (m_pixelSize * 4 / 3) + m_pixelSize) // the lines, and half a line above and below
{
}

QStringList CaptionBand::lines(
    frontline::Date day, const std::vector<frontline::DayCaption> &captions, const std::map<std::string, std::string> &names)
{
    const QString date = QLocale(QLocale::English).toString(QDate(1970, 1, 1).addDays(day.dayNumber()), "d MMM");
    // The statements that moved the most districts first; the date once, at the start.
    std::vector<const frontline::DayCaption *> sorted;
    sorted.reserve(captions.size());
    for (const auto &c : captions)
        sorted.push_back(&c);
    std::ranges::stable_sort(sorted, std::greater{}, [](const auto *c) { return c->districts.size(); });
    QStringList out;
    const auto prefix = [&] { return out.isEmpty() ? date + QStringLiteral("  ") : QString(); };
    for (std::size_t i = 0; i < sorted.size() && out.size() < kLines; ++i) {
        const auto &c = *sorted[i];
        if (out.size() == kLines - 1 && captions.size() > std::size_t(kLines)) {
            std::size_t more = 0;
            for (std::size_t j = i; j < sorted.size(); ++j)
                more += sorted[j]->districts.size();
            out << prefix() + QObject::tr("and %1 more changes").arg(more);
            break;
        }
        QStringList districts;
        for (std::size_t d = 0; d < std::min<std::size_t>(3, c.districts.size()); ++d)
            districts << qs(c.districts[d]);
        QString where = districts.join(", ");
        if (c.districts.size() > 3)
            where += QObject::tr(" and %1 more").arg(c.districts.size() - 3);
        QString line = QStringLiteral("%1%2 → %3").arg(prefix(), where, holders(c, names));
        if (!c.publisher.empty())
            line += QStringLiteral(" · %1%2: \u201C%3\u201D")
                        .arg(c.stance == frontline::Stance::Disputes    ? QObject::tr("disputed by ")
                                : c.stance == frontline::Stance::Infers ? QObject::tr("inferred from ")
                                                                        : QString(),
                            qs(c.publisher), qs(c.excerpt).simplified());
        out << line;
    }
    return out;
}

QImage CaptionBand::compose(const QImage &map, const QStringList &lines) const
{
    QImage frame(m_frame, QImage::Format_RGB32);
    frame.fill(QColor(0xF4, 0xF4, 0xF2));
    QPainter p(&frame);
    p.drawImage(0, 0, map);
    p.setPen(QColor(0xC8, 0xC8, 0xC4));
    p.drawLine(0, map.height(), m_frame.width(), map.height());
    QFont font(QStringLiteral("Noto Sans"));
    font.setPixelSize(m_pixelSize);
    p.setFont(font);
    p.setPen(QColor(0x22, 0x22, 0x22));
    const QFontMetrics metrics(font);
    const int margin = m_pixelSize;
    const int lineHeight = m_pixelSize * 4 / 3;
    int y = map.height() + m_pixelSize / 2;
    for (const auto &line : lines) {
        p.drawText(QRect(margin, y, m_frame.width() - 2 * margin, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(line, Qt::ElideRight, m_frame.width() - 2 * margin));
        y += lineHeight;
    }
    return frame;
}
