// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// With nothing selected: what changed on the current day; click one to read its sources.
Pane {
    id: root

    required property Atlas atlas

    signal incidentChosen(var coordinate)

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        Label {
            visible: root.atlas.compareDay >= 0
            text: qsTr("Changed hands since the compared day: %1").arg(root.atlas.compared.length)
            font { pixelSize: 16; bold: true }
            color: MapStyle.compared
        }
        ListView {
            visible: root.atlas.compareDay >= 0
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 260)
            clip: true
            model: root.atlas.compared
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                required property var modelData

                width: ListView.view.width
                contentItem: Label {
                    text: qsTr("%1: %2 → %3").arg(modelData.name).arg(modelData.before).arg(modelData.after)
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                }
                onClicked: root.atlas.selectedDistrict = modelData.districtId
            }
        }
        Label {
            Layout.fillWidth: true
            text: root.atlas.dayChangeCount > root.atlas.dayChanges.count
                ? qsTr("Changes on %1: %L2, the first %L3 by name").arg(root.atlas.dateText)
                    .arg(root.atlas.dayChangeCount).arg(root.atlas.dayChanges.count)
                : qsTr("Changes on %1").arg(root.atlas.dateText)
            font { pixelSize: 18; bold: true }
            wrapMode: Text.Wrap
        }
        Label {
            visible: root.atlas.dayChanges.count === 0
            Layout.fillWidth: true
            text: qsTr("No district changed hands on this day. Shift+Right jumps to the next day with changes.")
            wrapMode: Text.Wrap
            color: "#555"
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 2
            model: root.atlas.dayChanges
            footer: Column { // the day's incidents, with their sources
                width: ListView.view.width
                spacing: 6
                topPadding: 12
                Label {
                    visible: root.atlas.incidents.length > 0
                    text: qsTr("Incidents on %1").arg(root.atlas.dateText)
                    font { pixelSize: 18; bold: true }
                }
                Repeater {
                    model: root.atlas.incidents
                    delegate: Column {
                        required property var modelData
                        width: parent.width
                        spacing: 4
                        Label {
                            width: parent.width
                            text: "%1%2".arg(modelData.place).arg(modelData.placeArabic ? " · " + modelData.placeArabic : "")
                            font { bold: true; underline: modelData.located }
                            wrapMode: Text.Wrap
                            textFormat: Text.PlainText
                            MouseArea { // fly to a placed incident
                                anchors.fill: parent
                                enabled: modelData.located
                                cursorShape: Qt.PointingHandCursor
                                onClicked: root.incidentChosen(modelData.coordinate)
                            }
                        }
                        Label {
                            width: parent.width
                            text: qsTr("%1 (%2 confidence; location: %3)").arg(modelData.description).arg(modelData.confidence)
                                  .arg(modelData.located ? modelData.locationConfidence : qsTr("not placed"))
                            wrapMode: Text.Wrap
                            color: "#444"
                            textFormat: Text.PlainText
                        }
                        Repeater {
                            model: modelData.evidence
                            delegate: EvidenceDelegate { width: parent.width }
                        }
                    }
                }
            }
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: change

                required property string districtId
                required property string name
                required property string summary
                required property string confidence

                width: ListView.view.width
                contentItem: Column {
                    Label { text: change.name; font.bold: true; textFormat: Text.PlainText }
                    Label { text: qsTr("%1 (%2 confidence)").arg(change.summary).arg(change.confidence); color: "#444"; textFormat: Text.PlainText }
                }
                onClicked: root.atlas.selectedDistrict = change.districtId
            }
        }
    }
}
