// SPDX-License-Identifier: MIT
import QtQuick

// The map alone, for headless rendering (frontline render) and the app tests.
Item {
    id: root

    required property Atlas atlas
    readonly property bool ready: panel.ready

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
