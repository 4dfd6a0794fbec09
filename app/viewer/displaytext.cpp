// SPDX-License-Identifier: MIT
#include "viewer/displaytext.h"

#include "text/utf8.h"

#include <QCoreApplication>
#include <QGeoCoordinate>

using namespace frontline;

QString shown(const std::string &text)
{
    constexpr qsizetype kLimit = 20'000;
    QString out = QString::fromStdString(withoutBidiControls(text));
    if (out.size() > kLimit)
        out = out.left(kLimit)
            + QCoreApplication::translate("DisplayText", "… [%1 more characters not shown]").arg(out.size() - kLimit);
    return out;
}

QString controlText(ControlState state, const QStringList &names, ControlWording wording)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("DisplayText", text); };
    if (state == ControlState::Contested)
        return (wording == ControlWording::Sentence ? tr("Contested: %1") : tr("contested: %1")).arg(names.join(tr(" / ")));
    QString holder = names.join(QString());
    switch (wording) {
    case ControlWording::Sentence: return tr("Held by %1").arg(holder);
    case ControlWording::Phrase: return tr("held by %1").arg(holder);
    case ControlWording::Holder: return holder;
    }
    return holder;
}

QVariantMap evidenceMap(const Evidence &e)
{
    return {{"text", shown(e.excerpt.text)}, {"quote", e.excerpt.kind == ExcerptKind::Quote},
        {"stance", QString::fromStdString(std::string(toString(e.stance)))}, {"publisher", shown(e.source.publisher)},
        {"author", shown(e.source.author)}, {"title", shown(e.source.title)}, {"url", shown(e.source.url)},
        {"date", shown(e.source.date)}};
}

QVariantList evidenceList(const std::vector<Evidence> &evidence)
{
    QVariantList out;
    for (const auto &e : evidence)
        out.append(evidenceMap(e));
    return out;
}
