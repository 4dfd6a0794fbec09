// SPDX-License-Identifier: MIT
import QtQuick
import QtGraphs

// Districts per holder over the whole span (Qt Graphs), with the current day as a cursor; click to jump.
Item {
    id: root

    required property Atlas atlas
    readonly property int lastDay: Math.max(1, atlas.dayCount - 1)

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
        axisY: ValueAxis { min: 0; max: root.atlas.districtCount; tickInterval: Math.max(1, Math.ceil(max / 40) * 10); labelDecimals: 0; subGridVisible: false }
    }

    Instantiator {
        model: root.atlas.totals
        delegate: LineSeries {
            required property var modelData

            name: modelData.name
            color: modelData.colour
            width: 2.5
            // Over long spans, each of at most 800 runs of days keeps its lowest and highest count: the line looks
            // the same at the chart's width and has a fraction of the points to draw every frame.
            Component.onCompleted: {
                const counts = modelData.counts
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
        }
        onObjectAdded: (index, series) => graphs.addSeries(series)
        onObjectRemoved: (index, series) => graphs.removeSeries(series)
    }

    Rectangle { // the current day: an item of its own, so that moving it leaves the cached chart as it is
        x: root.plotLeft + root.atlas.day / root.lastDay * root.plotWidth - width / 2
        y: graphs.marginTop
        width: 1.5
        height: root.height - graphs.marginTop - graphs.marginBottom - root.xLabelHeight
        color: "#222"
    }

    MouseArea { // click to jump to a day
        anchors.fill: parent
        onClicked: mouse => root.atlas.day = Math.round(Math.max(0, Math.min(1, (mouse.x - root.plotLeft) / root.plotWidth)) * root.lastDay)
    }
    // The plot area: x runs from the y-axis labels to the right margin.
    readonly property real yLabelWidth: 59 // Qt Graphs 6.8 keeps this wide a column for the y axis, labels and ticks
    readonly property real xLabelHeight: 41 // and this high a row for the x axis, whose labels are hidden
    readonly property real plotLeft: graphs.marginLeft + yLabelWidth
    readonly property real plotWidth: width - plotLeft - graphs.marginRight
}
