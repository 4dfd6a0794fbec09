// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtPositioning
import QtQuick.Layouts
import QtQuick.Dialogs
import QtCore

ApplicationWindow {
    id: window

    required property Atlas atlas
    required property AuditModel audit
    required property ShareClaimModel shareClaims
    property bool auditShown: false // the audit panel in place of the day's and the district's
    property bool restoreState: false
    property bool arabicLabels: false
    property int playSpeed: 0 // days a second to start playing at once the map is drawn (--play); 0: don't
    // Ready for a screenshot: the map is drawn and the territory chart totalled (in the background for
    // large datasets).
    readonly property bool ready: mapPanel.ready && atlas.totals.length > 0 && !(auditShown && audit.running)

    width: 1400
    height: 900
    visible: true
    title: qsTr("Frontline — %1").arg(atlas.title)

    Settings {
        id: state

        category: "viewer"
        property var recentFiles: []
        property string database
        property string date
        property real latitude: NaN
        property real longitude: NaN
        property real zoom: -1
    }
    Settings {
        category: "window"
        property alias x: window.x
        property alias y: window.y
        property alias width: window.width
        property alias height: window.height
    }

    function remember(path) {
        const recent = [path].concat(state.recentFiles.filter(p => p !== path)).slice(0, 8)
        state.recentFiles = recent
    }

    Component.onCompleted: {
        remember(atlas.databasePath)
        if (restoreState && state.database === atlas.databasePath) {
            if (state.date !== "")
                atlas.goToDate(state.date)
            if (state.zoom > 0)
                mapPanel.restoreView(QtPositioning.coordinate(state.latitude, state.longitude), state.zoom)
        }
    }
    // Ready for a scripted screenshot: with --play, once a few days have been played (and drawn), however slow
    // the machine.
    property int playedFrom: -1
    readonly property bool screenshotReady: ready && (playSpeed === 0 || (playedFrom >= 0 && atlas.day - playedFrom >= 5)
                                                      || (playedFrom >= 0 && !timeline.playing))
    onReadyChanged: {
        if (ready && playSpeed > 0 && playedFrom < 0) {
            playedFrom = atlas.day
            timeline.daysPerSecond = playSpeed
            timeline.playing = true
        }
    }
    onClosing: {
        state.database = atlas.databasePath
        state.date = atlas.dateText
        state.latitude = mapPanel.map.center.latitude
        state.longitude = mapPanel.map.center.longitude
        state.zoom = mapPanel.map.zoomLevel
    }
    Connections {
        target: window.atlas
        function onDatasetChanged() { window.remember(window.atlas.databasePath) }
    }

    menuBar: MenuBar {
        Menu {
            title: qsTr("&File")
            Action { text: qsTr("&Open database…"); shortcut: StandardKey.Open; onTriggered: openDialog.open() }
            Menu {
                id: recentMenu

                title: qsTr("Open &recent")
                Instantiator {
                    model: state.recentFiles
                    delegate: MenuItem {
                        required property string modelData
                        text: modelData
                        onTriggered: window.atlas.openDatabase("file://" + modelData)
                    }
                    onObjectAdded: (index, item) => recentMenu.insertItem(index, item)
                    onObjectRemoved: (index, item) => recentMenu.removeItem(item)
                }
            }
            MenuSeparator {}
            Action { text: qsTr("Import dataset &folder…"); onTriggered: datasetDialog.open() }
            Action { text: qsTr("Import district &boundaries…"); onTriggered: boundariesDialog.open() }
            Action { text: qsTr("Open offline &basemap…"); onTriggered: basemapDialog.open() }
            Action { text: qsTr("&Hide basemap"); enabled: window.atlas.basemapOpen; onTriggered: window.atlas.openBasemap("") }
            MenuSeparator {}
            Action { text: qsTr("&Export view as PNG…"); shortcut: "Ctrl+E"; onTriggered: exportDialog.open() }
            Action { text: qsTr("Export view as &SVG…"); onTriggered: svgDialog.open() }
            MenuSeparator {}
            Action {
                text: qsTr("&Audit the dataset")
                shortcut: "Ctrl+Shift+A"
                onTriggered: {
                    window.auditShown = true
                    window.audit.runOn(window.atlas.databasePath, window.atlas.firstDateText)
                }
            }
            Action {
                text: window.atlas.exporting ? qsTr("Exporting animation…") : qsTr("Export &animation (MP4 or GIF)…")
                enabled: !window.atlas.exporting
                onTriggered: animationDialog.open()
            }
            MenuSeparator {}
            Action { text: qsTr("&Quit"); shortcut: StandardKey.Quit; onTriggered: Qt.quit() }
        }
    }

    FileDialog {
        id: openDialog
        title: qsTr("Open a Frontline database")
        nameFilters: [qsTr("Frontline databases (*.frontline *.db *.sqlite)"), qsTr("All files (*)")]
        onAccepted: window.atlas.openDatabase(selectedFile)
    }
    FileDialog {
        id: svgDialog
        title: qsTr("Export the map as a vector image, with date and legend")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "svg"
        nameFilters: [qsTr("SVG images (*.svg)")]
        onAccepted: {
            if (window.atlas.exportSvg(selectedFile, mapPanel.map.center, mapPanel.map.zoomLevel, Qt.size(mapPanel.width, mapPanel.height)))
                window.showImport(qsTr("Saved %1").arg(selectedFile))
        }
    }
    FileDialog {
        id: animationDialog
        title: qsTr("Export the whole timeline as a video, with date and legend")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "mp4"
        nameFilters: [qsTr("MP4 video (*.mp4)"), qsTr("GIF animation (*.gif)")]
        onAccepted: window.atlas.exportAnimation(selectedFile, timeline.daysPerSecond)
    }
    Connections {
        target: window.atlas
        function onExportFinished(ok, text) { window.showImport(text) }
    }
    FileDialog {
        id: basemapDialog
        title: qsTr("Open an offline basemap (MBTiles; nothing is downloaded)")
        nameFilters: [qsTr("MBTiles (*.mbtiles)"), qsTr("All files (*)")]
        onAccepted: window.atlas.openBasemap(selectedFile)
    }
    FileDialog {
        id: exportDialog
        title: qsTr("Export the map as it is shown, with date and legend")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "png"
        nameFilters: [qsTr("PNG images (*.png)")]
        onAccepted: {
            const file = selectedFile
            mapPanel.grabToImage(result => {
                if (!result.saveToFile(file))
                    window.showImport(qsTr("Could not write %1").arg(file))
            })
        }
    }
    FolderDialog {
        id: datasetDialog
        title: qsTr("Import a dataset folder (manifest.ini + CSV files)")
        onAccepted: window.showImport(window.atlas.importInto("dataset", selectedFolder))
    }
    FileDialog {
        id: boundariesDialog
        title: qsTr("Import district boundaries")
        nameFilters: [qsTr("Vector files (*.geojson *.json *.shp *.gpkg *.kml *.kmz *.fgb *.csv)"), qsTr("All files (*)")]
        onAccepted: window.showImport(window.atlas.importInto("districts", selectedFile))
    }

    function showImport(summary) {
        if (summary !== "") {
            message.title = qsTr("Import finished")
            message.text = summary
            message.open()
        }
    }

    Connections {
        target: window.atlas
        function onErrorStringChanged() {
            message.title = qsTr("Frontline")
            message.text = window.atlas.errorString
            message.open()
        }
    }
    Dialog {
        id: message
        property alias text: messageText.text
        anchors.centerIn: parent
        width: Math.min(640, window.width - 80)
        modal: true
        standardButtons: Dialog.Ok
        Label {
            id: messageText
            width: parent.width
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
        }
    }

    Shortcut { sequence: "Right"; onActivated: window.atlas.stepDays(1) }
    Shortcut { sequence: "Left"; onActivated: window.atlas.stepDays(-1) }
    Shortcut { sequence: "Shift+Right"; onActivated: window.atlas.jumpToChange(1) }
    Shortcut { sequence: "Shift+Left"; onActivated: window.atlas.jumpToChange(-1) }
    Shortcut { sequence: "Home"; onActivated: window.atlas.day = 0 }
    Shortcut { sequence: "End"; onActivated: window.atlas.day = window.atlas.dayCount - 1 }
    Shortcut { sequence: "Space"; onActivated: timeline.playing = !timeline.playing }
    Shortcut { sequence: "Esc"; onActivated: window.atlas.selectedDistrict = "" }
    Shortcut { sequence: "Ctrl+F"; onActivated: search.focusSearch() }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            MapPanel {
                id: mapPanel

                Layout.fillWidth: true
                Layout.fillHeight: true
                atlas: window.atlas
                arabicLabels: timeline.arabicLabels
                onDistrictClicked: coordinate => window.atlas.selectAt(coordinate)
            }
            ColumnLayout {
                Layout.preferredWidth: 440
                Layout.maximumWidth: 440
                Layout.fillHeight: true
                spacing: 0

                SearchPanel {
                    id: search

                    Layout.fillWidth: true
                    atlas: window.atlas
                    onChosen: (districtId, day) => {
                        if (day >= 0)
                            window.atlas.day = day
                        window.atlas.selectedDistrict = districtId
                        mapPanel.flyTo(window.atlas.anchorOf(districtId))
                    }
                }
                AuditPanel {
                    Layout.fillWidth: true
                    Layout.preferredHeight: window.atlas.selectedDistrict !== "" ? 300 : -1
                    Layout.fillHeight: window.atlas.selectedDistrict === ""
                    visible: window.auditShown
                    atlas: window.atlas
                    audit: window.audit
                    onClosed: window.auditShown = false
                    onDistrictChosen: districtId => mapPanel.flyTo(window.atlas.anchorOf(districtId))
                }
                DistrictPanel {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: window.atlas.selectedDistrict !== ""
                    atlas: window.atlas
                }
                DayPanel {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: window.atlas.selectedDistrict === "" && !window.auditShown
                    atlas: window.atlas
                    onIncidentChosen: coordinate => mapPanel.flyTo(coordinate)
                }
            }
        }
        TerritoryChart {
            Layout.fillWidth: true
            Layout.preferredHeight: 150
            visible: timeline.chartVisible
            atlas: window.atlas
            shareClaims: window.shareClaims
        }
        TimelineBar {
            id: timeline

            Layout.fillWidth: true
            arabicLabels: window.arabicLabels
            atlas: window.atlas
        }
    }
}
