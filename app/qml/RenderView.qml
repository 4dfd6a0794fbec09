// SPDX-License-Identifier: MIT
import QtQuick

// The map alone, for headless rendering (frontline render) and the app tests.
Item {
    id: root

    required property Notices notices // what the render could not draw is logged from there
    required property Dataset dataset
    required property DayState day
    required property Selection selection
    required property CompareModel compare
    required property IncidentModel incidents
    required property Basemap basemap
    required property MapExporter exporter
    readonly property bool ready: panel.ready
    // The view the picture shows, for drawing the same view elsewhere (the SVG export).
    readonly property var center: panel.map.center
    readonly property real zoomLevel: panel.map.zoomLevel

    function pixelOf(coordinate) {
        return panel.map.fromCoordinate(coordinate, false)
    }

    MapPanel {
        id: panel

        anchors.fill: parent
        dataset: root.dataset
        day: root.day
        selection: root.selection
        compare: root.compare
        incidents: root.incidents
        basemap: root.basemap
        interactive: false
    }

    // The credit line an exported picture carries, in the corner where maps carry theirs.
    Text {
        visible: root.exporter.attributionShown && text !== ""
        anchors { left: parent.left; bottom: parent.bottom; margins: 6 }
        width: Math.min(implicitWidth, parent.width * 0.6)
        text: root.exporter.attribution
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        font.pixelSize: 11
        color: "#333"
        style: Text.Outline
        styleColor: "#f0ffffff"
    }
}
