// SPDX-License-Identifier: MIT
import QtQuick

// Each faction's colour with its district count on the current day, plus the map's other symbols.
Rectangle {
    id: root

    required property Atlas atlas

    width: column.implicitWidth + 24
    height: column.implicitHeight + 20
    radius: 6
    color: "#f2ffffff"
    border.color: "#b0b0b0"

    Column {
        id: column

        anchors.centerIn: parent
        spacing: 6

        Repeater {
            // The rows stay from day to day (a list as the model would make them anew on every step): each
            // takes its counts from the day's summary.
            model: root.atlas.factions.length
            delegate: Row {
                required property int index
                readonly property var modelData: root.atlas.factions[index]

                spacing: 8
                Rectangle {
                    width: 22; height: 16
                    color: modelData.colour
                    border.color: "white"
                    clip: true

                    Repeater { // the stripes a contested district gets in its other side's colour
                        model: modelData.id === "contested" ? 6 : 0
                        delegate: Rectangle {
                            required property int index
                            x: index * 6 - 8; y: -6
                            width: 2; height: 30
                            rotation: 45
                            color: modelData.stripes ?? "gray"
                        }
                    }
                }
                Text {
                    text: qsTr("%1: %2 districts, %3 km²").arg(modelData.name).arg(modelData.districts).arg(modelData.areaKm2.toFixed(1))
                    font.pixelSize: 14
                    textFormat: Text.PlainText
                }
            }
        }
        Row {
            spacing: 8
            Rectangle { // the first side's colour, paler, as a low-confidence district is drawn
                width: 22; height: 16; opacity: MapStyle.lowConfidenceOpacity; border.color: "white"
                color: root.atlas.factions.length > 0 ? root.atlas.factions[0].colour : "gray"
            }
            Text { text: qsTr("Low confidence (paler)"); font.pixelSize: 14 }
        }
        Row {
            spacing: 8
            Rectangle { // white stripes over the holder's colour, as an inferred district is drawn
                width: 22; height: 16; border.color: "white"; clip: true
                color: root.atlas.factions.length > 0 ? root.atlas.factions[0].colour : "gray"
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
            visible: root.atlas.incidents.length > 0
            spacing: 8
            Rectangle {
                width: 16; height: 16; radius: 8; color: "#CC0000"; border.color: "white"
                Text { anchors.centerIn: parent; text: "!"; color: "white"; font { bold: true; pixelSize: 11 } }
            }
            Text { text: qsTr("Incident reported this day (%1)").arg(root.atlas.incidents.length); font.pixelSize: 14 }
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
            visible: root.atlas.compareDay >= 0
            spacing: 8
            Rectangle { width: 22; height: 16; color: "transparent"; border.color: MapStyle.compared; border.width: 3 }
            Text { text: qsTr("Changed hands since %1").arg(root.atlas.compareDateText); font.pixelSize: 14 }
        }
    }
}
