// SPDX-License-Identifier: MIT
// Dataset text comes from unknown hands: markup is shown, not interpreted; bidi overrides are dropped;
// huge texts are cut with a note; nothing in it becomes a link.
#include "app/viewer/untrustedtext_test.h"
#include "app/suites.h"

#include "app/viewertesting.h"
#include "import/datasetimporter.h"
#include "storage/database.h"
#include "viewer/viewer.h"

#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

namespace {
const std::string kMarkup = R"(<b>bold</b> <a href="file:///etc/passwd">open me</a> <img src=x onerror=alert(1)>)";
const std::string kOverride = "\u202Egpj.exe\u202C and\u200B zero\u2066width";

void append(const std::filesystem::path &file, const std::string &line)
{
    std::ofstream(file, std::ios::app) << line << '\n';
}

std::string quoted(const std::string &field)
{
    std::string out = "\"";
    for (char c : field)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

//! The evidence whose text holds `needle`, as its delegate gets it.
QVariantMap evidenceWith(const HistoryModel &history, const QString &needle)
{
    for (const auto &change : history.rows())
        for (int row = 0; row < change.evidence->rowCount(); ++row)
            if (QVariantMap e = viewertest::rowOf(*change.evidence, row); e["text"].toString().contains(needle))
                return e;
    return {};
}

//! Every text item under `item` and whether it interprets markup.
void collectTextFormats(QQuickItem *item, QStringList &interpreted, int &count)
{
    for (QQuickItem *child : item->childItems()) {
        const QVariant format = child->property("textFormat");
        if (format.isValid()) {
            ++count;
            if (format.toInt() != 0) // Text.PlainText / TextEdit.PlainText
                interpreted << child->property("text").toString().left(40);
        }
        collectTextFormats(child, interpreted, count);
    }
}
} // namespace

void UntrustedTextTest::hostileExcerptsAreShownAsPlainText()
{
    QTemporaryDir dir;
    const std::filesystem::path folder = dir.filePath("dataset").toStdString();
    std::filesystem::copy(FRONTLINE_DATASET_DIR, folder);
    append(folder / "sources.csv", R"(hostile,"<script>alert(1)</script> Press",,"<i>title</i>",javascript:alert(1),2016-11-30)");
    append(folder / "excerpts.csv", "xm,hostile,quote," + quoted(kMarkup));
    append(folder / "excerpts.csv", "xo,hostile,note," + kOverride);
    append(folder / "excerpts.csv", "xl,hostile,note,long" + std::string(1'000'000, 'x'));
    for (const char *excerpt : {"xm", "xo", "xl"})
        append(folder / "evidence.csv", std::string("c160,") + excerpt + ",disputes");
    const std::string db = dir.filePath("hostile.frontline").toStdString();
    {
        auto writable = frontline::Database::open(db, frontline::Database::Mode::Create);
        QVERIFY(writable);
        auto imported = frontline::importDataset(*writable, folder);
        QVERIFY2(imported, imported ? "" : imported.error().message.c_str());
    }
    auto viewer = Viewer::open(db);
    QVERIFY(viewer);
    (*viewer)->day.setDate(frontline::Date(2016, 11, 30));
    (*viewer)->selection.select("112");
    const HistoryModel &selection = *(*viewer)->selection.history();

    const QVariantMap markup = evidenceWith(selection, "<b>bold</b>");
    QCOMPARE(markup["text"].toString(), QString::fromStdString(kMarkup)); // kept literally
    QCOMPARE(markup["url"].toString(), "javascript:alert(1)"); // shown as text, never opened
    const QVariantMap override = evidenceWith(selection, "gpj.exe");
    QVERIFY(!override["text"].toString().contains(QChar(0x202E)));
    QVERIFY(!override["text"].toString().contains(QChar(0x2066)));
    QVERIFY(override["text"].toString().contains("zero"));
    const QVariantMap longText = evidenceWith(selection, "longxxx");
    QVERIFY(longText["text"].toString().size() < 21'000);
    QVERIFY(longText["text"].toString().contains("more characters not shown"));

    QQmlEngine engine;
    QQmlComponent component(&engine);
    component.loadFromModule("Frontline", "EvidenceDelegate");
    QVERIFY2(component.isReady(), qPrintable(component.errorString()));
    for (const QVariantMap &evidence : {markup, override, longText}) {
        std::unique_ptr<QObject> object(component.createWithInitialProperties(evidence));
        auto *item = qobject_cast<QQuickItem *>(object.get());
        QVERIFY(item);
        QStringList interpreted;
        int count = 0;
        collectTextFormats(item, interpreted, count);
        QVERIFY(count >= 4);
        QVERIFY2(interpreted.isEmpty(), qPrintable(interpreted.join(" | ")));
    }
}

FRONTLINE_APP_SUITE(UntrustedTextTest);
