// SPDX-License-Identifier: MIT
import QtQuick

// The map alone, for headless rendering (frontline render) and the app tests.
Item {
    id: root

    required property Atlas atlas
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
        atlas: root.atlas
        interactive: false
    }
}
