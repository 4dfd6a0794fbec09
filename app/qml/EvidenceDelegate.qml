// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs

// One piece of evidence: its stance, the quoted excerpt or our note, and the source it comes from.
// All dataset text is shown as plain text: nothing in a dataset is interpreted as markup or opened.
Rectangle {
    id: root

    required property string text
    required property bool quote
    required property int stance // an EvidenceModel.Stance
    required property string stanceText
    required property string publisher
    required property string author
    required property string title
    required property string url
    required property string date
    readonly property color stanceColour: MapStyle.stance(stance)

    implicitHeight: column.implicitHeight + 12
    color: "#fafafa"
    border.color: "#dddddd"
    radius: 4

    Rectangle { width: 4; height: parent.height; color: root.stanceColour; radius: 2 }

    ColumnLayout {
        id: column

        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 6; leftMargin: 12 }
        spacing: 2

        Label {
            text: (root.quote ? qsTr("%1 · quote") : qsTr("%1 · note in the dataset author's words")).arg(root.stanceText)
            color: root.stanceColour
            font { bold: true; pixelSize: 12; capitalization: Font.AllUppercase }
            textFormat: Text.PlainText
        }
        Label {
            Layout.fillWidth: true
            text: root.quote ? "“" + root.text + "”" : root.text
            font.italic: root.quote
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
        }
        Label {
            Layout.fillWidth: true
            text: [root.publisher, root.author, root.date].filter(s => s).join(", ")
                  + (root.title ? " — " + root.title : "")
            color: "#444"
            font.pixelSize: 12
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
        }
        RowLayout {
            Layout.fillWidth: true
            visible: root.url !== ""

        TextEdit {
            Layout.fillWidth: true
            text: root.url // shown, selectable, never opened: Frontline works offline
            readOnly: true
            selectByMouse: true
            color: "#1a4f8b"
            font.pixelSize: 12
            wrapMode: Text.WrapAnywhere
            textFormat: TextEdit.PlainText
        }
        ToolButton {
            // Only web addresses, and only after the user confirms: a dataset never opens anything by itself.
            visible: /^https?:\/\//i.test(root.url)
            contentItem: Label { text: qsTr("Open…"); font.pixelSize: 12; textFormat: Text.PlainText }
            onClicked: confirm.active = true
        }
        }
    }

    Loader {
        id: confirm
        active: false
        sourceComponent: MessageDialog {
            title: qsTr("Open this address in your browser?")
            text: root.url
            informativeText: qsTr("This leaves Frontline, which never goes online itself; your browser will contact the site.")
            buttons: MessageDialog.Open | MessageDialog.Cancel
            Component.onCompleted: open()
            onButtonClicked: (button, role) => {
                if (button === MessageDialog.Open)
                    Qt.openUrlExternally(root.url) // opened only after the user confirms
                confirm.active = false
            }
        }
    }
}
