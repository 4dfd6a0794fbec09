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
