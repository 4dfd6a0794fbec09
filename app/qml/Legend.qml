// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick

// Each faction's colour with its district count on the current day, plus the map's other symbols.
Rectangle {
    id: root

    required property LegendModel legend
    property int incidentCount: 0
    property string compareDateText: "" // empty when not comparing

    width: column.implicitWidth + 24
    height: column.implicitHeight + 20
    radius: 6
    color: MapStyle.panel
    border.color: MapStyle.panelBorder

    Column {
        id: column

        anchors.centerIn: parent
        spacing: 6

        Repeater {
            // The rows stay from day to day: the model changes their counts in place.
            model: root.legend
            delegate: Row {
                id: entry
                required property string factionId
                required property string name
                required property color colour
                required property color stripes
                required property int districts
                required property real areaKm2

                spacing: 8
                Rectangle {
                    width: 22; height: 16
                    color: entry.colour
                    border.color: MapStyle.outline
                    clip: true

                    Repeater { // the stripes a contested district gets in its other side's colour
                        model: entry.factionId === "contested" ? 6 : 0
                        delegate: Rectangle {
                            required property int index
                            x: index * 6 - 8; y: -6
                            width: 2; height: 30
                            rotation: 45
                            color: entry.stripes
                        }
                    }
                }
                Text {
                    text: qsTr("%1: %2 districts, %3 km²").arg(entry.name).arg(entry.districts).arg(entry.areaKm2.toFixed(1))
                    font.pixelSize: 14
                    textFormat: Text.PlainText
                }
            }
        }
        Row {
            spacing: 8
            Rectangle { // the first side's colour, paler, as a low-confidence district is drawn
                width: 22; height: 16; opacity: MapStyle.lowConfidenceOpacity; border.color: MapStyle.outline
                color: root.legend.firstColour
            }
            Text { text: qsTr("Low confidence (paler)"); font.pixelSize: 14 }
        }
        Row {
            spacing: 8
            Rectangle { // white stripes over the holder's colour, as an inferred district is drawn
                width: 22; height: 16; border.color: MapStyle.outline; clip: true
                color: root.legend.firstColour
                Repeater {
                    model: 6
                    delegate: Rectangle {
                        required property int index
                        x: index * 6 - 8; y: -6
                        width: 2; height: 30
                        rotation: 45
                        color: MapStyle.inferredStripes
                    }
                }
            }
            Text { text: qsTr("Inferred: no report names it (striped white)"); font.pixelSize: 14 }
        }
        Row {
            visible: root.incidentCount > 0
            spacing: 8
            Rectangle {
                width: 16; height: 16; radius: 8; color: MapStyle.incident; border.color: MapStyle.outline
                Text { anchors.centerIn: parent; text: "!"; color: "white"; font { bold: true; pixelSize: 11 } }
            }
            Text { text: qsTr("Incident reported this day (%1)").arg(root.incidentCount); font.pixelSize: 14 }
        }
        Row {
            spacing: 8
            Rectangle { width: 22; height: 4; color: MapStyle.front; anchors.verticalCenter: parent.verticalCenter }
            Text { text: qsTr("Front line"); font.pixelSize: 14 }
        }
        Row {
            spacing: 8
            Rectangle { width: 22; height: 16; color: "transparent"; border.color: MapStyle.changedToday; border.width: 3 }
            Text { text: qsTr("Changed this day"); font.pixelSize: 14 }
        }
        Row {
            visible: root.compareDateText !== ""
            spacing: 8
            Rectangle { width: 22; height: 16; color: "transparent"; border.color: MapStyle.compared; border.width: 3 }
            Text { text: qsTr("Changed hands since %1").arg(root.compareDateText); font.pixelSize: 14 }
        }
    }
}
