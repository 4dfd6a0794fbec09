// SPDX-License-Identifier: MIT
// Recording driven through the real window: R on a selected district opens the form, Save writes a draft signed
// by the desk's author, which the district panel shows at once (in its history and its Edits view); Ctrl+Z and Ctrl+Shift+Z take
// it back and again. View > Verified only hides the draft and opens no form. The bundled dataset opens no form.
#include "app/suites.h"
#include "app/viewertesting.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>

using namespace viewertest;
using frontline::Date;

class RecordingUiTest : public QObject {
    Q_OBJECT
private slots:
    void recordsADraftFromTheDistrictPanelAndUndoesIt();
    void recordsOneChangeForShiftClickedDistricts();
    void opensNoFormOnTheBundledDataset();
};
FRONTLINE_APP_SUITE(RecordingUiTest);

namespace {
//! The viewer's window over `viewer`, shown and exposed.
QQuickWindow *showWindow(QQmlApplicationEngine &engine, Viewer &viewer)
{
    engine.setInitialProperties(viewer.qmlProperties());
    engine.loadFromModule("Frontline", "Main");
    auto *window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (window && !QTest::qWaitForWindowExposed(window))
        return nullptr;
    return window;
}

QQuickItem *item(QQuickWindow *window, const char *name)
{
    return window->findChild<QQuickItem *>(QString::fromLatin1(name));
}

void click(QQuickWindow *window, QQuickItem *button)
{
    const QPointF centre = button->mapToScene(QPointF(button->width() / 2, button->height() / 2));
    QTest::mouseClick(window, Qt::LeftButton, {}, centre.toPoint());
}

//! The viewer on a copy of the bundled dataset in `dir`, on 30 November 2016, amira signing its edits.
frontline::Result<std::unique_ptr<Viewer>> amirasDesk(const QTemporaryDir &dir)
{
    const std::string path = dir.filePath("desk.frontline").toStdString();
    if (auto copied = frontline::Database::backUp(FRONTLINE_BUNDLED_DB, path); !copied)
        return std::unexpected(copied.error());
    auto opened = Viewer::open(path);
    if (opened) {
        (*opened)->desk.setAuthor("amira");
        (*opened)->day.setDate(Date(2016, 11, 30));
    }
    return opened;
}

//! Clicks the map on a district's representative point, as a user would.
void clickDistrict(QQuickWindow *window, Viewer &viewer, const char *id, Qt::KeyboardModifiers modifiers = {})
{
    auto *map = item(window, "map");
    QPointF at;
    QVERIFY(QMetaObject::invokeMethod(map, "fromCoordinate", Q_RETURN_ARG(QPointF, at),
        Q_ARG(QGeoCoordinate, viewer.selection.anchorOf(QString::fromLatin1(id))), Q_ARG(bool, false)));
    QTest::mouseClick(window, Qt::LeftButton, modifiers, map->mapToScene(at).toPoint());
}
} // namespace

void RecordingUiTest::recordsADraftFromTheDistrictPanelAndUndoesIt()
{
    QTemporaryDir dir;
    auto opened = amirasDesk(dir);
    QVERIFY(opened);
    Viewer &viewer = **opened;
    QVERIFY(viewer.selection.selectByName("Hanano"));
    const int before = viewer.selection.history()->rowCount();
    QQmlApplicationEngine engine;
    QQuickWindow *window = showWindow(engine, viewer);
    QVERIFY(window);

    QTRY_VERIFY_WITH_TIMEOUT(window->property("ready").toBool(), 60'000); // the map drawn, as a user sees it
    QTest::keyClick(window, Qt::Key_R);
    QObject *dialog = window->findChild<QObject *>("recordDialog");
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->property("opened").toBool());
    QCOMPARE(item(window, "dateField")->property("text").toString(), "2016-11-30"); // the map's day
    QObject *holder = item(window, "holderBox");
    const QVariantList factions = viewer.desk.factions();
    const auto rebels = std::ranges::find_if(factions, [](const QVariant &f) { return f.toMap()["id"] == "rebels"; });
    QVERIFY(rebels != factions.end());
    holder->setProperty("currentIndex", int(rebels - factions.begin()));
    item(window, "newSource")->setProperty("checked", true);
    item(window, "publisherField")->setProperty("text", "Local council");
    item(window, "urlField")->setProperty("text", "ftp://example.org/hanano"); // refused: the form stays, saying why
    item(window, "quoteField")->setProperty("text", "Rebels are back in Hanano.");
    QTRY_VERIFY(item(window, "saveButton")->isVisible());
    click(window, item(window, "saveButton"));
    QTRY_VERIFY(item(window, "errorLabel")->property("text").toString().contains("not an http, https or file address"));
    QVERIFY(dialog->property("opened").toBool());
    QCOMPARE(viewer.selection.history()->rowCount(), before);

    item(window, "urlField")->setProperty("text", "https://example.org/hanano");
    QVERIFY(window->grabWindow().save(QT_TESTCASE_BUILDDIR "/record-dialog.png")); // the form as filled, for docs/
    click(window, item(window, "saveButton"));
    QTRY_VERIFY(!dialog->property("visible").toBool());
    QTRY_COMPARE(viewer.selection.history()->rowCount(), before + 1);
    QCOMPARE(viewer.selection.history()->rows().back().review, "Draft, recorded by amira: not yet verified");
    QVERIFY2(viewer.selection.holder().contains("Rebel"), qPrintable(viewer.selection.holder()));
    QCOMPARE(viewer.desk.undoText(), "Undo record Hanano");
    QObject *history = window->findChild<QObject *>("historyList"); // the new change in view, for the picture
    QVERIFY(history);
    QVERIFY(QMetaObject::invokeMethod(history, "positionViewAtEnd"));
    QTest::qWait(300);
    QVERIFY(QMetaObject::invokeMethod(history, "positionViewAtEnd")); // again, now every delegate has its height
    QTest::qWait(300);
    QVERIFY(window->grabWindow().save(QT_TESTCASE_BUILDDIR "/record-draft.png"));
    click(window, item(window, "editsTab")); // the district's edit log, newest first
    QTRY_VERIFY(item(window, "editsList")->isVisible());
    QVERIFY(!history->property("visible").toBool());
    QCOMPARE(item(window, "editsList")->property("count").toInt(), viewer.selection.edits()->count());
    QCOMPARE(viewer.selection.edits()->rows().front().author, "amira");
    QCOMPARE(viewer.selection.edits()->rows().front().action, "recorded");
    QVERIFY(viewer.selection.edits()->rows().front().after.contains("factions=rebels"));
    QTest::qWait(300);
    QVERIFY(window->grabWindow().save(QT_TESTCASE_BUILDDIR "/record-edits.png"));
    click(window, item(window, "historyTab"));
    QTRY_VERIFY(history->property("visible").toBool());

    QTest::keyClick(window, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(viewer.selection.history()->rowCount(), before);
    QVERIFY2(!viewer.selection.holder().contains("Rebel"), qPrintable(viewer.selection.holder()));
    QTest::keyClick(window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(viewer.selection.history()->rowCount(), before + 1);

    // View > Verified only: the record as it would be published, without the draft; nothing can be recorded in it.
    QTest::keyClick(window, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(viewer.dataset->verifiedOnly());
    QVERIFY(window->title().contains("verified only"));
    QTRY_COMPARE(viewer.selection.history()->rowCount(), before);
    QVERIFY2(!viewer.selection.holder().contains("Rebel"), qPrintable(viewer.selection.holder()));
    QTest::keyClick(window, Qt::Key_R);
    QObject *message = window->findChild<QObject *>("messageDialog");
    QTRY_VERIFY(message->property("opened").toBool());
    QVERIFY(message->property("text").toString().contains("switch off View > Verified only"));
    QVERIFY(QMetaObject::invokeMethod(message, "close"));
    QTest::keyClick(window, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(!viewer.dataset->verifiedOnly());
    QTRY_COMPARE(viewer.selection.history()->rowCount(), before + 1);
    QCOMPARE(viewer.desk.undoText(), "Undo record Hanano"); // switching the view keeps the session's edits
}

void RecordingUiTest::recordsOneChangeForShiftClickedDistricts()
{
    QTemporaryDir dir;
    auto opened = amirasDesk(dir);
    QVERIFY(opened);
    Viewer &viewer = **opened;
    QQmlApplicationEngine engine;
    QQuickWindow *window = showWindow(engine, viewer);
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->property("ready").toBool(), 60'000);

    clickDistrict(window, viewer, "65");
    QTRY_COMPARE(viewer.selection.districtIds(), QStringList{"65"});
    clickDistrict(window, viewer, "16", Qt::ShiftModifier);
    clickDistrict(window, viewer, "18", Qt::ShiftModifier);
    QTRY_COMPARE(viewer.selection.districtIds(), (QStringList{"65", "16", "18"}));
    QCOMPARE(viewer.selection.districtId(), "65"); // the first one's history stays in the panel
    QTRY_VERIFY(item(window, "alsoSelected")->isVisible());
    clickDistrict(window, viewer, "16", Qt::ShiftModifier); // out again
    QTRY_COMPARE(viewer.selection.districtIds(), (QStringList{"65", "18"}));
    clickDistrict(window, viewer, "16", Qt::ShiftModifier);
    QTRY_COMPARE(viewer.selection.districtIds().size(), 3);
    QTest::qWait(300);
    QVERIFY(window->grabWindow().save(QT_TESTCASE_BUILDDIR "/record-several.png"));

    QObject *signAs = window->findChild<QObject *>("authorDialog"); // Edit > Sign edits as…
    QVERIFY(QMetaObject::invokeMethod(signAs, "open"));
    QTRY_VERIFY(signAs->property("opened").toBool());
    QQuickItem *authorField = item(window, "authorField");
    authorField->forceActiveFocus();
    QVERIFY(QMetaObject::invokeMethod(authorField, "selectAll"));
    for (const char c : std::string_view("Amira K."))
        QTest::keyClick(window, c);
    QTest::keyClick(window, Qt::Key_Return);
    QTRY_COMPARE(viewer.desk.author(), "Amira K.");

    QTest::keyClick(window, Qt::Key_R);
    QObject *dialog = window->findChild<QObject *>("recordDialog");
    QTRY_VERIFY(dialog->property("opened").toBool());
    QCOMPARE(dialog->property("districts").toStringList(), (QStringList{"65", "18", "16"}));
    const QVariantList factions = viewer.desk.factions();
    const auto rebels = std::ranges::find_if(factions, [](const QVariant &f) { return f.toMap()["id"] == "rebels"; });
    item(window, "holderBox")->setProperty("currentIndex", int(rebels - factions.begin()));
    item(window, "newSource")->setProperty("checked", true);
    item(window, "publisherField")->setProperty("text", "Local council");
    item(window, "quoteField")->setProperty("text", "The old city and Hanano are back in our hands.");
    click(window, item(window, "saveButton"));
    QTRY_VERIFY(!dialog->property("visible").toBool());
    auto drafts = viewer.dataset->database().prepare(
        "SELECT group_concat(district_id, ' ') FROM (SELECT district_id FROM change_list WHERE status = 'draft' "
        "AND day = '2016-11-30' AND factions = 'rebels' AND recorded_by = 'Amira K.' ORDER BY district_id)");
    QVERIFY(drafts.step());
    QCOMPARE(drafts.text(0), "16 18 65"); // one edit, one change per district
    QCOMPARE(viewer.desk.undoText(), "Undo record Hanano, al-Farafra, Aleppo Citadel");
    QCOMPARE(viewer.selection.districtIds().size(), 3); // still selected after the edit

    clickDistrict(window, viewer, "65"); // a plain click selects one again
    QTRY_COMPARE(viewer.selection.districtIds(), QStringList{"65"});
}

void RecordingUiTest::opensNoFormOnTheBundledDataset()
{
    auto viewer = bundled();
    QVERIFY(viewer->selection.selectByName("Hanano"));
    QQmlApplicationEngine engine;
    QQuickWindow *window = showWindow(engine, *viewer);
    QVERIFY(window);
    QTest::keyClick(window, Qt::Key_R);
    QObject *message = window->findChild<QObject *>("messageDialog");
    QVERIFY(message);
    QTRY_VERIFY(message->property("opened").toBool());
    QVERIFY(message->property("text").toString().contains("bundled dataset is never changed"));
    QVERIFY(!window->findChild<QObject *>("recordDialog")->property("opened").toBool());
}

#include "recording_test.moc"
