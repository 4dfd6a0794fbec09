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

    // The credit line an exported picture carries, in the corner where maps carry theirs.
    Text {
        visible: root.atlas.attributionShown && text !== ""
        anchors { left: parent.left; bottom: parent.bottom; margins: 6 }
        width: Math.min(implicitWidth, parent.width * 0.6)
        text: root.atlas.attribution
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        font.pixelSize: 11
        color: "#333"
        style: Text.Outline
        styleColor: "#f0ffffff"
    }
}
