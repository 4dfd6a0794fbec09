// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The selected district: names in both scripts, who holds it since when, and every change with its evidence.
Pane {
    id: root

    required property Atlas atlas
    readonly property var selection: atlas.selection

    padding: 0

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
                        text: root.selection.name ?? ""
                        font { pixelSize: 20; bold: true }
                        wrapMode: Text.Wrap
                        textFormat: Text.PlainText
                    }
                    ToolButton { text: "✕"; onClicked: root.atlas.selectedDistrict = "" }
                }
                Label {
                    Layout.fillWidth: true
                    text: root.selection.nameArabic ?? ""
                    font.pixelSize: 18
                    horizontalAlignment: Text.AlignRight
                    textFormat: Text.PlainText
                }
                RowLayout {
                    Button { text: qsTr("◀ Previous change"); onClicked: root.atlas.jumpToDistrictChange(-1) }
                    Button { text: qsTr("Next change ▶"); onClicked: root.atlas.jumpToDistrictChange(1) }
                }
                Label {
                    Layout.fillWidth: true
                    text: root.selection.since
                          ? qsTr("%1 since %2").arg(root.selection.holder).arg(root.selection.since)
                          : (root.selection.holder ?? "")
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                }
            }
        }

        ListView {
            id: changes

            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 12
            model: root.selection.changes ?? []
            ScrollBar.vertical: ScrollBar {}

            delegate: ColumnLayout {
                required property var modelData

                width: ListView.view.width - 16
                x: 8
                spacing: 4
                opacity: modelData.future ? 0.55 : 1

                Label {
                    Layout.fillWidth: true
                    text: "%1 — %2".arg(modelData.date).arg(modelData.summary)
                    font.bold: true
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                }
                RowLayout { // how the evidence splits, before the evidence itself
                    spacing: 6
                    Repeater {
                        model: [["supports", modelData.supports, "#1b7f3b"], ["disputes", modelData.disputes, "#b3261e"],
                                ["context", modelData.context, "#6b6b6b"], ["inferred from", modelData.infers, "#6a3d9a"]]
                        delegate: Label {
                            required property var modelData
                            visible: modelData[1] > 0
                            text: "%1 %2".arg(modelData[1]).arg(modelData[0])
                            color: "white"
                            font { pixelSize: 12; bold: true }
                            leftPadding: 6; rightPadding: 6; topPadding: 1; bottomPadding: 1
                            background: Rectangle { color: modelData[2]; radius: 8 }
                            textFormat: Text.PlainText
                        }
                    }
                }
                Label { // no report names this change: say what it rests on before anything else
                    Layout.fillWidth: true
                    visible: modelData.inferred
                    text: modelData.inferredFrom
                    color: "#6a3d9a"
                    font.bold: true
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Confidence: %1. %2").arg(modelData.confidence).arg(modelData.note)
                    color: "#555"
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                }
                Repeater {
                    model: modelData.evidence
                    delegate: EvidenceDelegate { Layout.fillWidth: true }
                }
            }
        }
    }
}
