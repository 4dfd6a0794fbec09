// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// With nothing selected: what changed on the current day; click one to read its sources.
Pane {
    id: root

    required property DayState day
    required property Selection selection
    required property CompareModel compare
    required property IncidentModel incidents

    signal incidentChosen(var coordinate)

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        Label {
            visible: root.compare.compareDay >= 0
            text: qsTr("Changed hands since the compared day: %1").arg(root.compare.changedCount)
            font { pixelSize: 16; bold: true }
            color: MapStyle.compared
        }
        ListView {
            visible: root.compare.compareDay >= 0
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 260)
            clip: true
            model: root.compare
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: compared

                required property string districtId
                required property string name
                required property string before
                required property string after

                width: ListView.view.width
                contentItem: Label {
                    text: qsTr("%1: %2 → %3").arg(compared.name).arg(compared.before).arg(compared.after)
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                }
                onClicked: root.selection.select(compared.districtId)
            }
        }
        Label {
            Layout.fillWidth: true
            text: root.day.dayChangeCount > root.day.dayChanges.count
                ? qsTr("Changes on %1: %L2, the first %L3 by name").arg(root.day.dateText)
                    .arg(root.day.dayChangeCount).arg(root.day.dayChanges.count)
                : qsTr("Changes on %1").arg(root.day.dateText)
            font { pixelSize: 18; bold: true }
            wrapMode: Text.Wrap
        }
        Label {
            visible: root.day.dayChanges.count === 0
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
            model: root.day.dayChanges
            footer: Column { // the day's incidents, with their sources
                width: ListView.view.width
                spacing: 6
                topPadding: 12
                Label {
                    visible: root.incidents.count > 0
                    text: qsTr("Incidents on %1").arg(root.day.dateText)
                    font { pixelSize: 18; bold: true }
                }
                Repeater {
                    model: root.incidents
                    delegate: Column {
                        id: incident

                        required property string place
                        required property string placeArabic
                        required property bool located
                        required property var coordinate
                        required property string description
                        required property string confidence
                        required property string locationConfidence
                        required property EvidenceModel evidence

                        width: parent.width
                        spacing: 4
                        Label {
                            width: parent.width
                            text: "%1%2".arg(incident.place).arg(incident.placeArabic ? " · " + incident.placeArabic : "")
                            font { bold: true; underline: incident.located }
                            wrapMode: Text.Wrap
                            textFormat: Text.PlainText
                            MouseArea { // fly to a placed incident
                                anchors.fill: parent
                                enabled: incident.located
                                cursorShape: Qt.PointingHandCursor
                                onClicked: root.incidentChosen(incident.coordinate)
                            }
                        }
                        Label {
                            width: parent.width
                            text: qsTr("%1 (%2 confidence; location: %3)").arg(incident.description).arg(incident.confidence)
                                  .arg(incident.located ? incident.locationConfidence : qsTr("not placed"))
                            wrapMode: Text.Wrap
                            color: "#444"
                            textFormat: Text.PlainText
                        }
                        Repeater {
                            model: incident.evidence
                            delegate: EvidenceDelegate { width: parent ? parent.width : 0 } // parent: null while the list is rebuilt
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
                onClicked: root.selection.select(change.districtId)
            }
        }
    }
}
