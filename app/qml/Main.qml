// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtPositioning
import QtQuick.Layouts
import QtQuick.Dialogs
import QtCore

ApplicationWindow {
    id: window

    required property Notices notices
    required property Dataset dataset
    required property DayState day
    required property Selection selection
    required property CompareModel compare
    required property IncidentModel incidents
    required property TotalsModel totals
    required property SearchModel search
    required property Basemap basemap
    required property MapExporter exporter
    required property AuditModel audit
    required property ShareClaimModel shareClaims
    required property RecordDesk desk
    property bool auditShown: false // the audit panel in place of the day's and the district's
    property bool restoreState: false
    property bool arabicLabels: false
    property int playSpeed: 0 // days a second to start playing at once the map is drawn (--play); 0: don't
    // Ready for a screenshot: the map is drawn and the territory chart totalled (in the background for
    // large datasets).
    readonly property bool ready: mapPanel.ready && totals.ready && !(auditShown && audit.running)

    width: 1400
    height: 900
    visible: true
    title: qsTr("Frontline — %1%2%3").arg(dataset.title).arg(dataset.bundled ? qsTr(" (bundled, read-only)") : "")
        .arg(dataset.verifiedOnly ? qsTr(" — verified only, as published") : "")

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
        remember(dataset.databasePath)
        if (restoreState && state.database === dataset.databasePath) {
            if (state.date !== "")
                day.goToDate(state.date)
            if (state.zoom > 0)
                mapPanel.restoreView(QtPositioning.coordinate(state.latitude, state.longitude), state.zoom)
        }
    }
    // Ready for a scripted screenshot: with --play, once a few days have been played (and drawn), however slow
    // the machine.
    property int playedFrom: -1
    readonly property bool screenshotReady: ready && (playSpeed === 0 || (playedFrom >= 0 && day.day - playedFrom >= 5)
                                                      || (playedFrom >= 0 && !timeline.playing))
    onReadyChanged: {
        if (ready && playSpeed > 0 && playedFrom < 0) {
            playedFrom = day.day
            timeline.daysPerSecond = playSpeed
            timeline.playing = true
        }
    }
    onClosing: {
        state.database = dataset.databasePath
        state.date = day.dateText
        state.latitude = mapPanel.map.center.latitude
        state.longitude = mapPanel.map.center.longitude
        state.zoom = mapPanel.map.zoomLevel
    }
    Connections {
        target: window.dataset
        function onLoaded() { window.remember(window.dataset.databasePath) }
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
                        onTriggered: window.dataset.openDatabase("file://" + modelData)
                    }
                    onObjectAdded: (index, item) => recentMenu.insertItem(index, item)
                    onObjectRemoved: (index, item) => recentMenu.removeItem(item)
                }
            }
            MenuSeparator {}
            Action { text: qsTr("Save a &copy as…"); onTriggered: window.saveCopyThen(null) }
            Action { text: qsTr("Import dataset &folder…"); onTriggered: window.beforeWriting(datasetDialog) }
            Action { text: qsTr("Import district &boundaries…"); onTriggered: window.beforeWriting(boundariesDialog) }
            Action { text: qsTr("Open offline &basemap…"); onTriggered: basemapDialog.open() }
            Action { text: qsTr("&Hide basemap"); enabled: window.basemap.open; onTriggered: window.basemap.openFile("") }
            MenuSeparator {}
            Action { text: qsTr("&Export view as PNG…"); shortcut: "Ctrl+E"; onTriggered: exportDialog.open() }
            Action { text: qsTr("Export view as &SVG…"); onTriggered: svgDialog.open() }
            MenuSeparator {}
            Action {
                text: qsTr("&Audit the dataset")
                shortcut: "Ctrl+Shift+A"
                onTriggered: {
                    window.auditShown = true
                    window.audit.run()
                }
            }
            Action {
                text: window.exporter.exporting ? qsTr("Exporting animation…") : qsTr("Export &animation (MP4 or GIF)…")
                enabled: !window.exporter.exporting
                onTriggered: animationDialog.open()
            }
            MenuSeparator {}
            Action { text: qsTr("&Quit"); shortcut: StandardKey.Quit; onTriggered: Qt.quit() }
        }
        Menu {
            title: qsTr("&Edit")
            Action {
                text: window.desk.undoText !== "" ? window.desk.undoText : qsTr("Undo")
                enabled: window.desk.undoText !== ""
                shortcut: "Ctrl+Z"
                onTriggered: window.showEditProblem(window.desk.undo())
            }
            Action {
                text: window.desk.redoText !== "" ? window.desk.redoText : qsTr("Redo")
                enabled: window.desk.redoText !== ""
                shortcut: "Ctrl+Shift+Z"
                onTriggered: window.showEditProblem(window.desk.redo())
            }
            MenuSeparator {}
            Action {
                text: qsTr("Sign edits &as… (%1)").arg(window.desk.author)
                onTriggered: { authorField.text = window.desk.author; authorDialog.open() }
            }
            Action {
                text: qsTr("&Record a change of the selected district…")
                shortcut: "R"
                enabled: window.selection.districtId !== ""
                onTriggered: window.recordSelected()
            }
        }
        Menu {
            title: qsTr("&View")
            Action {
                // The map, panels and chart as they would be published: drafts left out until someone verifies them.
                text: qsTr("&Verified only (as published)")
                checkable: true
                checked: window.dataset.verifiedOnly
                shortcut: "Ctrl+Shift+V"
                onTriggered: window.dataset.verifiedOnly = checked
            }
        }
    }
    function recordSelected() {
        districtPanel.record()
    }
    function showEditProblem(text) {
        if (text !== "")
            window.showError(text)
    }
    Connections {
        target: window.desk
        function onSaved(warning) { window.showEditProblem(warning) }
    }

    FileDialog {
        id: openDialog
        title: qsTr("Open a Frontline database")
        nameFilters: [qsTr("Frontline databases (*.frontline *.db *.sqlite)"), qsTr("All files (*)")]
        onAccepted: window.dataset.openDatabase(selectedFile)
    }
    FileDialog {
        id: svgDialog
        title: qsTr("Export the map as a vector image, with date and legend")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "svg"
        nameFilters: [qsTr("SVG images (*.svg)")]
        onAccepted: {
            if (window.exporter.exportSvg(selectedFile, mapPanel.map.center, mapPanel.map.zoomLevel, Qt.size(mapPanel.width, mapPanel.height)))
                window.showImport(qsTr("Saved %1").arg(selectedFile))
        }
    }
    FileDialog {
        id: animationDialog
        title: qsTr("Export the whole timeline as a video, with date and legend")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "mp4"
        nameFilters: [qsTr("MP4 video (*.mp4)"), qsTr("GIF animation (*.gif)")]
        onAccepted: window.exporter.exportAnimation(selectedFile, timeline.daysPerSecond)
    }
    Connections {
        target: window.exporter
        function onExportFinished(ok, text) { window.showImport(text) }
    }
    FileDialog {
        id: basemapDialog
        title: qsTr("Open an offline basemap (MBTiles; nothing is downloaded)")
        nameFilters: [qsTr("MBTiles (*.mbtiles)"), qsTr("All files (*)")]
        onAccepted: window.basemap.openFile(selectedFile)
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
    // Writes go into a file of the user's own: on the bundled dataset, which is never changed, a copy comes first.
    function beforeWriting(dialog) {
        if (window.dataset.bundled)
            window.saveCopyThen(dialog)
        else
            dialog.open()
    }
    function saveCopyThen(dialog) {
        copyDialog.afterwards = dialog
        copyDialog.open()
    }
    FileDialog {
        id: copyDialog

        property var afterwards: null

        title: window.dataset.bundled ? qsTr("The bundled dataset is never changed: save a copy of your own to work on")
                                      : qsTr("Save a copy of the database as")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "frontline"
        currentFolder: StandardPaths.writableLocation(StandardPaths.DocumentsLocation)
        nameFilters: [qsTr("Frontline databases (*.frontline)")]
        onAccepted: {
            if (window.dataset.saveCopyAs(selectedFile) && afterwards)
                afterwards.open()
            afterwards = null
        }
    }
    FolderDialog {
        id: datasetDialog
        title: qsTr("Import a dataset folder (manifest.ini + CSV files)")
        onAccepted: window.showImport(window.dataset.importInto("dataset", selectedFolder))
    }
    FileDialog {
        id: boundariesDialog
        title: qsTr("Import district boundaries")
        nameFilters: [qsTr("Vector files (*.geojson *.json *.shp *.gpkg *.kml *.kmz *.fgb *.csv)"), qsTr("All files (*)")]
        onAccepted: window.showImport(window.dataset.importInto("districts", selectedFile))
    }

    function showImport(summary) {
        if (summary !== "") {
            message.title = qsTr("Import finished")
            message.text = summary
            message.open()
        }
    }

    function showError(text) {
        message.title = qsTr("Frontline")
        message.text = text
        message.open()
    }
    // Each object reports its own errors.
    Connections { target: window.notices; function onPosted(text) { window.showError(text) } }
    Dialog {
        id: message
        objectName: "messageDialog"
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

    Dialog {
        // Who signs every edit from now on; remembered between sessions (at first $FRONTLINE_AUTHOR or the login).
        id: authorDialog
        objectName: "authorDialog"
        title: qsTr("Sign edits as")
        anchors.centerIn: parent
        width: Math.min(480, window.width - 80)
        modal: true
        standardButtons: Dialog.Ok | Dialog.Cancel
        onAccepted: window.desk.author = authorField.text
        ColumnLayout {
            width: parent.width
            Label {
                Layout.fillWidth: true
                text: qsTr("Your name as colleagues know it: it signs what you record, correct and review, and nobody "
                           + "verifies their own work.")
                wrapMode: Text.Wrap
            }
            TextField {
                id: authorField
                objectName: "authorField"
                Layout.fillWidth: true
                selectByMouse: true
                onAccepted: authorDialog.accept()
            }
        }
    }

    Shortcut { sequence: "Right"; onActivated: window.day.stepDays(1) }
    Shortcut { sequence: "Left"; onActivated: window.day.stepDays(-1) }
    Shortcut { sequence: "Shift+Right"; onActivated: window.day.jumpToChange(1) }
    Shortcut { sequence: "Shift+Left"; onActivated: window.day.jumpToChange(-1) }
    Shortcut { sequence: "Home"; onActivated: window.day.day = 0 }
    Shortcut { sequence: "End"; onActivated: window.day.day = window.dataset.dayCount - 1 }
    Shortcut { sequence: "Space"; onActivated: timeline.playing = !timeline.playing }
    Shortcut { sequence: "Esc"; onActivated: window.selection.select("") }
    Shortcut { sequence: "Ctrl+F"; onActivated: searchPanel.focusSearch() }
    Shortcut { sequence: "Ctrl+Y"; onActivated: window.showEditProblem(window.desk.redo()) } // Redo, as elsewhere

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
                dataset: window.dataset
                day: window.day
                selection: window.selection
                compare: window.compare
                incidents: window.incidents
                basemap: window.basemap
                arabicLabels: timeline.arabicLabels
                onDistrictClicked: (coordinate, extend) => extend ? window.selection.toggleAt(coordinate)
                                                                  : window.selection.selectAt(coordinate)
            }
            ColumnLayout {
                Layout.preferredWidth: 440
                Layout.maximumWidth: 440
                Layout.fillHeight: true
                spacing: 0

                SearchPanel {
                    id: searchPanel

                    Layout.fillWidth: true
                    search: window.search
                    onChosen: (districtId, day) => {
                        if (day >= 0)
                            window.day.day = day
                        window.selection.select(districtId) // an incident's hit selects nothing: the day's panel lists it
                        if (districtId !== "")
                            mapPanel.flyTo(window.selection.anchorOf(districtId))
                    }
                }
                AuditPanel {
                    Layout.fillWidth: true
                    Layout.preferredHeight: window.selection.districtId !== "" ? 300 : -1
                    Layout.fillHeight: window.selection.districtId === ""
                    visible: window.auditShown
                    dataset: window.dataset
                    day: window.day
                    selection: window.selection
                    audit: window.audit
                    onClosed: window.auditShown = false
                    onDistrictChosen: districtId => mapPanel.flyTo(window.selection.anchorOf(districtId))
                }
                DistrictPanel {
                    id: districtPanel
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: window.selection.districtId !== ""
                    day: window.day
                    selection: window.selection
                    desk: window.desk
                    onProblem: text => window.showError(text)
                }
                DayPanel {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: window.selection.districtId === "" && !window.auditShown
                    day: window.day
                    selection: window.selection
                    compare: window.compare
                    incidents: window.incidents
                    onIncidentChosen: coordinate => mapPanel.flyTo(coordinate)
                }
            }
        }
        TerritoryChart {
            Layout.fillWidth: true
            Layout.preferredHeight: 150
            visible: timeline.chartVisible
            dataset: window.dataset
            day: window.day
            totals: window.totals
            shareClaims: window.shareClaims
        }
        TimelineBar {
            id: timeline

            Layout.fillWidth: true
            arabicLabels: window.arabicLabels
            dataset: window.dataset
            day: window.day
            compare: window.compare
            totals: window.totals
        }
    }
}
