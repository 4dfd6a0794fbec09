// SPDX-License-Identifier: MIT
#include "viewer/recorddesk.h"

#include "viewer/displaytext.h"

#include <QSettings>

#include <format>

using namespace frontline;

namespace {
std::string text(const QVariantMap &m, const char *key)
{
    return m.value(QString::fromLatin1(key)).toString().trimmed().toStdString();
}

std::vector<std::string> ids(const QVariantMap &m, const char *key)
{
    std::vector<std::string> out;
    for (const QString &id : m.value(QString::fromLatin1(key)).toStringList())
        if (!id.isEmpty())
            out.push_back(id.toStdString());
    return out;
}

//! The evidence a form gives; nullopt if it gives none. Throws std::invalid_argument naming a bad value.
std::optional<EvidenceInput> evidenceOf(const QVariantMap &m)
{
    if (text(m, "text").empty() && text(m, "sourceId").empty() && text(m, "publisher").empty())
        return std::nullopt;
    EvidenceInput e;
    e.kind = text(m, "kind") == "note" ? ExcerptKind::Note : ExcerptKind::Quote;
    e.text = m.value("text").toString().toStdString();
    e.sourceId = text(m, "sourceId");
    if (e.sourceId.empty())
        e.newSource = NewSource{text(m, "publisher"), text(m, "sourceAuthor"), text(m, "title"), text(m, "url"),
            text(m, "archivedUrl"), text(m, "published")};
    if (const auto stance = text(m, "stance"); !stance.empty()) {
        const auto parsed = parseStance(stance);
        if (!parsed)
            throw std::invalid_argument(std::format("unknown stance \"{}\" (supports, disputes, context or infers)", stance));
        e.stance = *parsed;
    }
    return e;
}

Holding holdingOf(const QVariantMap &m)
{
    return {text(m, "state") == "contested" ? ControlState::Contested : ControlState::Held, ids(m, "factions"),
        parseConfidence(text(m, "confidence")).value_or(Confidence::Medium)};
}

std::optional<Date> dateOf(const QVariantMap &m)
{
    const std::string day = text(m, "date");
    if (day.empty())
        return std::nullopt;
    if (auto date = Date::parse(day))
        return date;
    throw std::invalid_argument(std::format("\"{}\" is not a date (YYYY-MM-DD, a real calendar day)", day));
}
} // namespace

RecordDesk::RecordDesk(Dataset &dataset, Notices &notices)
    : m_dataset(dataset), m_notices(notices),
      m_author(QSettings().value("recording/author", QString::fromStdString(editlog::defaultAuthor())).toString())
{
    connect(&m_dataset, &Dataset::loaded, this, [this] { // another file: this session's edits were of the last one
        m_done.clear();
        m_undone.clear();
        emit editsChanged();
    });
    connect(&m_dataset, &Dataset::verifiedOnlyChanged, this, &RecordDesk::editsChanged); // writable or not
}

void RecordDesk::setAuthor(const QString &author)
{
    if (author.trimmed() == m_author || author.trimmed().isEmpty())
        return;
    m_author = author.trimmed();
    QSettings().setValue("recording/author", m_author);
    emit authorChanged();
}

QString RecordDesk::undoText() const
{
    return m_done.empty() ? QString() : tr("Undo %1").arg(m_done.back().what);
}

QString RecordDesk::whyReadOnly() const
{
    if (m_dataset.bundled())
        return tr("The bundled dataset is never changed: save a copy of your own (File > Save a copy as…) and record in "
                  "it.");
    if (m_dataset.verifiedOnly())
        return tr("The map shows the verified record only: switch off View > Verified only to record.");
    return {};
}

QString RecordDesk::redoText() const
{
    return m_undone.empty() ? QString() : tr("Redo %1").arg(m_undone.back().what);
}

template <typename F>
QString RecordDesk::write(F &&edit)
{
    if (!writable())
        return whyReadOnly() + tr(" Nothing was saved.");
    auto writer = Database::open(m_dataset.database().path(), Database::Mode::ReadWrite);
    if (!writer)
        return QString::fromStdString(writer.error().message);
    try {
        Recorder recorder(*writer, m_author.toStdString());
        return edit(recorder);
    } catch (const std::exception &e) { // a form's bad value, or an author left empty
        return QString::fromStdString(e.what()) + tr(" (nothing was saved)");
    }
}

void RecordDesk::refreshViews()
{
    // Once the caller (a QML handler, mid-call) has returned: the views rebuild their items, the form among them.
    QMetaObject::invokeMethod(&m_dataset, &Dataset::noteEdit, Qt::QueuedConnection);
}

QString RecordDesk::saveEdit(const Result<Edit> &edit)
{
    if (!edit)
        return QString::fromStdString(edit.error().message) + tr(" (nothing was saved)");
    QStringList names;
    for (const auto &c : edit->changes)
        names << shown(m_dataset.district(c.district) ? m_dataset.district(c.district)->name : c.district);
    m_done.push_back({*edit, QStringLiteral("%1 %2").arg(QString::fromUtf8(toString(edit->action)), names.join(", "))});
    m_undone.clear();
    emit editsChanged();
    refreshViews();
    QStringList warnings;
    for (const auto &w : edit->warnings)
        warnings << QString::fromStdString(w);
    emit saved(warnings.join('\n'));
    return {};
}

QString RecordDesk::record(const QVariantMap &form)
{
    return write([&](Recorder &recorder) {
        const auto date = dateOf(form);
        if (!date)
            return tr("the change needs its date (nothing was saved)");
        return saveEdit(recorder.record(
            {ids(form, "districts"), *date, holdingOf(form), text(form, "note"), evidenceOf(form.value("evidence").toMap())}));
    });
}

QString RecordDesk::cite(const QString &changeId, const QVariantMap &evidence)
{
    return write([&](Recorder &recorder) {
        const auto e = evidenceOf(evidence);
        if (!e)
            return tr("the evidence needs its source and what it says (nothing was saved)");
        return saveEdit(recorder.cite(changeId.toStdString(), *e));
    });
}

QString RecordDesk::correct(const QString &changeId, const QVariantMap &form)
{
    return write([&](Recorder &recorder) {
        Correction k;
        k.date = dateOf(form);
        if (form.contains("factions")) {
            const Holding h = holdingOf(form);
            k.state = h.state;
            k.factions = h.factions;
        }
        if (form.contains("confidence"))
            k.confidence = holdingOf(form).confidence;
        if (form.contains("note"))
            k.note = text(form, "note");
        return saveEdit(recorder.correct(changeId.toStdString(), k));
    });
}

QString RecordDesk::retract(const QString &changeId, const QString &reason)
{
    return write([&](Recorder &recorder) { return saveEdit(recorder.retract(changeId.toStdString(), reason.toStdString())); });
}

QString RecordDesk::verify(const QString &target)
{
    return write([&](Recorder &recorder) { return saveEdit(recorder.verify(target.toStdString())); });
}

QString RecordDesk::reject(const QString &target, const QString &reason)
{
    return write([&](Recorder &recorder) { return saveEdit(recorder.reject(target.toStdString(), reason.toStdString())); });
}

QString RecordDesk::undo()
{
    return replay(true);
}

QString RecordDesk::redo()
{
    return replay(false);
}

QString RecordDesk::replay(bool undo)
{
    auto &from = undo ? m_done : m_undone;
    auto &to = undo ? m_undone : m_done;
    if (from.empty())
        return undo ? tr("nothing to undo") : tr("nothing to redo");
    return write([&](Recorder &recorder) {
        const Done done = from.back();
        if (auto ok = undo ? recorder.undo(done.edit) : recorder.redo(done.edit); !ok)
            return QString::fromStdString(ok.error().message);
        from.pop_back();
        to.push_back(done);
        emit editsChanged();
        refreshViews();
        emit saved({});
        return QString();
    });
}

QVariantList RecordDesk::findSources(const QString &text) const
{
    QVariantList out;
    try {
        auto s = m_dataset.database().prepare(
            "SELECT id, publisher, title, published FROM sources WHERE instr(lower(publisher || ' ' || author || ' ' || title "
            "|| ' ' || id), lower(?)) > 0 ORDER BY published DESC, id LIMIT 20");
        s.bindAll(text.trimmed().toStdString());
        while (s.step()) {
            QString label = shown(s.text(1));
            if (!s.text(2).empty())
                label += QStringLiteral(": ") + shown(s.text(2));
            if (!s.text(3).empty())
                label += QStringLiteral(" (%1)").arg(shown(s.text(3)));
            out.append(QVariantMap{{"id", QString::fromStdString(s.text(0))}, {"label", label}});
        }
    } catch (const SqlError &e) {
        m_notices.report(QString::fromStdString(e.what()));
    }
    return out;
}

QVariantList RecordDesk::factions() const
{
    QVariantList out;
    for (const auto &f : m_dataset.factions())
        out.append(QVariantMap{{"id", QString::fromStdString(f.id)}, {"name", shown(f.name)}});
    return out;
}
