// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The selected district: names in both scripts, who holds it since when, and every change with its evidence.
Pane {
    id: root

    required property DayState day
    required property Selection selection
    required property RecordDesk desk

    padding: 0

    signal problem(string text) // an edit refused outside a form

    function record() {
        if (desk.writable)
            recordDialog.openToRecord(selection.districtIds, selection.names.join(", "))
        else
            problem(desk.whyReadOnly)
    }
    function askReason(title, kind, target) {
        reasonDialog.title = title
        reasonDialog.kind = kind
        reasonDialog.target = target
        reasonField.text = ""
        reasonError.text = ""
        reasonDialog.open()
    }

    RecordDialog { id: recordDialog; desk: root.desk; day: root.day }
    Dialog {
        id: reasonDialog

        property string kind // retract | reject
        property string target // the change (or CHANGE/EXCERPT) it is about
        function save(reason) {
            return kind === "retract" ? root.desk.retract(target, reason) : root.desk.reject(target, reason)
        }
        objectName: "reasonDialog"
        modal: true
        anchors.centerIn: Overlay.overlay
        width: 460
        footer: DialogButtonBox {
            Button {
                text: qsTr("Save")
                DialogButtonBox.buttonRole: DialogButtonBox.ApplyRole
                onClicked: {
                    reasonError.text = reasonDialog.save(reasonField.text)
                    if (reasonError.text === "")
                        reasonDialog.close()
                }
            }
            Button { text: qsTr("Cancel"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
        }
        ColumnLayout {
            anchors.fill: parent
            TextField { id: reasonField; objectName: "reasonField"; Layout.fillWidth: true; placeholderText: qsTr("the reason, kept in the log") }
            Label { id: reasonError; Layout.fillWidth: true; visible: text !== ""; color: "#b00020"; wrapMode: Text.Wrap; textFormat: Text.PlainText }
        }
    }

    function jumpToChange(direction) {
        const target = selection.changeDay(direction)
        if (target >= 0)
            day.day = target
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Pane {
            Layout.fillWidth: true
            background: Rectangle { color: "#f4f4f4" }

            ColumnLayout {
                width: parent.width
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        Layout.fillWidth: true
                        text: root.selection.name
                        font { pixelSize: 20; bold: true }
                        wrapMode: Text.Wrap
                        textFormat: Text.PlainText
                    }
                    ToolButton { text: "✕"; onClicked: root.selection.select("") }
                }
                Label {
                    Layout.fillWidth: true
                    text: root.selection.nameArabic
                    font.pixelSize: 18
                    horizontalAlignment: Text.AlignRight
                    textFormat: Text.PlainText
                }
                Label {
                    // Shift-click adds districts: Record… then records the change for all of them.
                    objectName: "alsoSelected"
                    Layout.fillWidth: true
                    visible: root.selection.districtIds.length > 1
                    text: qsTr("and %n more, recorded together (shift-click adds or removes): %1", "", root.selection.names.length - 1)
                          .arg(root.selection.names.slice(1).join(", "))
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                }
                RowLayout {
                    Button { text: qsTr("◀ Previous change"); onClicked: root.jumpToChange(-1) }
                    Button { text: qsTr("Next change ▶"); onClicked: root.jumpToChange(1) }
                    Button { objectName: "recordButton"; text: qsTr("Record…"); onClicked: root.record(); ToolTip.text: qsTr("Record a change of this district (R)"); ToolTip.visible: hovered }
                }
                Label {
                    Layout.fillWidth: true
                    text: root.selection.since
                          ? qsTr("%1 since %2").arg(root.selection.holder).arg(root.selection.since)
                          : root.selection.holder
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                }
            }
        }

        TabBar {
            id: views
            objectName: "districtViews"
            Layout.fillWidth: true
            TabButton { objectName: "historyTab"; text: qsTr("History") }
            TabButton { objectName: "editsTab"; text: qsTr("Edits (%1)").arg(root.selection.edits.count) }
        }

        ListView {
            // Who did what to this district's changes, newest first: the log keeps every version.
            objectName: "editsList"
            visible: views.currentIndex === 1
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 10
            model: root.selection.edits
            ScrollBar.vertical: ScrollBar {}

            delegate: ColumnLayout {
                id: entry

                required property string at
                required property string author
                required property string action
                required property string changeId
                required property string before
                required property string after
                required property string reason

                x: 8
                width: ListView.view.width - 16
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    text: entry.changeId !== "" ? qsTr("%1 — %2 %3 %4").arg(entry.at).arg(entry.author).arg(entry.action).arg(entry.changeId)
                                               : qsTr("%1 — %2 %3").arg(entry.at).arg(entry.author).arg(entry.action)
                    font.bold: true
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                }
                Label {
                    Layout.fillWidth: true
                    visible: entry.before !== ""
                    text: qsTr("before: %1").arg(entry.before)
                    color: "#555"
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                }
                Label {
                    Layout.fillWidth: true
                    visible: entry.after !== ""
                    text: qsTr("after: %1").arg(entry.after)
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                }
                Label {
                    Layout.fillWidth: true
                    visible: entry.reason !== ""
                    text: qsTr("reason: %1").arg(entry.reason)
                    font.italic: true
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                }
            }
        }

        ListView {
            id: changes
            objectName: "historyList"
            visible: views.currentIndex === 0

            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 12
            model: root.selection.history
            ScrollBar.vertical: ScrollBar {}

            delegate: ColumnLayout {
                id: change

                required property string date
                required property string summary
                required property string confidence
                required property string note
                required property EvidenceModel evidence
                required property bool future
                required property int supports
                required property int disputes
                required property int context
                required property int infers
                required property bool inferred
                required property string inferredFrom
                required property string review
                required property string changeId
                required property bool draft

                width: ListView.view.width - 16
                x: 8
                spacing: 4
                opacity: future ? 0.55 : 1

                Label {
                    Layout.fillWidth: true
                    text: "%1 — %2".arg(change.date).arg(change.summary)
                    font.bold: true
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                }
                RowLayout { // how the evidence splits, before the evidence itself
                    spacing: 6
                    Repeater {
                        model: [[change.supports, EvidenceModel.Supports, qsTr("supports")],
                                [change.disputes, EvidenceModel.Disputes, qsTr("disputes")],
                                [change.context, EvidenceModel.Context, qsTr("context")],
                                [change.infers, EvidenceModel.Infers, qsTr("inferred from")]]
                        delegate: Label {
                            id: tally
                            required property var modelData
                            visible: modelData[0] > 0
                            text: "%1 %2".arg(modelData[0]).arg(modelData[2])
                            color: "white"
                            font { pixelSize: 12; bold: true }
                            leftPadding: 6; rightPadding: 6; topPadding: 1; bottomPadding: 1
                            background: Rectangle { color: MapStyle.stance(tally.modelData[1]); radius: 8 }
                            textFormat: Text.PlainText
                        }
                    }
                }
                Label { // a draft is shown as one until a colleague verifies it
                    Layout.fillWidth: true
                    visible: change.review !== ""
                    text: change.review
                    color: "#8a5a00"
                    font { bold: true; italic: true }
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                }
                Label { // no report names this change: say what it rests on before anything else
                    Layout.fillWidth: true
                    visible: change.inferred
                    text: change.inferredFrom
                    color: MapStyle.stance(EvidenceModel.Infers)
                    font.bold: true
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Confidence: %1. %2").arg(change.confidence).arg(change.note)
                    color: "#555"
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                }
                Repeater {
                    model: change.evidence
                    delegate: EvidenceDelegate { Layout.fillWidth: true }
                }
                Flow { // what can be done to this change: review a draft, add evidence, correct, retract
                    Layout.fillWidth: true
                    visible: root.desk.writable
                    spacing: 4
                    Button {
                        objectName: "verifyButton"
                        visible: change.draft
                        text: qsTr("Verify")
                        flat: true
                        onClicked: {
                            const why = root.desk.verify(change.changeId)
                            if (why !== "")
                                root.problem(why)
                        }
                    }
                    Button {
                        visible: change.draft
                        text: qsTr("Reject…")
                        flat: true
                        onClicked: root.askReason(qsTr("Reject the draft %1").arg(change.changeId), "reject", change.changeId)
                    }
                    Button { text: qsTr("Add evidence…"); flat: true; onClicked: recordDialog.openToCite(change.changeId) }
                    Button { text: qsTr("Correct…"); flat: true; onClicked: recordDialog.openToCorrect(change.changeId, change.date) }
                    Button {
                        text: qsTr("Retract…")
                        flat: true
                        onClicked: root.askReason(qsTr("Retract change %1").arg(change.changeId), "retract", change.changeId)
                    }
                }
            }
        }
    }
}
