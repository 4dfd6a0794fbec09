// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtLocation
import QtPositioning

// The map of one day: districts coloured by holder, the front line, legend and date.
Item {
    id: root

    required property Dataset dataset
    required property DayState day
    required property Selection selection
    required property CompareModel compare
    required property IncidentModel incidents
    required property Basemap basemap
    property bool interactive: true
    property bool arabicLabels: false
    property alias map: map
    // Ready to be captured: the map is laid out and every district's polygon and label exists (delegates are
    // created incrementally).
    readonly property bool ready: map.mapReady && width > 0 && fitted
                                  && (items ? drawnParts === items.districts.count && drawnLabels === items.districts.count
                                              && drawnHatches === items.hatches.count
                                            : districtLayer.settled)
    // The one place the renderer's choice is read: the item renderer's models, or none where the batched
    // layer draws the districts.
    readonly property ItemScene items: day.map.items
    property bool fitted: false
    property int drawnParts: 0
    property int drawnLabels: 0
    property int drawnHatches: 0 // contested districts' stripes

    signal districtClicked(var coordinate, bool extend) // extend: shift-click, adding to the selection

    property bool keepView: false // the user (or a restored session) chose the view: resizing keeps it

    function fit() {
        if (keepView) {
            fitted = true
            return
        }
        if (width > 0 && height > 0 && map.mapReady) {
            map.fitViewportToGeoShape(root.dataset.bounds, 24)
            fitted = true
        }
    }

    function restoreView(center, zoom) {
        map.center = center
        map.zoomLevel = zoom
        keepView = true
        fitted = true
    }

    function flyTo(coordinate) {
        if (!coordinate.isValid)
            return
        map.center = coordinate
        map.zoomLevel = Math.max(map.zoomLevel, 14)
    }

    // The basemap tiles covering the view, at the available zoom nearest to the map's.
    property var tiles: []
    function updateTiles() {
        if (!basemap.open || !map.mapReady || width <= 0) {
            tiles = []
            return
        }
        const z = Math.max(basemap.minZoom, Math.min(basemap.maxZoom, Math.round(map.zoomLevel)))
        const nw = map.toCoordinate(Qt.point(0, 0), false), se = map.toCoordinate(Qt.point(width, height), false)
        tiles = TileGrid.covering(nw, se, z, 600)
    }
    Timer { id: tileTimer; interval: 60; onTriggered: root.updateTiles() }
    Connections {
        target: map
        function onCenterChanged() { tileTimer.restart() }
        function onZoomLevelChanged() { tileTimer.restart() }
        function onMapReadyChanged() { tileTimer.restart() }
    }
    Connections {
        target: root.basemap
        function onChanged() { tileTimer.restart() }
    }

    onWidthChanged: fit()
    onHeightChanged: fit()

    Map {
        id: map
        objectName: "map"

        anchors.fill: parent
        plugin: Plugin { name: "itemsoverlay" } // draws our items only: nothing is fetched from a network
        color: MapStyle.ground
        copyrightsVisible: false
        onMapReadyChanged: root.fit()

        MapItemView { // the offline basemap, under everything else
            model: root.tiles
            delegate: MapQuickItem {
                id: tile
                required property var modelData

                coordinate: QtPositioning.coordinate(modelData.latitude, modelData.longitude)
                zoomLevel: modelData.z
                sourceItem: Image {
                    width: 256
                    height: 256
                    source: "image://basemap/%1/%2/%3".arg(tile.modelData.z).arg(tile.modelData.x).arg(tile.modelData.y)
                    asynchronous: true
                    cache: true
                }
            }
        }

        DistrictLayer { // large datasets: every district in one picture, over the basemap, under the map items
            id: districtLayer
            anchors.fill: parent
            visible: !root.items
            backdrop: root.basemap.open ? "transparent" : map.color
            day: root.items ? null : root.day.map
            center: map.center
            zoomLevel: map.zoomLevel
        }

        // Map items are drawn in the order they were created unless told otherwise, and the views create them
        // incrementally: explicit z keeps fills, stripes, outlines, the front line and labels in that order.
        MapItemView {
            model: root.items ? root.items.districts : null
            delegate: MapPolygon {
                required property var outline
                required property color fillColor
                required property color lineColor
                required property real lineWidth
                required property bool changedToday

                z: changedToday ? 0.5 : 0 // its yellow outline over its neighbours' white ones

                Component.onCompleted: root.drawnParts++
                Component.onDestruction: root.drawnParts--

                path: outline
                color: fillColor
                border.color: lineColor
                border.width: lineWidth
            }
        }

        MapItemView { // districts that changed hands since the comparison day
            model: root.items ? root.items.districts : null
            delegate: MapPolygon {
                required property var outline
                required property bool compared

                visible: compared
                path: outline
                color: "transparent"
                border.color: MapStyle.compared
                border.width: 4
                z: 2
            }
        }

        MapItemView { // the selected districts
            model: root.items ? root.items.districts : null
            delegate: MapPolygon {
                required property var outline
                required property string districtId

                visible: root.selection.districtIds.indexOf(districtId) >= 0
                path: outline
                color: "transparent"
                border.color: MapStyle.selected
                border.width: 5
                z: 3
            }
        }

        MapItemView { // the selected districts over the batched layer (the view above serves the item renderer)
            model: root.items ? null : root.selection.outline
            delegate: MapPolygon {
                required path // from the model's role of that name
                color: "transparent"
                border.color: MapStyle.selected
                border.width: 3
                z: 5
            }
        }

        MapItemView {
            model: root.items ? root.items.hatches : null
            delegate: MapPolyline {
                required path // from the model's role of that name
                required property color colour

                Component.onCompleted: root.drawnHatches++
                Component.onDestruction: root.drawnHatches--

                line.color: colour
                line.width: 2
                z: 1
            }
        }

        MapItemView {
            model: root.items ? root.items.frontLine : null
            delegate: MapPolyline {
                required path // from the model's role of that name

                line.color: MapStyle.front
                line.width: 4
                z: 4
            }
        }

        MapItemView { // the day's incidents, where they could be placed
            model: root.incidents
            delegate: MapQuickItem {
                id: incident
                required coordinate // from the model's role of that name
                required property bool located
                required property string locationConfidence

                visible: located
                anchorPoint: Qt.point(11, 11)
                z: 10
                sourceItem: Rectangle {
                    width: 22; height: 22; radius: 11
                    color: MapStyle.incident
                    border.color: MapStyle.outline
                    border.width: 2
                    opacity: incident.locationConfidence === "low" ? 0.75 : 1
                    Text { anchors.centerIn: parent; text: "!"; color: "white"; font { bold: true; pixelSize: 14 } }
                }
            }
        }

        MapItemView { // names, each shown only where it fits inside its district, so they never overlap
            model: root.items ? root.items.districts : null
            delegate: MapQuickItem {
                id: districtName
                required property bool label
                required property var anchor
                required property real span
                required property string name
                required property string nameArabic

                readonly property real widthOnScreen: span * 256 * Math.pow(2, map.zoomLevel) / 360

                Component.onCompleted: root.drawnLabels++
                Component.onDestruction: root.drawnLabels--
                visible: label && labelText.implicitWidth < 0.8 * widthOnScreen
                coordinate: anchor
                z: 6
                anchorPoint: Qt.point(labelText.implicitWidth / 2, labelText.implicitHeight / 2)
                sourceItem: Text {
                    id: labelText
                    text: root.arabicLabels && districtName.nameArabic !== "" ? districtName.nameArabic : districtName.name
                    textFormat: Text.PlainText
                    font.pixelSize: 12
                    color: MapStyle.front
                    style: Text.Outline
                    styleColor: "#f0ffffff"
                }
            }
        }

        DragHandler {
            target: null
            enabled: root.interactive
            onTranslationChanged: delta => {
                root.keepView = true
                map.pan(-delta.x, -delta.y)
            }
        }
        WheelHandler {
            enabled: root.interactive
            rotationScale: 1 / 120
            property: "zoomLevel"
            onWheel: root.keepView = true
        }
        PinchHandler {
            target: null
            enabled: root.interactive
            property var startCentroid
            onActiveChanged: if (active) startCentroid = map.toCoordinate(centroid.position, false)
            onScaleChanged: delta => {
                map.zoomLevel += Math.log2(delta)
                map.alignCoordinateToPoint(startCentroid, centroid.position)
            }
        }
        TapHandler {
            enabled: root.interactive
            onTapped: eventPoint => root.districtClicked(map.toCoordinate(eventPoint.position, false),
                                                         (point.modifiers & Qt.ShiftModifier) !== 0)
        }
    }

    Column {
        anchors { left: parent.left; top: parent.top; margins: 16 }
        spacing: 2

        Text {
            text: root.day.dateText
            font { pixelSize: 34; bold: true }
            color: MapStyle.ink
            style: Text.Outline
            styleColor: "white"
        }
        Text {
            // A date after the data: the map is the last day's, and says so.
            visible: text !== ""
            text: root.day.dataEndNote
            font { pixelSize: 16; bold: true }
            color: "#a33"
            style: Text.Outline
            styleColor: "white"
        }
        Text {
            text: root.dataset.title
            font.pixelSize: 14
            color: "#333"
            textFormat: Text.PlainText
        }
        Text {
            objectName: "verifiedOnlyNote"
            visible: root.dataset.verifiedOnly
            text: qsTr("Verified record only: drafts are not shown")
            font { pixelSize: 14; bold: true }
            color: "#1b5e20"
        }
    }

    Legend {
        anchors { right: parent.right; bottom: parent.bottom; margins: 16 }
        legend: root.day.legend
        incidentCount: root.incidents.count
        compareDateText: root.compare.compareDateText
    }

    Column {
        visible: root.interactive
        anchors { right: parent.right; top: parent.top; margins: 16 }
        spacing: 4

        component MapButton: Rectangle {
            property alias text: label.text
            signal clicked
            width: 36; height: 36; radius: 4
            color: area.containsMouse ? "#ffffff" : MapStyle.panel
            border.color: MapStyle.panelBorder
            Text { id: label; anchors.centerIn: parent; font.pixelSize: 18 }
            MouseArea { id: area; anchors.fill: parent; hoverEnabled: true; onClicked: parent.clicked() }
        }
        MapButton { text: "+"; onClicked: { root.keepView = true; map.zoomLevel += 1 } }
        MapButton { text: "−"; onClicked: { root.keepView = true; map.zoomLevel -= 1 } }
        MapButton { text: "⤢"; onClicked: { root.keepView = false; root.fit() } } // fit to the data
    }
}
