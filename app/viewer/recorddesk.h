// SPDX-License-Identifier: MIT
#pragma once

#include "record/recorder.h"
#include "viewer/dataset.h"
#include "viewer/notices.h"

#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <vector>

//! The viewer's recording desk: records, cites, corrects, retracts and reviews control changes in the open file,
//! signed by its author, and keeps this session's edits for undo and redo. Each edit is one transaction through a
//! writing connection of its own; the dataset then tells every view. The bundled dataset is never written.
//! Every action returns "" when saved, or why nothing was saved.
class RecordDesk : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by the viewer")
    //! Who signs the edits (remembered between sessions; at first $FRONTLINE_AUTHOR or the login name).
    Q_PROPERTY(QString author READ author WRITE setAuthor NOTIFY authorChanged)
    //! False for the bundled dataset, which is never written, and while the map shows the verified record only.
    Q_PROPERTY(bool writable READ writable NOTIFY editsChanged)
    Q_PROPERTY(QString whyReadOnly READ whyReadOnly NOTIFY editsChanged) //!< why it is not writable; "" when it is
    Q_PROPERTY(QString undoText READ undoText NOTIFY editsChanged) //!< "" when there is nothing to undo
    Q_PROPERTY(QString redoText READ redoText NOTIFY editsChanged)

public:
    RecordDesk(Dataset &dataset, Notices &notices);

    //! `form`: districts (ids), date (YYYY-MM-DD), state (held|contested), factions (ids), confidence, note, and
    //! optionally evidence (see cite()).
    Q_INVOKABLE QString record(const QVariantMap &form);
    //! `evidence`: sourceId, or publisher with sourceAuthor, title, url, archivedUrl, published; kind (quote|note),
    //! text, stance (supports|disputes|context|infers).
    Q_INVOKABLE QString cite(const QString &changeId, const QVariantMap &evidence);
    //! `form` as for record(); what it leaves out stays as it was.
    Q_INVOKABLE QString correct(const QString &changeId, const QVariantMap &form);
    Q_INVOKABLE QString retract(const QString &changeId, const QString &reason);
    Q_INVOKABLE QString verify(const QString &target);
    Q_INVOKABLE QString reject(const QString &target, const QString &reason);
    Q_INVOKABLE QString undo();
    Q_INVOKABLE QString redo();
    //! Sources whose publisher, author or title contains `text`: [{id, label}], at most 20.
    Q_INVOKABLE QVariantList findSources(const QString &text) const;
    //! The dataset's factions: [{id, name}].
    Q_INVOKABLE QVariantList factions() const;

    [[nodiscard]] QString author() const { return m_author; }
    [[nodiscard]] bool writable() const { return whyReadOnly().isEmpty(); }
    [[nodiscard]] QString whyReadOnly() const;
    void setAuthor(const QString &author);
    [[nodiscard]] QString undoText() const;
    [[nodiscard]] QString redoText() const;

signals:
    void authorChanged();
    void editsChanged();
    //! After every saved edit, undo and redo: what it said beyond "saved" (a date outside the data), if anything.
    void saved(const QString &warning);

private:
    struct Done {
        frontline::Edit edit;
        QString what; //!< "record Hanano", for the Undo item
    };
    template <typename F>
    QString write(F &&edit);
    QString replay(bool undo);
    void refreshViews();
    QString saveEdit(const frontline::Result<frontline::Edit> &edit);

    Dataset &m_dataset;
    Notices &m_notices;
    QString m_author;
    std::vector<Done> m_done, m_undone;
};
