// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Search names (both scripts) and excerpts; a result selects its district, flies the map there and,
// for an excerpt, moves the timeline to its day.
ColumnLayout {
    id: root

    required property Atlas atlas
    property var results: []

    signal chosen(string districtId, int day)

    function focusSearch() {
        field.forceActiveFocus()
        field.selectAll()
    }

    spacing: 0

    TextField {
        id: field

        Layout.fillWidth: true
        Layout.margins: 8
        placeholderText: qsTr("Search places and sources (Ctrl+F)")
        selectByMouse: true
        onTextChanged: root.results = root.atlas.search(text)
        Keys.onEscapePressed: text = ""
    }
    ListView {
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(contentHeight, 320)
        visible: root.results.length > 0
        clip: true
        model: root.results
        ScrollBar.vertical: ScrollBar {}
        delegate: ItemDelegate {
            required property var modelData

            width: ListView.view.width
            contentItem: Column {
                Label {
                    text: modelData.kind === "name" ? modelData.name : "%1 · %2".arg(modelData.name).arg(modelData.date)
                    font.bold: true
                    textFormat: Text.PlainText
                }
                Label {
                    width: parent.width
                    visible: modelData.kind === "excerpt"
                    text: modelData.text
                    elide: Text.ElideRight
                    maximumLineCount: 2
                    wrapMode: Text.Wrap
                    color: "#444"
                    textFormat: Text.PlainText
                }
            }
            onClicked: {
                root.chosen(modelData.districtId, modelData.day)
                field.text = ""
            }
        }
    }
}
