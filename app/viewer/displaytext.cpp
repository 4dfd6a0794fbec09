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

std::vector<EvidenceModel::Row> evidenceRows(const std::vector<Evidence> &evidence)
{
    static_assert(int(Stance::Supports) == EvidenceModel::Supports && int(Stance::Disputes) == EvidenceModel::Disputes
        && int(Stance::Context) == EvidenceModel::Context && int(Stance::Infers) == EvidenceModel::Infers);
    std::vector<EvidenceModel::Row> out;
    out.reserve(evidence.size());
    for (const Evidence &e : evidence)
        out.push_back({shown(e.excerpt.text), e.excerpt.kind == ExcerptKind::Quote, EvidenceModel::Stance(e.stance),
            shown(e.source.publisher), shown(e.source.author), shown(e.source.title), shown(e.source.url), shown(e.source.date)});
    return out;
}
