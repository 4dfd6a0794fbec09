// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ApplicationWindow {
    id: window

    required property Atlas atlas

    width: 1400
    height: 900
    visible: true
    title: qsTr("Frontline — %1").arg(atlas.title)

    Shortcut { sequence: "Right"; onActivated: window.atlas.stepDays(1) }
    Shortcut { sequence: "Left"; onActivated: window.atlas.stepDays(-1) }
    Shortcut { sequence: "Shift+Right"; onActivated: window.atlas.jumpToChange(1) }
    Shortcut { sequence: "Shift+Left"; onActivated: window.atlas.jumpToChange(-1) }
    Shortcut { sequence: "Home"; onActivated: window.atlas.day = 0 }
    Shortcut { sequence: "End"; onActivated: window.atlas.day = window.atlas.dayCount - 1 }
    Shortcut { sequence: "Space"; onActivated: timeline.playing = !timeline.playing }
    Shortcut { sequence: "Esc"; onActivated: window.atlas.selectedDistrict = "" }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            MapPanel {
                Layout.fillWidth: true
                Layout.fillHeight: true
                atlas: window.atlas
                onDistrictClicked: coordinate => window.atlas.selectAt(coordinate)
            }
            DistrictPanel {
                Layout.preferredWidth: 440
                Layout.fillHeight: true
                visible: window.atlas.selectedDistrict !== ""
                atlas: window.atlas
            }
        }
        TimelineBar {
            id: timeline

            Layout.fillWidth: true
            atlas: window.atlas
        }
    }
}
