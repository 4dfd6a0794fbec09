// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Day-by-day navigation: step, play, jump between days with changes, and a slider over the whole span
// with a mark on each day that has changes (taller for more changes).
Pane {
    id: root

    required property Dataset dataset
    required property DayState day
    required property CompareModel compare
    required property TotalsModel totals
    property bool playing: false
    property bool chartVisible: true
    property int daysPerSecond: 1
    property bool arabicLabels: false

    function dayX(day) { return slider.leftPadding + slider.availableWidth * day / Math.max(1, dataset.dayCount - 1) }
    function markHeight(changes) { return Math.min(18, 4 + 2 * Math.sqrt(changes)) }

    Timer {
        interval: 1000 / root.daysPerSecond
        repeat: true
        running: root.playing
        onTriggered: {
            if (root.day.day >= root.dataset.dayCount - 1)
                root.playing = false
            else
                root.day.stepDays(1)
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 6

        ToolButton { text: "⏮"; ToolTip.text: qsTr("Previous day with changes (Shift+Left)"); ToolTip.visible: hovered; onClicked: root.day.jumpToChange(-1) }
        ToolButton { text: "◀"; ToolTip.text: qsTr("Previous day (Left)"); ToolTip.visible: hovered; onClicked: root.day.stepDays(-1) }
        ToolButton { text: root.playing ? "⏸" : "▶"; ToolTip.text: qsTr("Play / pause (Space)"); ToolTip.visible: hovered; onClicked: root.playing = !root.playing }
        ToolButton { text: "▶|"; ToolTip.text: qsTr("Next day (Right)"); ToolTip.visible: hovered; onClicked: root.day.stepDays(1) }
        ComboBox {
            implicitWidth: 110
            readonly property var speeds: [1, 2, 5, 10, 30, 60]
            model: speeds
            currentIndex: speeds.indexOf(root.daysPerSecond)
            displayText: qsTr("%1 day/s").arg(currentValue)
            onActivated: root.daysPerSecond = currentValue
            ToolTip.text: qsTr("Playback speed")
            ToolTip.visible: hovered
        }
        ToolButton { text: "⏭"; ToolTip.text: qsTr("Next day with changes (Shift+Right)"); ToolTip.visible: hovered; onClicked: root.day.jumpToChange(1) }

        Label { text: root.dataset.firstDateText; color: "#555" }

        Item {
            Layout.fillWidth: true
            implicitHeight: 44

            Item { // ticks and marks do not depend on the day: drawn once into a texture (ten years are 3,650 of each)
                anchors.fill: parent
                layer.enabled: true

                Repeater { // one tick per day, where there is room for them
                    model: slider.availableWidth >= 3 * root.dataset.dayCount ? root.dataset.dayCount : 0
                    delegate: Rectangle {
                        required property int index
                        x: root.dayX(index)
                        y: 20
                        width: 1
                        height: 4
                        color: "#aaa"
                    }
                }
                Repeater {
                    model: root.totals.changeDays
                    delegate: Rectangle {
                        required property int day
                        required property int changes

                        x: root.dayX(day) - 1
                        y: 20 - height
                        width: 3
                        height: root.markHeight(changes)
                        color: "#555"
                    }
                }
            }
            Rectangle { // the current day: its tick, and its mark if it has changes
                readonly property real markHeight: root.day.dayChangeCount > 0 ? root.markHeight(root.day.dayChangeCount) : 0
                x: root.dayX(root.day.day) - (markHeight > 0 ? 1 : 0)
                y: 20 - markHeight
                width: markHeight > 0 ? 3 : 1
                height: markHeight + 4
                color: "#d55e00"
            }
            Slider {
                id: slider

                anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                from: 0
                to: root.dataset.dayCount - 1
                stepSize: 1
                snapMode: Slider.SnapAlways
                value: root.day.day
                onMoved: root.day.day = Math.round(value)
            }
        }

        Label { text: root.dataset.lastDateText; color: "#555" }
        TextField {
            id: dateField

            Layout.leftMargin: 12
            implicitWidth: 120
            text: root.day.dateText
            font { pixelSize: 16; bold: true }
            inputMask: "9999-99-99"
            ToolTip.text: qsTr("Type a date and press Enter to jump there")
            ToolTip.visible: hovered
            onAccepted: {
                if (!root.day.goToDate(text))
                    text = root.day.dateText
                focus = false
            }
        }
        ToolButton {
            text: root.compare.compareDay >= 0 ? qsTr("Comparing with %1").arg(root.compare.compareDateText) : qsTr("Compare")
            checkable: true
            checked: root.compare.compareDay >= 0
            onToggled: root.compare.compareDay = checked ? root.day.day : -1
            ToolTip.text: qsTr("Keep this day, then move to another: districts that changed hands in between are outlined in blue")
            ToolTip.visible: hovered
        }
        ToolButton {
            text: root.arabicLabels ? "Aa" : "عربي"
            onClicked: root.arabicLabels = !root.arabicLabels
            ToolTip.text: root.arabicLabels ? qsTr("Show names in English") : qsTr("Show names in Arabic")
            ToolTip.visible: hovered
        }
        ToolButton {
            text: "📈"
            checkable: true
            checked: root.chartVisible
            onToggled: root.chartVisible = checked
            ToolTip.text: qsTr("Territory chart")
            ToolTip.visible: hovered
        }
    }
}
