// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Day-by-day navigation: step, play, jump between days with changes, and a slider over the whole span
// with a mark on each day that has changes (taller for more changes).
Pane {
    id: root

    required property Atlas atlas
    property bool playing: false

    Timer {
        interval: 1000
        repeat: true
        running: root.playing
        onTriggered: {
            if (root.atlas.day >= root.atlas.dayCount - 1)
                root.playing = false
            else
                root.atlas.stepDays(1)
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 6

        ToolButton { text: "⏮"; ToolTip.text: qsTr("Previous day with changes (Shift+Left)"); ToolTip.visible: hovered; onClicked: root.atlas.jumpToChange(-1) }
        ToolButton { text: "◀"; ToolTip.text: qsTr("Previous day (Left)"); ToolTip.visible: hovered; onClicked: root.atlas.stepDays(-1) }
        ToolButton { text: root.playing ? "⏸" : "▶"; ToolTip.text: qsTr("Play / pause (Space)"); ToolTip.visible: hovered; onClicked: root.playing = !root.playing }
        ToolButton { text: "▶|"; ToolTip.text: qsTr("Next day (Right)"); ToolTip.visible: hovered; onClicked: root.atlas.stepDays(1) }
        ToolButton { text: "⏭"; ToolTip.text: qsTr("Next day with changes (Shift+Right)"); ToolTip.visible: hovered; onClicked: root.atlas.jumpToChange(1) }

        Label { text: root.atlas.firstDateText; color: "#555" }

        Item {
            Layout.fillWidth: true
            implicitHeight: 44

            Repeater {
                model: root.atlas.changeDays
                delegate: Rectangle {
                    required property var modelData

                    x: slider.leftPadding + slider.availableWidth * modelData.day / Math.max(1, root.atlas.dayCount - 1) - 1
                    y: 20 - height
                    width: 3
                    height: Math.min(18, 4 + 2 * Math.sqrt(modelData.changes))
                    color: modelData.day === root.atlas.day ? "#d55e00" : "#555"
                }
            }
            Slider {
                id: slider

                anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                from: 0
                to: root.atlas.dayCount - 1
                stepSize: 1
                snapMode: Slider.SnapAlways
                value: root.atlas.day
                onMoved: root.atlas.day = Math.round(value)
            }
        }

        Label { text: root.atlas.lastDateText; color: "#555" }
        Label {
            text: root.atlas.dateText
            font { pixelSize: 18; bold: true }
            Layout.leftMargin: 12
        }
    }
}
