// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtGraphs
import QtQuick.Controls

// Districts per holder over the whole span (Qt Graphs), with the current day as a cursor; click to jump. Shares
// reported at the time are markers on a percent scale of the same height: a ring where the report put it, a dot
// where the dataset has it that day.
Item {
    id: root

    required property Dataset dataset
    required property DayState day
    required property TotalsModel totals
    required property ShareClaimModel shareClaims
    readonly property int lastDay: Math.max(1, dataset.dayCount - 1)

    GraphsView {
        id: graphs

        anchors.fill: parent
        // Drawn once into a texture: the series and the grid (a shader over the whole plot) do not change with
        // the day, and redrawing them every frame costs a software renderer about a third of each frame.
        layer.enabled: true
        marginLeft: 8
        marginRight: 16
        marginTop: 8
        marginBottom: 4
        theme: GraphsTheme {
            colorScheme: GraphsTheme.ColorScheme.Light
            plotAreaBackgroundColor: "#fbfbfb"
            grid.mainColor: "#e0e0e0"
            axisX.mainColor: "#999"
            axisY.mainColor: "#999"
            labelTextColor: "#444"
        }
        // Weekly grid lines, or about sixty over a long span (ten years would be 520 lines to draw every frame).
        axisX: ValueAxis { min: 0; max: root.lastDay; tickInterval: Math.max(7, Math.ceil(root.lastDay / 60 / 7) * 7); labelsVisible: false; subGridVisible: false }
        axisY: ValueAxis { min: 0; max: root.dataset.districtCount; tickInterval: Math.max(1, Math.ceil(max / 40) * 10); labelDecimals: 0; subGridVisible: false }
    }

    Instantiator {
        model: root.totals
        delegate: LineSeries {
            id: series

            required name // the series' own name, set from the role of the same name
            required property color colour
            required property var counts

            color: colour
            width: 2.5
            // Over long spans, each of at most 800 runs of days keeps its lowest and highest count: the line looks
            // the same at the chart's width and has a fraction of the points to draw every frame.
            function draw() {
                clear()
                const counts = series.counts
                const run = Math.max(1, Math.ceil(counts.length / 800))
                for (let first = 0; first < counts.length; first += run) {
                    let low = first, high = first
                    for (let day = first + 1; day < Math.min(counts.length, first + run); ++day) {
                        if (counts[day] < counts[low]) low = day
                        if (counts[day] > counts[high]) high = day
                    }
                    append(Math.min(low, high), counts[Math.min(low, high)])
                    if (low !== high)
                        append(Math.max(low, high), counts[Math.max(low, high)])
                }
            }
            Component.onCompleted: draw()
            onCountsChanged: draw() // the totals after an edit, in the same series
        }
        onObjectAdded: (index, series) => graphs.addSeries(series)
        onObjectRemoved: (index, series) => graphs.removeSeries(series)
    }

    Repeater { // reported shares beside the dataset's own, 0% at the bottom of the plot and 100% at the top
        model: root.shareClaims
        delegate: Item {
            id: marker

            required property int index
            required property int day
            required property color colour
            required property real claimed
            required property real measured
            required property string claimant
            required property string text
            readonly property real claimedY: root.percentY(claimed)
            readonly property real measuredY: root.percentY(measured)

            x: root.plotLeft + day / root.lastDay * root.plotWidth
            z: 2
            Rectangle { // how far the dataset is from the report
                x: -0.75; y: Math.min(marker.claimedY, marker.measuredY)
                width: 1.5; height: Math.abs(marker.claimedY - marker.measuredY)
                color: marker.colour
            }
            Rectangle {
                x: -5; y: marker.claimedY - 5; width: 10; height: 10; radius: 5
                color: "white"; border { color: marker.colour; width: 2 }
            }
            Rectangle { x: -3.5; y: marker.measuredY - 3.5; width: 7; height: 7; radius: 3.5; color: marker.colour }
            Text { // above the ring, or below it every other marker (reports a day apart), kept inside the plot
                x: marker.x + 6 + width > root.width ? -width - 6 : 6
                y: marker.index % 2 ? marker.claimedY + 4 : marker.claimedY - height - 2
                text: "%1 %2%".arg(marker.claimant).arg(Math.round(marker.claimed))
                font.pixelSize: 10
                color: "#333"
                textFormat: Text.PlainText
            }
            MouseArea {
                id: hover
                x: -6; y: Math.min(marker.claimedY, marker.measuredY) - 6
                width: 12; height: Math.abs(marker.claimedY - marker.measuredY) + 12
                hoverEnabled: true
                onClicked: root.day.day = marker.day
            }
            ToolTip.visible: hover.containsMouse
            ToolTip.text: marker.text
        }
    }

    Text {
        visible: root.shareClaims.count > 0
        anchors { right: parent.right; rightMargin: graphs.marginRight + 4; bottom: parent.bottom; bottomMargin: root.xLabelHeight - 12 }
        text: qsTr("○ share reported  ● the dataset's share (0–100%, bottom to top)")
        font.pixelSize: 10
        color: "#555"
    }

    Rectangle { // the current day: an item of its own, so that moving it leaves the cached chart as it is
        x: root.plotLeft + root.day.day / root.lastDay * root.plotWidth - width / 2
        y: graphs.marginTop
        width: 1.5
        height: root.height - graphs.marginTop - graphs.marginBottom - root.xLabelHeight
        color: "#222"
    }

    MouseArea { // click to jump to a day
        anchors.fill: parent
        onClicked: mouse => root.day.day = Math.round(Math.max(0, Math.min(1, (mouse.x - root.plotLeft) / root.plotWidth)) * root.lastDay)
    }
    // The plot area: x runs from the y-axis labels to the right margin.
    readonly property real yLabelWidth: 59 // Qt Graphs 6.8 keeps this wide a column for the y axis, labels and ticks
    readonly property real xLabelHeight: 41 // and this high a row for the x axis, whose labels are hidden
    readonly property real plotLeft: graphs.marginLeft + yLabelWidth
    readonly property real plotWidth: width - plotLeft - graphs.marginRight
    readonly property real plotTop: graphs.marginTop
    readonly property real plotHeight: height - graphs.marginTop - graphs.marginBottom - xLabelHeight
    function percentY(percent) { return plotTop + (1 - percent / 100) * plotHeight }
}
