// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Search names (both scripts) and excerpts; a result selects its district, flies the map there and,
// for an excerpt, moves the timeline to its day.
ColumnLayout {
    id: root

    required property SearchModel search

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
        onTextChanged: root.search.query = text
        Keys.onEscapePressed: text = ""
    }
    ListView {
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(contentHeight, 320)
        visible: root.search.count > 0
        clip: true
        model: root.search
        ScrollBar.vertical: ScrollBar {}
        delegate: ItemDelegate {
            id: hit

            required property string districtId
            required property string name
            required property string date
            required property int day
            required property string snippet
            required property string kind

            width: ListView.view.width
            contentItem: Column {
                Label {
                    text: hit.kind === "name" ? hit.name : "%1 · %2".arg(hit.name).arg(hit.date)
                    font.bold: true
                    textFormat: Text.PlainText
                }
                Label {
                    width: parent.width
                    visible: hit.kind !== "name"
                    text: hit.snippet
                    elide: Text.ElideRight
                    maximumLineCount: 2
                    wrapMode: Text.Wrap
                    color: "#444"
                    textFormat: Text.PlainText
                }
            }
            onClicked: {
                root.chosen(hit.districtId, hit.day)
                field.text = ""
            }
        }
    }
}
