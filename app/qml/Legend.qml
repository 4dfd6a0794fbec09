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
            model: root.atlas.factions
            delegate: Row {
                required property var modelData

                spacing: 8
                Rectangle {
                    width: 22; height: 16
                    color: modelData.id === "contested" ? "#5aD55E00" : modelData.colour
                    border.color: modelData.id === "contested" ? "#009E73" : "white"
                    border.width: modelData.id === "contested" ? 3 : 1
                }
                Text {
                    text: qsTr("%1 (%2)").arg(modelData.name).arg(modelData.districts)
                    font.pixelSize: 14
                    textFormat: Text.PlainText
                }
            }
        }
        Row {
            spacing: 8
            Rectangle { width: 22; height: 4; color: "#1a1a1a"; anchors.verticalCenter: parent.verticalCenter }
            Text { text: qsTr("Front line"); font.pixelSize: 14 }
        }
        Row {
            spacing: 8
            Rectangle { width: 22; height: 16; color: "transparent"; border.color: "#F0E442"; border.width: 3 }
            Text { text: qsTr("Changed this day"); font.pixelSize: 14 }
        }
    }
}
